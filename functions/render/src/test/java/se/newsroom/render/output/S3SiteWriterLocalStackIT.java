package se.newsroom.render.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.localstack.LocalStackContainer;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

import se.newsroom.render.RenderWiring;
import se.newsroom.render.site.RenderedObject;
import se.newsroom.render.site.SiteRenderer;
import se.newsroom.testing.LocalStack;
import se.newsroom.testing.RequiresDocker;

/**
 * The guard's conditional writes against LocalStack's S3, which has them as S3 does: a write or delete naming a
 * version the object no longer is, or If-None-Match on an object that exists, is refused and changes nothing.
 */
@RequiresDocker
class S3SiteWriterLocalStackIT {
    private S3Client s3;
    private S3SiteWriter writer;
    private String bucket;

    @BeforeEach
    void freshBucket() {
        LocalStackContainer c = LocalStack.container();
        s3 = RenderWiring.s3(Region.of(c.getRegion()), Optional.of(c.getEndpoint()), LocalStack.credentials());
        bucket = "site-" + UUID.randomUUID().toString().substring(0, 8);
        s3.createBucket(r -> r.bucket(bucket));
        writer = new S3SiteWriter(s3, bucket);
    }

    @Test
    void aWriteAfterAnotherBatchsWrite_shouldBeRefused_andLeaveTheNewerObject() {
        assertThat(writer.put(page("ett"), Optional.empty())).isTrue();
        String first = writer.version("index.html").orElseThrow();
        assertThat(writer.put(page("två"), Optional.of(first))).isTrue();

        assertThat(writer.put(page("gammal"), Optional.of(first))).as("If-Match a replaced version").isFalse();
        assertThat(writer.put(page("gammal"), Optional.empty())).as("If-None-Match: * on an object").isFalse();
        // LocalStack 4.14 answers 501 to If-Match on DeleteObject: the writer then looks before a plain delete.
        assertThat(writer.delete("index.html", first)).as("a delete naming a replaced version").isFalse();

        assertThat(s3.getObjectAsBytes(r -> r.bucket(bucket).key("index.html")).asUtf8String()).isEqualTo("två");
        assertThat(writer.delete("index.html", writer.version("index.html").orElseThrow())).isTrue();
        assertThat(writer.version("index.html")).isEmpty();
    }

    private static RenderedObject page(String text) {
        return new RenderedObject("index.html", text.getBytes(StandardCharsets.UTF_8), SiteRenderer.HTML,
                SiteRenderer.PAGE_CACHE, Optional.empty());
    }
}
