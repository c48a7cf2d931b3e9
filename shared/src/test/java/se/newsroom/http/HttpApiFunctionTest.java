package se.newsroom.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.UncheckedIOException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import se.newsroom.error.NotFoundException;
import se.newsroom.json.Json;
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

    @Test
    void aPassingAwsFault_isA503WithRetryAfterAndTheRequestId_andAnyOtherAwsFaultA500() throws Exception {
        Echo function = new Echo();
        APIGatewayV2HTTPEvent fail = PrimingRequests.event("GET /fail", Map.of(), null, null, null, true);
        List<RuntimeException> passing = List.of(
                ProvisionedThroughputExceededException.builder().message("Rate exceeded").statusCode(400).build(),
                DynamoDbException.builder().message("Internal error").statusCode(500).build(),
                AwsServiceException.builder().statusCode(503)
                        .awsErrorDetails(AwsErrorDetails.builder().errorCode("SlowDown").build()).build(),
                SdkClientException.create("Unable to execute HTTP request",
                        new SocketException("Connection reset")),
                ApiCallAttemptTimeoutException.create(2_000),
                TransactionCanceledException.builder().cancellationReasons(
                        CancellationReason.builder().code("None").build(),
                        CancellationReason.builder().code("TransactionConflict").build()).statusCode(400).build(),
                new UncheckedIOException(new SocketTimeoutException("Read timed out")));
        List<RuntimeException> lasting = List.of(
                DynamoDbException.builder().message("Item size has exceeded the maximum").statusCode(400).build(),
                TransactionCanceledException.builder().cancellationReasons(
                        CancellationReason.builder().code("ConditionalCheckFailed").build()).statusCode(400).build(),
                SdkClientException.create("Unable to load credentials"));

        for (RuntimeException fault : passing) {
            function.failure = fault;
            APIGatewayV2HTTPResponse response = function.handle(fail, null);
            assertThat(response.getStatusCode()).as(fault.toString()).isEqualTo(503);
            assertThat(response.getHeaders()).containsEntry("Retry-After", "1")
                    .containsEntry("Content-Type", "application/problem+json");
            JsonNode body = Json.MAPPER.readTree(response.getBody());
            assertThat(body.path("requestId").asText()).isEqualTo("snapstart-priming");
            assertThat(body.path("title").asText()).isEqualTo("Service Unavailable");
            assertThat(body.path("detail").asText()).contains("again").doesNotContain("Connection reset");
        }
        for (RuntimeException fault : lasting) {
            function.failure = fault;
            APIGatewayV2HTTPResponse response = function.handle(fail, null);
            assertThat(response.getStatusCode()).as(fault.toString()).isEqualTo(500);
            assertThat(response.getHeaders()).doesNotContainKey("Retry-After");
        }
    }
}
