package se.newsroom.comments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

import se.newsroom.aws.SignedCall;

/** The secrets' one call each, to Parameter Store and Secrets Manager, as their APIs receive and answer it. */
class SaltsTest {
    private HttpServer ssm;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private volatile int status = 200;
    private volatile String answer = "{\"Parameter\": {\"Name\": \"/newsroom/hash-salt\", \"Type\": \"SecureString\","
            + " \"Value\": \"a-salt-from-the-store\"}}";

    @BeforeEach
    void fakeParameterStore() throws Exception {
        ssm = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        ssm.createContext("/", exchange -> {
            requests.add(exchange.getRequestHeaders().getFirst("X-Amz-Target") + "\n"
                    + exchange.getRequestHeaders().getFirst("Authorization") + "\n"
                    + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] body = answer.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        ssm.start();
    }

    @AfterEach
    void stop() {
        ssm.stop(0);
    }

    @Test
    void fromParameterStore_shouldAskForTheDecryptedValue_signed() {
        String salt = read();

        assertThat(salt).isEqualTo("a-salt-from-the-store");
        assertThat(requests).singleElement().satisfies(r -> assertThat(r).startsWith("AmazonSSM.GetParameter\n")
                .contains("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/", "/eu-north-1/ssm/aws4_request")
                .endsWith("{\"Name\":\"/newsroom/hash-salt\",\"WithDecryption\":true}"));
    }

    @Test
    void fromParameterStore_shouldFailAtStartNamingTheParameter_whenRefused() {
        status = 400;
        answer = "{\"__type\": \"ParameterNotFound\"}";

        assertThatThrownBy(this::read).hasMessageContaining("/newsroom/hash-salt").hasMessageContaining("400")
                .hasMessageContaining("ParameterNotFound");
    }

    @Test
    void fromSecretsManager_shouldAskForTheSecretString_signed() {
        answer = "{\"ARN\": \"arn:aws:secretsmanager:eu-north-1:1:secret:origin\", \"Name\": \"origin\", "
                + "\"SecretString\": \"an-origin-secret\"}";

        String secret = Salts.fromSecretsManager(new SignedCall(UrlConnectionHttpClient.create(),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret"))),
                URI.create("http://127.0.0.1:" + ssm.getAddress().getPort() + "/"), "eu-north-1", "origin");

        assertThat(secret).isEqualTo("an-origin-secret");
        assertThat(requests).singleElement().satisfies(r -> assertThat(r)
                .startsWith("secretsmanager.GetSecretValue\n")
                .contains("/eu-north-1/secretsmanager/aws4_request").endsWith("{\"SecretId\":\"origin\"}"));
    }

    private String read() {
        return Salts.fromParameterStore(new SignedCall(UrlConnectionHttpClient.create(),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret"))),
                URI.create("http://127.0.0.1:" + ssm.getAddress().getPort() + "/"), "eu-north-1",
                "/newsroom/hash-salt");
    }
}
