package se.newsroom.render.output;

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

/** The invalidation request as CloudFront's API receives it: signed, one batch, exactly the changed paths. */
class CloudFrontInvalidatorTest {
    private HttpServer cloudFront;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private volatile int status = 201;

    @BeforeEach
    void fakeCloudFront() throws Exception {
        cloudFront = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        cloudFront.createContext("/", exchange -> {
            requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + "\n"
                    + exchange.getRequestHeaders().getFirst("Authorization") + "\n"
                    + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] body = "<Invalidation/>".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        cloudFront.start();
    }

    @AfterEach
    void stop() {
        cloudFront.stop(0);
    }

    @Test
    void invalidate_shouldSendOneSignedBatchOfThePaths_withTheirIndexObjects() {
        invalidator().invalidate(List.of("/", "/nyheter/ny-badplats/", "/feed.xml"));

        assertThat(requests).singleElement().satisfies(r -> {
            assertThat(r).startsWith("POST /2020-05-31/distribution/E2EXAMPLE/invalidation\n");
            assertThat(r).contains("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/", "/us-east-1/cloudfront/aws4_request");
            assertThat(r).contains("<InvalidationBatch xmlns=\"http://cloudfront.amazonaws.com/doc/2020-05-31/\">"
                    + "<Paths><Quantity>5</Quantity><Items><Path>/</Path><Path>/index.html</Path>"
                    + "<Path>/nyheter/ny-badplats/</Path><Path>/nyheter/ny-badplats/index.html</Path>"
                    + "<Path>/feed.xml</Path></Items></Paths><CallerReference>batch-1</CallerReference>"
                    + "</InvalidationBatch>");
        });
    }

    @Test
    void invalidate_shouldSendNothing_forNoPaths_andFailLoudly_whenRefused() {
        invalidator().invalidate(List.of());
        assertThat(requests).isEmpty();

        status = 400;
        assertThatThrownBy(() -> invalidator().invalidate(List.of("/"))).hasMessageContaining("400");
    }

    private CloudFrontInvalidator invalidator() {
        return new CloudFrontInvalidator(new SignedCall(UrlConnectionHttpClient.create(),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret"))),
                URI.create("http://127.0.0.1:" + cloudFront.getAddress().getPort()), "E2EXAMPLE", () -> "batch-1");
    }
}
