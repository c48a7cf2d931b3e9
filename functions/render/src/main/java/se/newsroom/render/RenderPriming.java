package se.newsroom.render;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import se.newsroom.content.Article;
import se.newsroom.content.ArticleStatus;
import se.newsroom.content.Comment;
import se.newsroom.content.CommentStatus;
import se.newsroom.http.PrimingRequests;
import se.newsroom.render.plan.Change;
import se.newsroom.render.plan.Page;
import se.newsroom.render.site.SiteContent;
import se.newsroom.render.site.SiteRenderer;
import se.newsroom.render.site.SnapshotSiteContent;

/**
 * RenderFunction's SnapStart priming: a stream batch read and planned (its one record is of no page); a sample
 * article's publication rehearsed against the table — planned with the real look-ups, each of its pages rendered from
 * the real reads — and the bucket asked for an object render never writes; and every template rendered from the
 * sample in memory (Markdown, sanitizer, comments, feed and sitemap writers). Nothing is written to the table or the
 * bucket.
 */
final class RenderPriming {
    private static final String BATCH = "{\"Records\": [{\"eventName\": \"MODIFY\", \"dynamodb\": {"
            + "\"SequenceNumber\": \"1\", \"Keys\": {\"PK\": {\"S\": \"PRIMING#\"}, \"SK\": {\"S\": \"P\"}}, "
            + "\"NewImage\": {\"PK\": {\"S\": \"PRIMING#\"}, \"n\": {\"N\": \"1\"}, "
            + "\"l\": {\"L\": [{\"BOOL\": true}]}}}}]}";

    private RenderPriming() {
    }

    /** Runs the hot paths once. */
    static void run(RenderFunction function, SitePublisher publisher, SiteContent content, SiteRenderer renderer) {
        try {
            function.handleRequest(new ByteArrayInputStream(BATCH.getBytes(StandardCharsets.UTF_8)),
                    new ByteArrayOutputStream(), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Instant t = Instant.parse("2019-12-04T15:30:00Z");
        Article sample = Article.builder().id(PrimingRequests.ABSENT_ID).slug("forhandsvisning")
                .title("Förhandsvisning").summary("Sammanfattning")
                .body("Text med *Markdown* – och en [länk](https://example.se).").categories(List.of("Kommun"))
                .status(ArticleStatus.PUBLISHED).publishedAt(Optional.of(t)).createdAndUpdatedAt(t)
                .author("Redaktionen").build();
        Comment comment = new Comment("C", sample.id(), Optional.empty(), "Läsare", "Hej https://example.se",
                CommentStatus.APPROVED, t, 1);
        SnapshotSiteContent snapshot = new SnapshotSiteContent(List.of(sample), Map.of(sample.id(), List.of(comment)),
                ZoneOffset.UTC);
        publisher.rehearse(new Change.ArticleChanged(Optional.empty(), Optional.of(sample)), content);
        for (Page page : List.of(new Page.ArticlePage(sample.id(), sample.slug()), new Page.Front(), new Page.Feed(),
                new Page.SitemapYear(2019), new Page.NotFound(), new Page.PrivacyNotice())) {
            renderer.render(page, snapshot);
        }
    }
}
