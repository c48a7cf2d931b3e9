package se.newsroom.error;

import java.util.List;

/** Thrown when a request body is not in a media type the route accepts (415). */
public final class UnsupportedMediaTypeException extends NewsroomException {
    public UnsupportedMediaTypeException(String detail) {
        super(detail, List.of());
    }

    public UnsupportedMediaTypeException(String detail, List<FieldError> errors) {
        super(detail, errors);
    }
}
