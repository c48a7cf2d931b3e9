package se.newsroom.http;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.core.JsonProcessingException;

import se.newsroom.error.ConflictException;
import se.newsroom.error.ForbiddenException;
import se.newsroom.error.InvalidCursorException;
import se.newsroom.error.InvalidInputException;
import se.newsroom.error.MalformedRequestException;
import se.newsroom.error.MissingRoleException;
import se.newsroom.error.NewsroomException;
import se.newsroom.error.NotFoundException;
import se.newsroom.error.PayloadTooLargeException;
import se.newsroom.error.PreconditionRequiredException;
import se.newsroom.error.StaleVersionException;
import se.newsroom.error.TooManyRequestsException;
import se.newsroom.error.UnauthorizedException;
import se.newsroom.error.UnsupportedMediaTypeException;
import se.newsroom.json.Json;

/** Turns the domain's exceptions into RFC 9457 responses; the one place that knows their status codes. */
public final class Problems {
    public static final String MEDIA_TYPE = "application/problem+json";
    /** How long a client waits after a passing fault; the SDK has already retried for about a second by then. */
    public static final long RETRY_AFTER_SECONDS = 1;

    private Problems() {
    }

    /** The status code for a condition. */
    public static int status(NewsroomException e) {
        return switch (e) {
            case MalformedRequestException x -> 400;
            case InvalidCursorException x -> 400;
            case UnauthorizedException x -> 401;
            case ForbiddenException x -> 403;
            case MissingRoleException x -> 403;
            case NotFoundException x -> 404;
            case ConflictException x -> 409;
            case StaleVersionException x -> 412;
            case PayloadTooLargeException x -> 413;
            case UnsupportedMediaTypeException x -> 415;
            case InvalidInputException x -> 422;
            case PreconditionRequiredException x -> 428;
            case TooManyRequestsException x -> 429;
        };
    }

    /** The problem body for a condition. */
    public static Problem of(NewsroomException e, Optional<String> requestId) {
        int status = status(e);
        String requiredRole = e instanceof MissingRoleException m ? m.requiredGroup() : null;
        return new Problem("about:blank", reason(status), status, e.getMessage(), e.errors(), requestId.orElse(null),
                requiredRole);
    }

    /** The response for a condition; 401 also carries the challenge the API's JWT authorizer expects. */
    public static APIGatewayV2HTTPResponse response(NewsroomException e, Optional<String> requestId) {
        Map<String, String> extra = switch (e) {
            case UnauthorizedException x -> Map.of("WWW-Authenticate", "Bearer");
            case TooManyRequestsException x -> Map.of("Retry-After", Long.toString(x.retryAfterSeconds()));
            default -> Map.of();
        };
        return response(of(e, requestId), extra);
    }

    /** The response for a fault nobody anticipated: no exception text, only the request id to quote. */
    public static APIGatewayV2HTTPResponse unexpected(Optional<String> requestId) {
        return response(new Problem("about:blank", reason(500), 500,
                "Something went wrong on our side; nothing was changed by this request. Quote the request id if "
                        + "you report it.", List.of(), requestId.orElse(null)), Map.of());
    }

    /**
     * The response for a passing fault of a service this request needed (throttling, a 5xx, a timeout, a dropped
     * connection), after the SDK's retries: 503 with Retry-After. The request may have been applied before the
     * fault; sending it again is safe (a create with the same Idempotency-Key answers the article it made).
     */
    public static APIGatewayV2HTTPResponse unavailable(Optional<String> requestId) {
        return response(new Problem("about:blank", reason(503), 503,
                "A service this request needs is briefly unavailable. Send the same request again in a moment (a "
                        + "create with the same Idempotency-Key); quote the request id if it keeps failing.",
                List.of(), requestId.orElse(null)), Map.of("Retry-After", Long.toString(RETRY_AFTER_SECONDS)));
    }

    private static APIGatewayV2HTTPResponse response(Problem problem, Map<String, String> extraHeaders) {
        String body;
        try {
            body = Json.MAPPER.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A problem record always serializes", e);
        }
        return HttpResponses.of(problem.status(), MEDIA_TYPE, body, extraHeaders);
    }

    static String reason(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 409 -> "Conflict";
            case 412 -> "Precondition Failed";
            case 413 -> "Content Too Large";
            case 415 -> "Unsupported Media Type";
            case 422 -> "Unprocessable Content";
            case 428 -> "Precondition Required";
            case 429 -> "Too Many Requests";
            case 503 -> "Service Unavailable";
            default -> "Internal Server Error";
        };
    }
}
