package se.newsroom.error;

import java.util.List;

/** Thrown when a request cannot be read: malformed JSON, unknown fields, a bad cursor or parameter (400). */
public final class MalformedRequestException extends NewsroomException {
    public MalformedRequestException(String detail) {
        super(detail, List.of());
    }

    public MalformedRequestException(String detail, List<FieldError> errors) {
        super(detail, errors);
    }
}
