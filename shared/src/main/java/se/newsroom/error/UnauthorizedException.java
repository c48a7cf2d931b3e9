package se.newsroom.error;

import java.util.List;

/** Thrown when an editor-only route is called without the claims of a signed-in user (401). */
public final class UnauthorizedException extends NewsroomException {
    public UnauthorizedException(String detail) {
        super(detail, List.of());
    }

    public UnauthorizedException(String detail, List<FieldError> errors) {
        super(detail, errors);
    }
}
