package se.newsroom.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import se.newsroom.content.Article;
import se.newsroom.content.ArticleIds;
import se.newsroom.content.ArticleStatus;
import se.newsroom.content.Comment;
import se.newsroom.content.CommentStatus;
import se.newsroom.content.Media;
import se.newsroom.content.MediaStatus;
import se.newsroom.importer.ImportReport.Line;
import se.newsroom.importer.ImportReport.Outcome;
import se.newsroom.table.DynamoDbArticleStore;
import se.newsroom.table.DynamoDbCommentStore;
import se.newsroom.table.DynamoDbMediaStore;
import se.newsroom.testing.DynamoDbLocal;
import se.newsroom.testing.Tables;

/**
 * The example site's export ({@code wxr/bastad.xml}, see its README) read by the WXR reader, converted by the HTML
 * converter and imported into DynamoDB Local, as {@code local/import} runs it: what the table holds afterwards.
 */
class ExampleExportDynamoDbLocalIT {
    private static final String SALT = "import-test-salt-long-enough";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-07T10:00:00Z"), ZoneOffset.UTC);

    private DynamoDbClient dynamoDb;
    private String table;
    private final AtomicInteger rebuilds = new AtomicInteger();

    @BeforeEach
    void freshTable() {
        dynamoDb = DynamoDbLocal.client();
        table = Tables.fresh(dynamoDb);
    }

    @Test
    void theExampleExport_shouldComeAcrossWithItsSlugsStatusesThreadsAndPictures() throws Exception {
        ImportReport report = importExample();

        Map<String, Article> bySlug = articles().stream().collect(Collectors.toMap(Article::slug, a -> a));
        // 13 posts: 101-118 but the trashed 119; the drafts and the pending post without a name get one by title.
        assertThat(bySlug).hasSize(13).containsKeys("statusuppdatering-angaende-handelser-inom-individ-och-familj",
                "politiska-styrningen-av-individ-och-familj-utreds", "strandstadning-vid-skansenbadet",
                "bilder-fran-julmarknaden-i-bastad", "vinterns-vagunderhall", "se-kommunfullmaktige-pa-webben", "112",
                "förskolan-i-törarp-får-ny-gård", "vinterns-vagunderhall-2",
                "sportlovsaktiviteter-for-barn-och-unga-2027", "nya-oppettider-for-biblioteket-i-forslov");
        Article first = bySlug.get("statusuppdatering-angaende-handelser-inom-individ-och-familj");
        assertThat(first.status()).isEqualTo(ArticleStatus.PUBLISHED);
        assertThat(first.publishedAt()).contains(Instant.parse("2019-12-03T09:00:00Z"));
        assertThat(first.categories()).hasSize(4).contains("Individ och familj", "Kommunen", "IVO", "Lex Sarah");
        assertThat(first.body()).contains("\u00a0").doesNotContain("wp:paragraph");
        Article second = bySlug.get("politiska-styrningen-av-individ-och-familj-utreds");
        assertThat(second.body()).contains("/nyheter/statusuppdatering-angaende-handelser-inom-individ-och-familj/");
        Article swedish = bySlug.get("förskolan-i-törarp-får-ny-gård");
        assertThat(swedish.legacyPaths()).containsExactly("/2020/03/12/förskolan-i-törarp-får-ny-gård/", "/?p=113",
                "/förskolan-i-törarp-får-ny-gård/");
        assertThat(bySlug.get("112").title()).isEqualTo(PostConversion.NO_TITLE);
        assertThat(bySlug.get("112").categories()).isEmpty();
        assertThat(bySlug.get("sportlovsaktiviteter-for-barn-och-unga-2027").status())
                .isEqualTo(ArticleStatus.SCHEDULED);
        // WordPress's "Väntar på granskning" (pending) lands in the publishers' review queue.
        assertThat(bySlug.get("trafikomlaggning-pa-kopmansgatan").status()).isEqualTo(ArticleStatus.REVIEW);
        assertThat(bySlug.get("sportlovsaktiviteter-for-barn-och-unga-2027").publishAt())
                .contains(Instant.parse("2027-02-01T07:00:00Z"));
        assertThat(bySlug.get("nya-oppettider-for-biblioteket-i-forslov").status()).isEqualTo(ArticleStatus.DRAFT);
        Article beach = bySlug.get("strandstadning-vid-skansenbadet");
        assertThat(beach.image()).isPresent();
        assertThat(beach.body()).contains("media:");

        Map<String, Comment> thread = comments(second.id()).stream()
                .collect(Collectors.toMap(Comment::author, c -> c));
        assertThat(thread).containsOnlyKeys("Karin i Torekov", "Redaktionen", "Göran Åkesson", "Märta Öberg",
                "Billiga klockor", "Åsa Nilsson");
        assertThat(thread.get("Göran Åkesson").depth()).isEqualTo(3);
        assertThat(thread.get("Göran Åkesson").parentId()).contains(thread.get("Redaktionen").id());
        assertThat(thread.get("Redaktionen").parentId()).contains(thread.get("Karin i Torekov").id());
        assertThat(thread.get("Märta Öberg").status()).isEqualTo(CommentStatus.PENDING);
        assertThat(thread.get("Billiga klockor").status()).isEqualTo(CommentStatus.SPAM);
        assertThat(thread.get("Åsa Nilsson").parentId()).isEmpty();
        assertThat(Tables.items(dynamoDb, table).toString()).doesNotContain("@example.se")
                .doesNotContain("kommunikation@bastad.example").doesNotContain("198.51.100.")
                .doesNotContain("203.0.113.");

        assertThat(report.skipped()).extracting(Line::wpId).contains(12L, 119L, 120L, 206L, 207L);
        assertThat(report.unmapped()).extracting(Line::detail).anyMatch(d -> d.contains("gallery"))
                .anyMatch(d -> d.contains("199"));
        assertThat(report.missingImages()).extracting(Line::detail).anyMatch(d -> d.contains("hamnen"));
        assertThat(report.renamed()).extracting(Line::wpId).contains(112L, 114L, 116L);
        assertThat(report.complete()).isTrue();
        assertThat(rebuilds).hasValue(1);
    }

