package se.newsroom.error;

import java.util.List;

/** Thrown when a well-formed request asks for something invalid; names each field at fault (422). */
public final class InvalidInputException extends NewsroomException {
    public InvalidInputException(String detail) {
        super(detail, List.of());
    }

    public InvalidInputException(String detail, List<FieldError> errors) {
        super(detail, errors);
    }
}
