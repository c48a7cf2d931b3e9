package se.newsroom.error;

import java.util.List;

/**
 * A condition the API answers with a problem response; {@code se.newsroom.http.Problems} maps each type to a status.
 */
public abstract sealed class NewsroomException extends RuntimeException
        permits MalformedRequestException, UnauthorizedException, ForbiddenException, NotFoundException,
        ConflictException, StaleVersionException, PreconditionRequiredException, PayloadTooLargeException,
        UnsupportedMediaTypeException, InvalidInputException, TooManyRequestsException, InvalidCursorException,
        MissingRoleException {

    private final List<FieldError> errors;

    protected NewsroomException(String detail, List<FieldError> errors) {
        // No stack trace: these are expected outcomes of bad input, not faults to debug.
        super(detail, null, false, false);
        this.errors = List.copyOf(errors);
    }

    /** The per-field problems, empty when the condition concerns the request as a whole. */
    public List<FieldError> errors() {
        return errors;
    }
}
