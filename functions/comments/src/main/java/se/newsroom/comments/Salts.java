package se.newsroom.comments;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;

import se.newsroom.http.Json;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;

/**
 * The hashing salt, read once at start from a SecureString in Parameter Store: Systems Manager's GetParameter
 * JSON call, signed with the SDK's own SigV4 signer — one request, instead of the 6 MB SSM client module.
 */
final class Salts {
    private Salts() {
    }

    /** The decrypted value of the parameter {@code name}. */
    static String fromParameterStore(SdkHttpClient http, AwsCredentialsProvider credentials, URI endpoint,
                                     String region, String name) {
        byte[] body = Json.MAPPER.createObjectNode().put("Name", name).put("WithDecryption", true).toString()
                .getBytes(StandardCharsets.UTF_8);
        SdkHttpRequest request = SdkHttpRequest.builder().method(SdkHttpMethod.POST).uri(endpoint)
                .putHeader("Content-Type", "application/x-amz-json-1.1")
                .putHeader("X-Amz-Target", "AmazonSSM.GetParameter").build();
        SignedRequest signed = new Signer().sign(request, body, credentials, region);
        try {
            HttpExecuteResponse response = http.prepareRequest(HttpExecuteRequest.builder().request(signed.request())
                    .contentStreamProvider(signed.payload().orElse(null)).build()).call();
            String text;
            try (InputStream in = response.responseBody().orElseThrow()) {
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (!response.httpResponse().isSuccessful()) {
                // The error names the parameter and the reason (e.g. ParameterNotFound), never the value.
                throw new IllegalStateException("Parameter Store refused " + name + " ("
                        + response.httpResponse().statusCode() + "): " + text);
            }
            JsonNode value = Json.MAPPER.readTree(text).path("Parameter").path("Value");
            if (!value.isTextual()) {
                throw new IllegalStateException("Parameter Store gave no value for " + name);
            }
            return value.asText();
        } catch (IOException e) {
            throw new UncheckedIOException("Parameter Store could not be reached", e);
        }
    }

    /** SigV4 for Systems Manager. */
    private static final class Signer {
        private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();

        SignedRequest sign(SdkHttpRequest request, byte[] body, AwsCredentialsProvider credentials, String region) {
            return signer.sign(r -> r.identity(credentials.resolveCredentials()).request(request)
                    .payload(ContentStreamProvider.fromByteArray(body))
                    .putProperty(AwsV4FamilyHttpSigner.SERVICE_SIGNING_NAME, "ssm")
                    .putProperty(AwsV4HttpSigner.REGION_NAME, region));
        }
    }
}
