package se.newsroom.comments;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.RequestContext;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.RequestContext.Authorizer;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;

import se.newsroom.json.Json;

/** Calls CommentsFunction as the HTTP API does: readers anonymous with an address, editors with claims. */
final class CommentCalls {
    static final Map<String, String> EDITOR = Map.of("sub", "editor-1", "cognito:groups", "[editors]", "name", "Anna");
    /** The origin secret the tests' function is built with, which CloudFront would send. */
    static final String ORIGIN_SECRET = "test-origin-secret-of-length";
    /** One CloudFront edge: the source address API Gateway sees for every reader behind it. */
    static final String EDGE = "130.176.0.1";

    private final CommentsFunction function;

    CommentCalls(CommentsFunction function) {
        this.function = function;
    }

    /** The page's form, as API Gateway delivers it (base64). */
    APIGatewayV2HTTPResponse form(String articleId, String ip, Map<String, String> fields) {
        String body = fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        APIGatewayV2HTTPEvent event = event("POST /api/articles/{id}/comments", Map.of("id", articleId),
                Map.of("content-type", CommentForm.MEDIA_TYPE), Base64.getEncoder().encodeToString(
                        body.getBytes(StandardCharsets.UTF_8)), null, ip);
        event.setIsBase64Encoded(true);
        return function.handle(event, null);
    }

    APIGatewayV2HTTPResponse json(String articleId, String ip, String json) {
        return function.handle(event("POST /api/articles/{id}/comments", Map.of("id", articleId),
                Map.of("content-type", "application/json"), json, null, ip), null);
    }

    APIGatewayV2HTTPResponse queue(Map<String, String> query) {
        APIGatewayV2HTTPEvent event = event("GET /api/comments", Map.of(), Map.of(), null, EDITOR, "203.0.113.1");
        event.setQueryStringParameters(query);
        return function.handle(event, null);
    }

    APIGatewayV2HTTPResponse moderate(String articleId, String commentId, String status) {
        return function.handle(event("PATCH /api/articles/{id}/comments/{commentId}",
                Map.of("id", articleId, "commentId", commentId), Map.of("content-type", "application/json"),
                "{\"status\": \"" + status + "\"}", EDITOR, "203.0.113.1"), null);
    }

    APIGatewayV2HTTPResponse delete(String articleId, String commentId) {
        return function.handle(event("DELETE /api/articles/{id}/comments/{commentId}",
                Map.of("id", articleId, "commentId", commentId), Map.of(), null, EDITOR, "203.0.113.1"), null);
    }

    APIGatewayV2HTTPResponse erase(String email) {
        return function.handle(event("POST /api/comments/erasures", Map.of(),
                Map.of("content-type", "application/json"), "{\"email\": \"" + email + "\"}", EDITOR, "203.0.113.1"),
                null);
    }

    /** The newsroom's own reply, as the signed-in editor {@link #EDITOR} ("Anna"). */
    APIGatewayV2HTTPResponse staffReply(String articleId, String json) {
        return function.handle(event("POST /api/articles/{id}/replies", Map.of("id", articleId),
                Map.of("content-type", "application/json"), json, EDITOR, "203.0.113.1"), null);
    }

    APIGatewayV2HTTPResponse call(APIGatewayV2HTTPEvent event) {
        return function.handle(event, null);
    }

    /**
     * The event of a request from the reader at {@code ip}, as it reaches the API through CloudFront: from an edge
     * address, with the origin secret and the viewer's address.
     */
    static APIGatewayV2HTTPEvent event(String route, Map<String, String> path, Map<String, String> headers,
                                       String body, Map<String, String> claims, String ip) {
        Map<String, String> viaCloudFront = new HashMap<>(headers);
        viaCloudFront.putIfAbsent(CloudFrontOrigin.SECRET_HEADER, ORIGIN_SECRET);
        viaCloudFront.putIfAbsent(CloudFrontOrigin.VIEWER_HEADER, (ip.contains(":") ? "[" + ip + "]" : ip) + ":50123");
        return direct(route, path, viaCloudFront, body, claims, EDGE);
    }

    /** The event of a request sent to the API's own address, as is (no CloudFront in between). */
    static APIGatewayV2HTTPEvent direct(String route, Map<String, String> path, Map<String, String> headers,
                                        String body, Map<String, String> claims, String ip) {
        RequestContext.RequestContextBuilder context = RequestContext.builder()
                .withRequestId("test").withRouteKey(route)
                .withHttp(RequestContext.Http.builder().withSourceIp(ip).withMethod(route.split(" ")[0]).build());
        if (claims != null) {
            context.withAuthorizer(Authorizer.builder().withJwt(Authorizer.JWT.builder().withClaims(claims).build())
                    .build());
        }
        return APIGatewayV2HTTPEvent.builder().withRouteKey(route).withPathParameters(path)
                .withHeaders(new HashMap<>(headers)).withBody(body).withIsBase64Encoded(false)
                .withRequestContext(context.build()).build();
    }

    static Map<String, String> fields(String author, String email, String body) {
        Map<String, String> fields = new HashMap<>(Map.of("author", author, "email", email, "body", body,
                "website", "", "parentId", ""));
        return fields;
    }

    static JsonNode json(APIGatewayV2HTTPResponse response) {
        try {
            return Json.MAPPER.readTree(response.getBody());
        } catch (Exception e) {
            throw new AssertionError("Not JSON: " + response.getBody(), e);
        }
    }
}
