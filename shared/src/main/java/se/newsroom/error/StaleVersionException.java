package se.newsroom.error;

import java.util.List;

/** Thrown when a write is based on a version of the item that is no longer current (412). */
public final class StaleVersionException extends NewsroomException {
    public StaleVersionException(String detail) {
        super(detail, List.of());
    }

    public StaleVersionException(String detail, List<FieldError> errors) {
        super(detail, errors);
    }
}
