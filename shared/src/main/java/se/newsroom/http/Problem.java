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
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, List<FieldError> errors,
                      String requestId) {
    public Problem {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }
}
