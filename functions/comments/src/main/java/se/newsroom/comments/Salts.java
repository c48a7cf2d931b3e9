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
 * The function's secrets, read once at start: the hashing salt from a SecureString in Parameter Store and the
 * CloudFront origin secret from Secrets Manager, each one JSON call as one {@link SignedCall}, instead of the SSM and
 * Secrets Manager client modules.
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

    /** The string value of the Secrets Manager secret {@code secretId}. */
    static String fromSecretsManager(SignedCall secretsManager, URI endpoint, String region, String secretId) {
        byte[] body = Json.MAPPER.createObjectNode().put("SecretId", secretId).toString()
                .getBytes(StandardCharsets.UTF_8);
        SdkHttpRequest request = SdkHttpRequest.builder().method(SdkHttpMethod.POST).uri(endpoint)
                .putHeader("Content-Type", "application/x-amz-json-1.1")
                .putHeader("X-Amz-Target", "secretsmanager.GetSecretValue").build();
        SignedCall.Answer answer = secretsManager.send(request, body, "secretsmanager", region);
        if (!answer.ok()) {
            throw new IllegalStateException("Secrets Manager refused " + secretId + " (" + answer.status() + "): "
                    + answer.body());
        }
        try {
            JsonNode value = Json.MAPPER.readTree(answer.body()).path("SecretString");
            if (!value.isTextual()) {
                throw new IllegalStateException("Secrets Manager gave no string for " + secretId);
            }
            return value.asText();
        } catch (IOException e) {
            throw new UncheckedIOException("Secrets Manager's answer for " + secretId + " is not JSON", e);
        }
    }
}