    @Test
    void theExampleExportImportedTwice_shouldLeaveTheTableAsTheFirstTimeLeftIt() throws Exception {
        importExample();
        List<Map<String, AttributeValue>> before = Tables.items(dynamoDb, table);

        ImportReport second = importExample();

        assertThat(Tables.items(dynamoDb, table)).containsExactlyInAnyOrderElementsOf(before);
        assertThat(second.counts().get("post").get("publish")).containsOnlyKeys(Outcome.UNCHANGED);
        assertThat(rebuilds).hasValue(1);
    }

    private ImportReport importExample() throws URISyntaxException {
        Path export = Path.of(getClass().getResource("/wxr/bastad.xml").toURI());
        Path uploads = export.resolveSibling("uploads");
        ImportTarget target = ImportTarget.dynamoDb(dynamoDb, table, Optional.of(this::importPicture),
                rebuilds::incrementAndGet);
        return new WordPressImport(target, new ImportOptions(false, Optional.of(uploads), SALT),
                ImportListener.silent(), CLOCK).run(export);
    }

    private Optional<String> importPicture(Path file, String sourceKey, String alt) {
        String id = ArticleIds.derived(Instant.parse("2019-12-01T00:00:00Z"), sourceKey);
        DynamoDbMediaStore media = new DynamoDbMediaStore(dynamoDb, table);
        if (media.find(id).isEmpty()) {
            media.create(new Media(id, MediaStatus.PENDING, file.getFileName().toString(), "image/jpeg", 3,
                    "import", Instant.parse("2019-12-01T00:00:00Z"), 0, 0, List.of(), alt, "", "", ""));
        }
        return Optional.of(id);
    }

    private List<Article> articles() {
        DynamoDbArticleStore store = new DynamoDbArticleStore(dynamoDb, table);
        return Tables.items(dynamoDb, table).stream().filter(i -> "article".equals(i.get("type").s()))
                .map(i -> store.find(i.get("id").s()).orElseThrow()).toList();
    }

    private List<Comment> comments(String articleId) {
        DynamoDbCommentStore store = new DynamoDbCommentStore(dynamoDb, table);
        return Tables.items(dynamoDb, table).stream().filter(i -> "comment".equals(i.get("type").s())
                        && i.get("articleId").s().equals(articleId))
                .map(i -> store.find(articleId, i.get("id").s()).orElseThrow()).toList();
    }
}
