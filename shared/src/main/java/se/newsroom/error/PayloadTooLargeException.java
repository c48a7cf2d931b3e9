package se.newsroom.error;

import java.util.List;

/** Thrown when a request body is larger than the API accepts (413). */
public final class PayloadTooLargeException extends NewsroomException {
    public PayloadTooLargeException(String detail) {
        super(detail, List.of());
    }

    public PayloadTooLargeException(String detail, List<FieldError> errors) {
        super(detail, errors);
    }
}
