package se.newsroom.http;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;

import se.newsroom.error.FieldError;
import se.newsroom.error.MalformedRequestException;

/** Read access to an HTTP API (payload 2.0) request, tolerant of the parts API Gateway leaves out. */
public final class ApiRequest {
    private static final String NOT_UTF8 = "The request body is not valid UTF-8.";

    private final APIGatewayV2HTTPEvent event;

    public ApiRequest(APIGatewayV2HTTPEvent event) {
        this.event = event;
    }

    /** The raw event, for what this class does not cover. */
    public APIGatewayV2HTTPEvent event() {
        return event;
    }

    /** The matched route, e.g. {@code GET /api/articles/{id}}. */
    public String routeKey() {
        return Optional.ofNullable(event.getRouteKey()).orElse("");
    }

    /** API Gateway's request id, when present. */
    public Optional<String> requestId() {
        return Optional.ofNullable(event.getRequestContext()).map(APIGatewayV2HTTPEvent.RequestContext::getRequestId);
    }

    /** The client's address as API Gateway saw it. */
    public Optional<String> sourceIp() {
        return Optional.ofNullable(event.getRequestContext()).map(APIGatewayV2HTTPEvent.RequestContext::getHttp)
                .map(APIGatewayV2HTTPEvent.RequestContext.Http::getSourceIp).filter(ip -> !ip.isBlank());
    }

    /** A header by name; HTTP API lower-cases names, but a hand-written event may not. */
    public Optional<String> header(String name) {
        Map<String, String> headers = event.getHeaders();
        if (headers == null) {
            return Optional.empty();
        }
        String value = headers.get(name.toLowerCase(Locale.ROOT));
        if (value == null) {
            value = headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(Map.Entry::getValue)
                    .findFirst().orElse(null);
        }
        return Optional.ofNullable(value);
    }

    /** A path parameter that the route declares. */
    public String pathParameter(String name) {
        return Optional.ofNullable(event.getPathParameters()).map(p -> p.get(name))
                .orElseThrow(() -> new MalformedRequestException("The path parameter {" + name + "} is missing."));
    }

    /** A query string parameter, empty when absent or blank. */
    public Optional<String> queryParameter(String name) {
        return Optional.ofNullable(event.getQueryStringParameters()).map(q -> q.get(name))
                .filter(v -> !v.isBlank());
    }

    /**
     * A whole-number query parameter within bounds, or the default when absent.
     *
     * @throws MalformedRequestException naming the parameter when it is not a number in range
     */
    public int intParameter(String name, int defaultValue, int min, int max) {
        Optional<String> value = queryParameter(name);
        if (value.isEmpty()) {
            return defaultValue;
        }
        try {
            int n = Integer.parseInt(value.get());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // the same answer as out of range
        }
        String message = "must be a whole number from " + min + " to " + max;
        throw new MalformedRequestException("The query parameter " + name + " " + message + ".",
                List.of(new FieldError(name, message)));
    }

    /**
     * The body as text. Bytes (a body API Gateway base64-encoded) must be valid UTF-8; a body it passed as text must
     * not hold U+FFFD, which is what invalid bytes become on the way (a client never means to send one).
     *
     * @throws MalformedRequestException when the body is not valid UTF-8
     */
    public String bodyText() {
        if (event.getBody() == null) {
            return "";
        }
        if (!event.getIsBase64Encoded()) {
            if (event.getBody().indexOf('\uFFFD') >= 0) {
                throw new MalformedRequestException(NOT_UTF8);
            }
            return event.getBody();
        }
        return utf8(bodyBytes()).orElseThrow(() -> new MalformedRequestException(NOT_UTF8));
    }

    /** {@code bytes} as UTF-8, decoded strictly: empty when they are not valid UTF-8, never U+FFFD for them. */
    public static Optional<String> utf8(byte[] bytes) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    /**
     * Percent-decoding, strictly: each %XX a byte (and with {@code plusIsSpace}, as in a form, '+' a space), the
     * bytes read as UTF-8; empty for a broken escape or bytes that are not UTF-8, where the JDK's URLDecoder would
     * throw or put U+FFFD. For a form's names and values and, locally, a request path.
     */
    public static Optional<String> percentDecoded(String encoded, boolean plusIsSpace) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(encoded.length());
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '%') {
                int hi = i + 2 < encoded.length() ? Character.digit(encoded.charAt(i + 1), 16) : -1;
                int lo = hi < 0 ? -1 : Character.digit(encoded.charAt(i + 2), 16);
                if (lo < 0) {
                    return Optional.empty();
                }
                bytes.write(hi * 16 + lo);
                i += 2;
            } else if (c == '+' && plusIsSpace) {
                bytes.write(' ');
            } else if (c < 0x80) {
                bytes.write(c);
            } else {
                int end = i + 1;
                while (end < encoded.length() && encoded.charAt(end) >= 0x80) {
                    end++;
                }
                bytes.writeBytes(encoded.substring(i, end).getBytes(StandardCharsets.UTF_8));
                i = end - 1;
            }
        }
        return utf8(bytes.toByteArray());
    }

    /** The body's bytes, decoded from base64 when API Gateway encoded it; empty when there is none. */
    public byte[] bodyBytes() {
        String body = event.getBody();
        if (body == null) {
            return new byte[0];
        }
        if (event.getIsBase64Encoded()) {
            try {
                return Base64.getDecoder().decode(body);
            } catch (IllegalArgumentException e) {
                throw new MalformedRequestException("The request body is marked base64-encoded but is not.");
            }
        }
        return body.getBytes(StandardCharsets.UTF_8);
    }
}
