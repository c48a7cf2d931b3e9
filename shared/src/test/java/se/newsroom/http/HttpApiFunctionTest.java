package se.newsroom.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import se.newsroom.error.NotFoundException;
import se.newsroom.testing.LambdaCalls;

class HttpApiFunctionTest {
    /** Echoes what it was given, and remembers each request; its one failing route fails as told. */
    private static final class Echo extends HttpApiFunction {
        final List<ApiRequest> seen = new ArrayList<>();
        RuntimeException failure = new IllegalStateException("connection to table-x refused");

        @Override
        protected APIGatewayV2HTTPResponse route(ApiRequest request) {
            seen.add(request);
            if (request.routeKey().equals("GET /fail")) {
                throw failure;
            }
            return HttpResponses.of(200, "text/plain; charset=utf-8",
                    new String(request.bodyBytes(), StandardCharsets.UTF_8) + " | " + request.routeKey() + " | "
                            + EditorClaims.require(request.event()).subject(), Map.of());
        }
    }

    // A form post as API Gateway sends it: base64 body, claims as strings, fields the POJO does not know.
    private static final String FORM_POST = """
            {"version": "2.0", "routeKey": "POST /api/articles/{id}/comments", "rawPath": "/api/articles/1/comments",
             "headers": {"content-type": "application/x-www-form-urlencoded"},
             "pathParameters": {"id": "1"},
             "requestContext": {"requestId": "r-1", "http": {"method": "POST", "sourceIp": "192.0.2.7"},
               "authorizer": {"jwt": {"claims": {"sub": "anna", "cognito:groups": "[editors]"}, "scopes": null}},
               "somethingNew": {"x": 1}},
             "body": "Zm9yZmF0dGFyZT0lQzMlODVzYQ==", "isBase64Encoded": true, "alsoNew": [1, 2]}
            """;

    @Test
    void theEntryPoint_readsTheEventAsTheRuntimeDoes_andAnswersJsonTheRuntimeReadsBack() throws Exception {
        Echo function = new Echo();
        byte[] event = FORM_POST.getBytes(StandardCharsets.UTF_8);

        LambdaCalls.assertReadAsTheRuntimeReads(event);
        JsonNode response = LambdaCalls.invoke(function, event);

        assertThat(response.path("statusCode").asInt()).isEqualTo(200);
        assertThat(response.path("body").asText())
                .isEqualTo("forfattare=%C3%85sa | POST /api/articles/{id}/comments | anna");
        assertThat(response.has("multiValueHeaders")).as("nulls are left out").isFalse();
        assertThat(function.seen.getFirst().sourceIp()).contains("192.0.2.7");
    }

    @Test
    void aClientError_isAnsweredAsItsProblem_andAnythingElseAs500WithoutItsDetails() {
        Echo function = new Echo();
        APIGatewayV2HTTPEvent fail = PrimingRequests.event("GET /fail", Map.of(), null, null, null, true);

        APIGatewayV2HTTPResponse unexpected = function.handle(fail, null);
        function.failure = new NotFoundException("There is no article x.");
        APIGatewayV2HTTPResponse notFound = function.handle(fail, null);
        APIGatewayV2HTTPResponse noToken = function.handle(PrimingRequests.event("GET /x", Map.of(), null, null, null,
                false), null);

        assertThat(unexpected.getStatusCode()).isEqualTo(500);
        assertThat(unexpected.getBody()).contains("snapstart-priming").doesNotContain("table-x");
        assertThat(notFound.getStatusCode()).isEqualTo(404);
        assertThat(notFound.getBody()).contains("There is no article x.");
        assertThat(noToken.getStatusCode()).isEqualTo(401);
        assertThat(noToken.getHeaders().get("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void priming_goesThroughTheSameJsonPath() {
        Echo function = new Echo();

        int status = PrimingRequests.send(function,
                PrimingRequests.event("GET /api/articles/{id}", Map.of("id", "x"), null, null, null, true));

        assertThat(status).isEqualTo(200);
        assertThat(function.seen).singleElement()
                .satisfies(r -> assertThat(r.requestId()).contains("snapstart-priming"));
    }
}
