package se.newsroom.http;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import se.newsroom.error.FieldError;

/**
 * An RFC 9457 problem details body.
 *
 * @param type      {@code about:blank}: the status code says what kind of problem it is
 * @param title     the status code's reason phrase
 * @param status    the HTTP status code
 * @param detail    what went wrong with this request, for a person to act on
 * @param errors    the fields at fault (an extension member), omitted when none
 * @param requestId the API request id (an extension member), to quote to an operator
 * @param requiredRole the Cognito group a refused request needs (an extension member of a 403 for a missing role,
 *                     e.g. {@code publishers}), omitted otherwise
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, List<FieldError> errors,
                      String requestId, String requiredRole) {
    public Problem {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    /** A problem without a required role: every one but a missing role's. */
    public Problem(String type, String title, int status, String detail, List<FieldError> errors, String requestId) {
        this(type, title, status, detail, errors, requestId, null);
    }
}
