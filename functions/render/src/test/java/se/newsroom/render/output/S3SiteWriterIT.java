package se.newsroom.render.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

import se.newsroom.emulators.S3Emulator;
import se.newsroom.render.Seeds;
import se.newsroom.render.SiteBuild;
import se.newsroom.render.site.RenderedObject;
import se.newsroom.render.site.SiteRenderer;

/**
 * S3SiteWriter against S3Proxy, the local runner's S3: what of S3's conditional writes it has (none: it ignores
 * If-Match and If-None-Match on PutObject and DeleteObject, so the guard's writes land unconditionally, as before
 * it), its website redirect (through WebsiteRedirects), and a rebuild's deletes of pages that no longer exist.
 */
class S3SiteWriterIT {
    private final S3Client s3 = S3Emulator.client();
    private String bucket;
    private S3SiteWriter writer;

    @BeforeEach
    void freshBucket() {
        bucket = "site-" + UUID.randomUUID().toString().substring(0, 8);
        s3.createBucket(r -> r.bucket(bucket));
        writer = new S3SiteWriter(s3, bucket);
    }

    @Test
    void s3Proxy_shouldIgnoreTheConditions_soAGuardedWriteLandsAsAnUnguardedOneDid() {
        assertThat(writer.version("index.html")).isEmpty();
        assertThat(writer.put(page("index.html", "ett"), Optional.empty())).isTrue();
        String first = writer.version("index.html").orElseThrow();

        // S3 would answer 412 to both; S3Proxy 2.6 writes.
        assertThat(writer.put(page("index.html", "två"), Optional.empty())).isTrue();
        assertThat(writer.put(page("index.html", "tre"), Optional.of(first))).isTrue();

        assertThat(body("index.html")).isEqualTo("tre");
        assertThat(writer.delete("index.html", first)).isTrue();
        assertThat(writer.version("index.html")).isEmpty();
    }

    @Test
    void aRedirectPage_shouldKeepItsWebsiteRedirect_inS3Proxy() {
        writer.put(new RenderedObject("nyheter/gammal/index.html", "<!doctype html>".getBytes(StandardCharsets.UTF_8),
                SiteRenderer.HTML, SiteRenderer.PAGE_CACHE, Optional.of("/nyheter/ny/")));

        assertThat(s3.headObject(r -> r.bucket(bucket).key("nyheter/gammal/index.html")).websiteRedirectLocation())
                .isEqualTo("/nyheter/ny/");
    }

    @Test
    void aRebuild_shouldDeleteTheObjectsOfPagesThatNoLongerExist_andNothingRenderDoesNotOwn() {
        for (String key : new String[] {"nyheter/avpublicerad/index.html", "arkiv/1999/01/index.html",
            "kategori/borttagen/index.html", "sitemap-1999.xml", "redaktion/index.html", "uploads/01ABC",
            "media/01ABC/480.jpg", "annat/fil.txt"}) {
            s3.putObject(r -> r.bucket(bucket).key(key), RequestBody.fromString("gammalt"));
        }

        int pages = new SiteBuild(Seeds.renderer(), writer, 2, Seeds.STOCKHOLM).run(Seeds.content());

        assertThat(pages).isPositive();
        assertThat(writer.keys()).containsKeys("index.html", "feed.xml", "redaktion/index.html", "uploads/01ABC",
                "media/01ABC/480.jpg", "annat/fil.txt")
                .doesNotContainKeys("nyheter/avpublicerad/index.html", "arkiv/1999/01/index.html",
                        "kategori/borttagen/index.html", "sitemap-1999.xml");
    }

    private static RenderedObject page(String key, String text) {
        return new RenderedObject(key, text.getBytes(StandardCharsets.UTF_8), SiteRenderer.HTML,
                SiteRenderer.PAGE_CACHE, Optional.empty());
    }

    private String body(String key) {
        return s3.getObjectAsBytes(r -> r.bucket(bucket).key(key)).asUtf8String();
    }
}
