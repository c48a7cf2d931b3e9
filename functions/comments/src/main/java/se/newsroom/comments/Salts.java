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
        return text(ssm, endpoint, region, new Service("ssm", "AmazonSSM.GetParameter", "Parameter Store"),
                Json.MAPPER.createObjectNode().put("Name", name).put("WithDecryption", true).toString(), name,
                "/Parameter/Value");
    }

    /** The string value of the Secrets Manager secret {@code secretId}. */
    static String fromSecretsManager(SignedCall secretsManager, URI endpoint, String region, String secretId) {
        return text(secretsManager, endpoint, region, new Service("secretsmanager", "secretsmanager.GetSecretValue",
                "Secrets Manager"), Json.MAPPER.createObjectNode().put("SecretId", secretId).toString(), secretId,
                "/SecretString");
    }

    /** An AWS JSON 1.1 service: its signing name, the X-Amz-Target of the call, and its name in errors. */
    private record Service(String signingName, String target, String title) {
    }

    /** One signed JSON call whose answer holds the wanted text at {@code pointer}. */
    private static String text(SignedCall call, URI endpoint, String region, Service service, String body,
                               String name, String pointer) {
        SdkHttpRequest request = SdkHttpRequest.builder().method(SdkHttpMethod.POST).uri(endpoint)
                .putHeader("Content-Type", "application/x-amz-json-1.1")
                .putHeader("X-Amz-Target", service.target()).build();
        SignedCall.Answer answer = call.send(request, body.getBytes(StandardCharsets.UTF_8), service.signingName(),
                region);
        if (!answer.ok()) {
            // The error names the parameter or secret and the reason (e.g. ParameterNotFound), never the value.
            throw new IllegalStateException(service.title() + " refused " + name + " (" + answer.status() + "): "
                    + answer.body());
        }
        try {
            JsonNode value = Json.MAPPER.readTree(answer.body()).at(pointer);
            if (!value.isTextual()) {
                throw new IllegalStateException(service.title() + " gave no value for " + name);
            }
            return value.asText();
        } catch (IOException e) {
            throw new UncheckedIOException(service.title() + "'s answer for " + name + " is not JSON", e);
        }
    }
}
