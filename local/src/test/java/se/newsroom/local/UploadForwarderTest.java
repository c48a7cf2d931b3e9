package se.newsroom.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

import se.newsroom.articles.ArticlesWiring;

/** The local {@code /uploads/*} behaviour refuses what S3 refuses, without reaching S3. */
class UploadForwarderTest {
    private static final URI ENDPOINT = URI.create("http://127.0.0.1:9");
    private static final String KEY = "uploads/01J9ZQ6V3W2X8Y0ABCDEFGHJKM";

    /** A PUT presigned now for 15 minutes, as the media API presigns one locally: its path and query on the site. */
    private static URI presigned() {
        try (S3Presigner presigner = S3Presigner.builder().region(Region.US_EAST_1).endpointOverride(ENDPOINT)
                .credentialsProvider(StaticCredentialsProvider.create(ArticlesWiring.EMULATOR_CREDENTIALS))
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build()).build()) {
            return URI.create(presigner.presignPutObject(p -> p.signatureDuration(Duration.ofMinutes(15))
                    .putObjectRequest(r -> r.bucket("uploads-bucket").key(KEY).contentType("image/png")
                            .contentLength(4L))).url().toString());
        }
    }

    @Test
    void aRightlySignedPut_shouldBeRefused_whenItsTimeHasPassed() {
        // GIVEN a clock 16 minutes on from the signing, and an S3 that would fail the test if it were reached
        List<String> uploaded = new ArrayList<>();
        UploadForwarder forwarder = new UploadForwarder(null, "uploads-bucket", new UploadForwarder.Signing(ENDPOINT,
                Region.US_EAST_1, ArticlesWiring.EMULATOR_CREDENTIALS),
                Clock.offset(Clock.systemUTC(), Duration.ofMinutes(16)), uploaded::add);
        URI url = presigned();

        // WHEN the browser PUTs on the site what it was given
        UploadForwarder.Answer answer = forwarder.handle("PUT", "/" + KEY, url.getRawQuery(),
                Map.of("Content-Type", List.of("image/png")), new byte[4]);

        // THEN S3's answer to a late request, not to a bad signature
        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.body()).startsWith("AccessDenied: Request has expired");
        assertThat(uploaded).isEmpty();
    }

    @Test
    void aPutSignedWithAnotherKeyPair_shouldBeRefused() {
        UploadForwarder forwarder = new UploadForwarder(null, "uploads-bucket", new UploadForwarder.Signing(ENDPOINT,
                Region.US_EAST_1, ArticlesWiring.EMULATOR_CREDENTIALS), Clock.systemUTC(), key -> { });
        String query = presigned().getRawQuery().replace("X-Amz-Credential=local", "X-Amz-Credential=AKIAOTHER");

        UploadForwarder.Answer answer = forwarder.handle("PUT", "/" + KEY, query,
                Map.of("Content-Type", List.of("image/png")), new byte[4]);

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.body()).startsWith("InvalidAccessKeyId");
    }
}
