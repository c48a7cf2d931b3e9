package se.newsroom.error;

import java.util.List;

/** Thrown when the article (or route) the request names does not exist (404). */
public final class NotFoundException extends NewsroomException {
    public NotFoundException(String detail) {
        super(detail, List.of());
    }

    public NotFoundException(String detail, List<FieldError> errors) {
        super(detail, errors);
    }
}
