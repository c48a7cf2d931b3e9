package se.newsroom.http;

import java.util.LinkedHashMap;
import java.util.Map;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.core.JsonProcessingException;

import se.newsroom.json.Json;

/** Builds HTTP API (payload 2.0) responses. */
public final class HttpResponses {
    public static final String JSON = "application/json; charset=utf-8";

    private HttpResponses() {
    }

    /** A JSON response of a value serialized with {@link Json#MAPPER}. */
    public static APIGatewayV2HTTPResponse json(int status, Object value, Map<String, String> extraHeaders) {
        try {
            return of(status, JSON, Json.MAPPER.writeValueAsString(value), extraHeaders);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Response values are plain records and always serialize", e);
        }
    }

    /** A response without a body, such as 204. */
    public static APIGatewayV2HTTPResponse empty(int status) {
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(status)
                .withHeaders(Map.of("Cache-Control", "no-store"))
                .withIsBase64Encoded(false)
                .build();
    }

    /** A response with a body of any type. */
    public static APIGatewayV2HTTPResponse of(int status, String contentType, String body, Map<String, String> extra) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", contentType);
        // Editors' data and errors are never for shared caches (CloudFront passes /api/* uncached as well).
        headers.put("Cache-Control", "no-store");
        headers.putAll(extra);
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(status)
                .withHeaders(headers)
                .withBody(body)
                .withIsBase64Encoded(false)
                .build();
    }
}
