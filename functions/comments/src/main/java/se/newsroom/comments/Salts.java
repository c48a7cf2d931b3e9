package se.newsroom.comments;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;

import se.newsroom.aws.SignedCall;
import se.newsroom.json.Json;

/**
 * The hashing salt, read once at start from a SecureString in Parameter Store: Systems Manager's GetParameter
 * JSON call as one {@link SignedCall}, instead of the 6 MB SSM client module.
 */
final class Salts {
    private Salts() {
    }

    /** The decrypted value of the parameter {@code name}. */
    static String fromParameterStore(SignedCall ssm, URI endpoint, String region, String name) {
        byte[] body = Json.MAPPER.createObjectNode().put("Name", name).put("WithDecryption", true).toString()
                .getBytes(StandardCharsets.UTF_8);
        SdkHttpRequest request = SdkHttpRequest.builder().method(SdkHttpMethod.POST).uri(endpoint)
                .putHeader("Content-Type", "application/x-amz-json-1.1")
                .putHeader("X-Amz-Target", "AmazonSSM.GetParameter").build();
        SignedCall.Answer answer = ssm.send(request, body, "ssm", region);
        if (!answer.ok()) {
            // The error names the parameter and the reason (e.g. ParameterNotFound), never the value.
            throw new IllegalStateException("Parameter Store refused " + name + " (" + answer.status() + "): "
                    + answer.body());
        }
        try {
            JsonNode value = Json.MAPPER.readTree(answer.body()).path("Parameter").path("Value");
            if (!value.isTextual()) {
                throw new IllegalStateException("Parameter Store gave no value for " + name);
            }
            return value.asText();
        } catch (IOException e) {
            throw new UncheckedIOException("Parameter Store's answer for " + name + " is not JSON", e);
        }
    }
}
