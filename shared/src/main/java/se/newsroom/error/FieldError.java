package se.newsroom.error;

import java.util.List;
import java.util.Objects;

/**
 * One problem with one field of a request, worded for the person who sent it.
 *
 * @param field   the field's name as the request spells it, e.g. {@code title} or {@code related[2]}
 * @param message what is wrong and what would be right
 */
public record FieldError(String field, String message) {
    public FieldError {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }

    /** The list of one field error, for a condition with a single field at fault. */
    public static List<FieldError> only(String field, String message) {
        return List.of(new FieldError(field, message));
    }
}
