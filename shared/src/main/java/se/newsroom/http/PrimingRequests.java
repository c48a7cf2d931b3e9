package se.newsroom.http;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.RequestContext;

import se.newsroom.json.Json;

/** Requests a function sends itself before a SnapStart snapshot: reads only, or writes that are refused. */
public final class PrimingRequests {
    /** An id no item has (a valid ULID), so reads find nothing and conditional writes are refused. */
    public static final String ABSENT_ID = "00000000000000000000000000";

    private PrimingRequests() {
    }

    /** An HTTP API event, as an editor when {@code editor}, from a documentation address otherwise. */
    public static APIGatewayV2HTTPEvent event(String routeKey, Map<String, String> path, Map<String, String> query,
                                              String contentType, String body, boolean editor) {
        RequestContext.RequestContextBuilder context = RequestContext.builder().withRequestId("snapstart-priming")
                .withRouteKey(routeKey)
                .withHttp(RequestContext.Http.builder().withMethod(routeKey.split(" ")[0]).withSourceIp("192.0.2.1")
                        .build());
        if (editor) {
            context.withAuthorizer(RequestContext.Authorizer.builder().withJwt(RequestContext.Authorizer.JWT.builder()
                    .withClaims(Map.of("sub", "priming", "cognito:groups", "[editors]")).build()).build());
        }
        Map<String, String> headers = new HashMap<>();
        if (contentType != null) {
            headers.put("content-type", contentType);
            headers.put("if-match", "\"1\"");
        }
        return APIGatewayV2HTTPEvent.builder().withRouteKey(routeKey).withPathParameters(path)
                .withQueryStringParameters(query).withHeaders(headers).withBody(body).withIsBase64Encoded(false)
                .withRequestContext(context.build()).build();
    }

    /**
     * Sends {@code event} to {@code function} through the same JSON path as a real request (so priming covers the
     * event mapping too) and returns the answer's status.
     */
    public static int send(HttpApiFunction function, APIGatewayV2HTTPEvent event) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            function.handleRequest(new ByteArrayInputStream(Json.MAPPER.writeValueAsBytes(event)), out, null);
            return Json.MAPPER.readTree(out.toByteArray()).path("statusCode").asInt();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
