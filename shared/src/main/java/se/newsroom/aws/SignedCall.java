package se.newsroom.aws;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;

/**
 * One AWS API request, signed with the SDK's own SigV4 signer and sent with the lean HTTP client: for a service a
 * function calls once or rarely (CloudFront's invalidation, Parameter Store's salt), so that the function need
 * not ship that service's SDK module.
 */
public final class SignedCall {
    private final SdkHttpClient http;
    private final AwsCredentialsProvider credentials;
    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();

    public SignedCall(SdkHttpClient http, AwsCredentialsProvider credentials) {
        this.http = http;
        this.credentials = credentials;
    }

    /**
     * What the service answered.
     *
     * @param status the HTTP status
     * @param body   the body as text, empty when there was none
     */
    public record Answer(int status, String body) {
        /** Whether the status is 2xx. */
        public boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    /** Signs {@code request} with {@code body} for {@code service} in {@code region}, sends it, reads the answer. */
    public Answer send(SdkHttpRequest request, byte[] body, String service, String region) {
        SignedRequest signed = signer.sign(r -> r.identity(credentials.resolveCredentials()).request(request)
                .payload(ContentStreamProvider.fromByteArray(body))
                .putProperty(AwsV4FamilyHttpSigner.SERVICE_SIGNING_NAME, service)
                .putProperty(AwsV4HttpSigner.REGION_NAME, region));
        try {
            HttpExecuteResponse response = http.prepareRequest(HttpExecuteRequest.builder().request(signed.request())
                    .contentStreamProvider(signed.payload().orElse(null)).build()).call();
            String text = "";
            if (response.responseBody().isPresent()) {
                try (InputStream in = response.responseBody().get()) {
                    text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
            return new Answer(response.httpResponse().statusCode(), text);
        } catch (IOException e) {
            throw new UncheckedIOException(service + " could not be reached at " + request.getUri(), e);
        }
    }
}
