package se.newsroom.articles;

import java.util.HashMap;
import java.util.Map;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.RequestContext;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.RequestContext.Authorizer;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;

import se.newsroom.json.Json;

/** Calls ArticlesFunction the way the HTTP API does, as a signed-in editor unless told otherwise. */
final class ApiCalls {
    static final Map<String, String> EDITOR = Map.of("sub", "editor-1", "cognito:groups", "[editors]",
            "name", "Anna Redaktör");

    private final ArticlesFunction function;

    ApiCalls(ArticlesFunction function) {
        this.function = function;
    }

    APIGatewayV2HTTPResponse post(String json) {
        return call("POST /api/articles", Map.of(), Map.of("content-type", "application/json"), json, EDITOR);
    }

    APIGatewayV2HTTPResponse get(String id) {
        return call("GET /api/articles/{id}", Map.of("id", id), Map.of(), null, EDITOR);
    }

    APIGatewayV2HTTPResponse list(Map<String, String> query) {
        APIGatewayV2HTTPEvent event = event("GET /api/articles", Map.of(), Map.of(), null, EDITOR);
        event.setQueryStringParameters(query);
        return function.handle(event, null);
    }

    APIGatewayV2HTTPResponse put(String id, String ifMatch, String json) {
        Map<String, String> headers = new HashMap<>(Map.of("content-type", "application/json"));
        if (ifMatch != null) {
            headers.put("if-match", ifMatch);
        }
        return call("PUT /api/articles/{id}", Map.of("id", id), headers, json, EDITOR);
    }

    APIGatewayV2HTTPResponse delete(String id, String ifMatch) {
        return call("DELETE /api/articles/{id}", Map.of("id", id),
                ifMatch == null ? Map.of() : Map.of("if-match", ifMatch), null, EDITOR);
    }

    APIGatewayV2HTTPResponse call(String route, Map<String, String> path, Map<String, String> headers, String body,
                                  Map<String, String> claims) {
        return function.handle(event(route, path, headers, body, claims), null);
    }

    static APIGatewayV2HTTPEvent event(String route, Map<String, String> path, Map<String, String> headers,
                                       String body, Map<String, String> claims) {
        RequestContext.RequestContextBuilder context = RequestContext.builder().withRequestId("test-request")
                .withRouteKey(route);
        if (claims != null) {
            context.withAuthorizer(Authorizer.builder()
                    .withJwt(Authorizer.JWT.builder().withClaims(claims).build()).build());
        }
        return APIGatewayV2HTTPEvent.builder().withRouteKey(route).withPathParameters(path).withHeaders(headers)
                .withBody(body).withIsBase64Encoded(false).withRequestContext(context.build()).build();
    }

    static JsonNode json(APIGatewayV2HTTPResponse response) {
        try {
            return Json.MAPPER.readTree(response.getBody());
        } catch (Exception e) {
            throw new AssertionError("Not JSON: " + response.getBody(), e);
        }
    }
}
