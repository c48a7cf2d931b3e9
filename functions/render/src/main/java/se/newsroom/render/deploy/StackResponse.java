package se.newsroom.render.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;

import se.newsroom.json.Json;

/**
 * The answer to a custom resource's request: a JSON document PUT to the request's pre-signed S3 URL, with an empty
 * Content-Type (the URL was signed without one). Tried a few times, since a stack that is never answered waits an hour.
 *
 * @see <a href="https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/crpg-ref-responses.html">Custom
 *      resource response objects</a>
 */
public final class StackResponse {
    /** CloudFormation reads at most 4,096 bytes of a response; a reason is cut well before that. */
    static final int MAX_REASON = 1000;
    static final int ATTEMPTS = 3;
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final HttpClient http;

    public StackResponse(HttpClient http) {
        this.http = http;
    }

    /** A client for the JDK's HTTP client, built when a deploy first needs one (never on a stream batch). */
    public static StackResponse jdk() {
        return new StackResponse(HttpClient.newBuilder().connectTimeout(TIMEOUT).build());
    }

    /** The response document CloudFormation expects. */
    static byte[] document(StackEvent event, String status, String reason) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("Status", status);
        body.put("Reason", reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON - 1) + "…" : reason);
        body.put("PhysicalResourceId", event.answeredPhysicalId());
        body.put("StackId", event.stackId());
        body.put("RequestId", event.requestId());
        body.put("LogicalResourceId", event.logicalResourceId());
        try {
            return Json.MAPPER.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A map of strings always serializes", e);
        }
    }

    /** PUTs the answer; throws when every attempt failed (the function then fails, and Lambda retries the event). */
    void send(StackEvent event, String status, String reason) {
        HttpRequest request = HttpRequest.newBuilder(event.responseUrl()).timeout(TIMEOUT)
                .header("Content-Type", "")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(document(event, status, reason))).build();
        String failure = "";
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                HttpResponse<String> answer = http.send(request,
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                if (answer.statusCode() / 100 == 2) {
                    return;
                }
                failure = "HTTP " + answer.statusCode() + ": " + answer.body();
            } catch (IOException e) {
                failure = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while answering CloudFormation", e);
            }
        }
        throw new UncheckedIOException(new IOException("CloudFormation's response URL refused the answer "
                + ATTEMPTS + " times; the last: " + failure));
    }
}
