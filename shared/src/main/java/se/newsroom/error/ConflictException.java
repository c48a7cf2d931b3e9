package se.newsroom.error;

import java.util.List;

/** Thrown when the request clashes with the current state of another item (409). */
public final class ConflictException extends NewsroomException {
    public ConflictException(String detail) {
        super(detail, List.of());
    }

    public ConflictException(String detail, List<FieldError> errors) {
        super(detail, errors);
    }
}
