package se.newsroom.error;

import java.util.List;

/** Thrown when the caller is signed in but may not do this, e.g. is not in the editors group (403). */
public final class ForbiddenException extends NewsroomException {
    public ForbiddenException(String detail) {
        super(detail, List.of());
    }

    public ForbiddenException(String detail, List<FieldError> errors) {
        super(detail, errors);
    }
}
