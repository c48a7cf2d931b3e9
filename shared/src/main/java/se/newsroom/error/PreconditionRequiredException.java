package se.newsroom.error;

import java.util.List;

/** Thrown when a write that must say which version it is based on (If-Match) does not (428). */
public final class PreconditionRequiredException extends NewsroomException {
    public PreconditionRequiredException(String detail) {
        super(detail, List.of());
    }

    public PreconditionRequiredException(String detail, List<FieldError> errors) {
        super(detail, errors);
    }
}
