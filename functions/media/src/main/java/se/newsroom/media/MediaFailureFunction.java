package se.newsroom.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;

import se.newsroom.config.Env;
import se.newsroom.json.Json;

/**
 * MediaFunction's on-failure destination: Lambda's invocation record for an upload event it gave up on
 * ({@code requestContext.condition} RetriesExhausted or EventAgeExceeded, {@code requestPayload} the S3 event).
 * Each upload the event names goes to {@link FailedUploads}. Its own failures are retried by Lambda, then go to
 * MediaFailureQueue for the operator.
 */
public final class MediaFailureFunction implements RequestStreamHandler {
    private final FailedUploads failed;

    /** Used by the Lambda runtime: builds the clients once per container. */
    public MediaFailureFunction() {
        this(MediaWiring.failedUploads(MediaConfig.from(Env.system()), System.out::println));
    }

    /** For tests. */
    public MediaFailureFunction(FailedUploads failed) {
        this.failed = failed;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        JsonNode record = Json.MAPPER.readTree(input);
        System.out.println("MediaFailureFunction: " + record.path("requestContext").path("condition").asText("?")
                + " after " + record.path("requestContext").path("approximateInvokeCount").asText("?")
                + " attempts, " + record.path("responseContext").path("functionError").asText(""));
        for (JsonNode upload : record.path("requestPayload").path("Records")) {
            JsonNode s3 = upload.path("s3");
            // S3 names the key URL-encoded, spaces as '+', as S3EventNotification's getUrlDecodedKey reads it.
            failed.giveUp(s3.path("bucket").path("name").asText(),
                    URLDecoder.decode(s3.path("object").path("key").asText(), StandardCharsets.UTF_8));
        }
    }
}
