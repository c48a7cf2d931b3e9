package se.newsroom.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static se.newsroom.importer.Exports.attachment;
import static se.newsroom.importer.Exports.category;
import static se.newsroom.importer.Exports.comment;
import static se.newsroom.importer.Exports.page;
import static se.newsroom.importer.Exports.post;
import static se.newsroom.importer.Exports.tag;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.InternalServerErrorException;

import se.newsroom.content.Article;
import se.newsroom.content.ArticleIds;
import se.newsroom.content.ArticleStatus;
import se.newsroom.content.Comment;
import se.newsroom.content.CommentStatus;
import se.newsroom.content.Hasher;
import se.newsroom.content.Media;
import se.newsroom.content.MediaStatus;
import se.newsroom.importer.ImportReport.Line;
import se.newsroom.importer.ImportReport.Outcome;
import se.newsroom.importer.wxr.WxrException;
import se.newsroom.importer.wxr.WxrItem;
import se.newsroom.importer.wxr.WxrSite;
import se.newsroom.importer.wxr.WxrStream;
import se.newsroom.table.DynamoDbArticleStore;
import se.newsroom.table.DynamoDbCommentStore;
import se.newsroom.table.DynamoDbMediaStore;
import se.newsroom.testing.DynamoDbLocal;
import se.newsroom.testing.Tables;

/** The import on DynamoDB Local: what comes across, a second run, a run stopped half-way, a dry run, bad targets. */
class WordPressImportDynamoDbLocalIT {
    private static final String SALT = "import-test-salt-long-enough";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-07T10:00:00Z"), ZoneOffset.UTC);
    private static final Path FILE = Path.of("export.xml");

    @TempDir
    Path uploads;

    private DynamoDbClient dynamoDb;
    private String table;
    private final AtomicInteger rebuilds = new AtomicInteger();

    @BeforeEach
    void freshTable() {
        dynamoDb = DynamoDbLocal.client();
        table = Tables.fresh(dynamoDb);
    }

    /** The site of the examples: two posts with threads, a scheduled one, a draft, a clash, a page, no title. */
    private List<WxrItem> site() {
        return List.of(
                attachment(30, "2019/12/lekplats.jpg"),
                post(11, "publish", "f%c3%b6rskolan-v%c3%a4xer", "Förskolan växer – tre nya avdelningar",
                        "2019-12-04T09:30:00Z",
                        "<!-- wp:paragraph --><p>Kommunen bygger ut.</p><!-- /wp:paragraph -->"
                                + "<p><img src=\"" + Exports.BASE + "/wp-content/uploads/2019/12/lekplats-300x200.jpg\""
                                + " alt=\"Lekplats\"></p><p>[gallery ids=\"1,2\"]</p>",
                        List.of(category("barn-och-utbildning", "Barn och utbildning"), tag("forskola", "förskola"),
                                category("okategoriserade", "Okategoriserade"), tag("barn", "Barn och utbildning")),
                        Map.of("_thumbnail_id", "30"),
                        List.of(comment(101, 0, "1", "", "Karin", "Karin@Example.se", "2019-12-04T10:00:00Z",
                                        "Bra – äntligen!"),
                                comment(102, 101, "1", "comment", "Bo", "bo@example.se", "2019-12-04T11:00:00Z",
                                        "Håller med Karin."),
                                comment(103, 0, "0", "", "Anna", "anna@example.se", "2019-12-04T12:00:00Z",
                                        "Väntar på svar."),
                                comment(104, 0, "spam", "", "Köp nu", "spam@example.se", "2019-12-04T12:30:00Z",
                                        "Billiga klockor"),
                                comment(105, 0, "trash", "", "Arg", "arg@example.se", "2019-12-04T13:00:00Z",
                                        "Raderad"),
                                comment(106, 0, "1", "pingback", "Annan blogg", "", "2019-12-04T14:00:00Z",
                                        "[…] läs mer […]"),
                                comment(107, 999, "1", "", "Karin", "karin@example.se", "2019-12-05T08:00:00Z",
                                        "Svar på en kommentar som inte finns."))),
                post(12, "publish", "politiska-styrningen", "Politiska styrningen av individ och familj utreds",
                        "2019-12-05T07:00:00Z",
                        "<p>Läs mer: <a href=\"" + Exports.BASE + "/2019/12/04/f%c3%b6rskolan-v%c3%a4xer/\">"
                                + "förskolan</a> och <a href=\"/?p=13\">planen</a>.</p>",
                        List.of(), Map.of(), List.of()),
                post(13, "future", "budget-2027", "Budget 2027", "2027-01-15T08:00:00Z", List.of()),
                post(14, "draft", "", "Utkast om fritidsgårdar", "2019-12-06T08:00:00Z", List.of()),
                post(15, "publish", "f%c3%b6rskolan-v%c3%a4xer", "Förskolan växer igen", "2020-02-01T08:00:00Z",
                        List.of()),
                post(16, "publish", "", "", "2020-03-01T08:00:00Z", List.of()),
                post(17, "trash", "gammal__trashed", "Gammal", "2018-03-01T08:00:00Z", List.of()),
                page(18, "om-kommunen"));
    }

    @Test
    void import_shouldBringPostsAndThreadsAcross_withStatusesSlugsDatesAndOnlyHashedEmails() throws IOException {
        picture("2019/12/lekplats.jpg");

        ImportReport report = run(site(), false, true);

        Map<String, Article> bySlug = articles().stream().collect(Collectors.toMap(Article::slug, a -> a));
        assertThat(bySlug).containsOnlyKeys("förskolan-växer", "politiska-styrningen", "budget-2027",
                "utkast-om-fritidsgardar", "förskolan-växer-2", "16");
        Article first = bySlug.get("förskolan-växer");
        assertThat(first.title()).isEqualTo("Förskolan växer – tre nya avdelningar");
        assertThat(first.status()).isEqualTo(ArticleStatus.PUBLISHED);
        assertThat(first.publishedAt()).contains(Instant.parse("2019-12-04T09:30:00Z"));
        assertThat(first.author()).isEqualTo("Karin Öberg");
        assertThat(first.categories()).containsExactly("Barn och utbildning", "förskola");
        assertThat(first.legacyPaths()).containsExactly("/2019/12/04/förskolan-växer/", "/?p=11",
                "/förskolan-växer/");
        assertThat(first.image()).hasValueSatisfying(i -> assertThat(i.alt()).isEqualTo("Barn som leker"));
        assertThat(first.body()).contains("![Lekplats](media:" + first.image().get().mediaId() + ")")
                .contains("[gallery ids=\"1,2\"]").doesNotContain("wp:paragraph");
        assertThat(bySlug.get("politiska-styrningen").body())
                .contains("[förskolan](/nyheter/förskolan-växer/)").contains("[planen](/nyheter/budget-2027/)");
        assertThat(bySlug.get("budget-2027").status()).isEqualTo(ArticleStatus.SCHEDULED);
        assertThat(bySlug.get("budget-2027").publishAt()).contains(Instant.parse("2027-01-15T08:00:00Z"));
        assertThat(bySlug.get("utkast-om-fritidsgardar").status()).isEqualTo(ArticleStatus.DRAFT);
        assertThat(bySlug.get("förskolan-växer-2").legacyPaths()).doesNotContain("/förskolan-växer/");
        assertThat(bySlug.get("16").title()).isEqualTo(PostConversion.NO_TITLE);

        List<Comment> comments = comments(first.id());
        Map<String, Comment> byAuthorText = comments.stream().collect(Collectors.toMap(Comment::body, c -> c));
        assertThat(byAuthorText).containsOnlyKeys("Bra – äntligen!", "Håller med Karin.", "Väntar på svar.",
                "Billiga klockor", "Svar på en kommentar som inte finns.");
        Comment top = byAuthorText.get("Bra – äntligen!");
        Comment reply = byAuthorText.get("Håller med Karin.");
        assertThat(top.status()).isEqualTo(CommentStatus.APPROVED);
        assertThat(top.createdAt()).isEqualTo(Instant.parse("2019-12-04T10:00:00Z"));
        assertThat(reply.parentId()).contains(top.id());
        assertThat(reply.depth()).isEqualTo(2);
        assertThat(byAuthorText.get("Väntar på svar.").status()).isEqualTo(CommentStatus.PENDING);
        assertThat(byAuthorText.get("Billiga klockor").status()).isEqualTo(CommentStatus.SPAM);
        Comment orphan = byAuthorText.get("Svar på en kommentar som inte finns.");
        assertThat(orphan.parentId()).isEmpty();
        assertThat(orphan.depth()).isEqualTo(1);
        // Pending ones are in the moderation queue, as a posted one is.
        assertThat(new DynamoDbCommentStore(dynamoDb, table).pending(10, Optional.empty()).items())
                .extracting(Comment::body).containsExactly("Väntar på svar.");

        String everything = Tables.items(dynamoDb, table).toString().toLowerCase();
        assertThat(everything).doesNotContain("karin@example.se").doesNotContain("bo@example.se")
                .doesNotContain("192.0.2.");
        // Karin's two comments are erased with her address, as if she had posted them here.
        assertThat(new DynamoDbCommentStore(dynamoDb, table).eraseByEmail(new Hasher(SALT).hash("karin@example.se"),
                Instant.now(), "test-moderator", "Moderatorn")).isEqualTo(2);

        assertThat(report.counts().get("post").get("publish")).containsEntry(Outcome.IMPORTED, 4L);
        assertThat(report.counts().get("post").get("trash")).containsEntry(Outcome.SKIPPED, 1L);
        assertThat(report.counts().get("comment").get("approved")).containsEntry(Outcome.IMPORTED, 3L);
        assertThat(report.skipped()).extracting(Line::detail).anyMatch(d -> d.contains("en sida"))
                .anyMatch(d -> d.contains("papperskorgen")).anyMatch(d -> d.contains("pingback"));
        assertThat(report.renamed()).extracting(Line::wpId).containsExactlyInAnyOrder(14L, 15L, 16L, 16L);
        assertThat(report.unmapped()).extracting(Line::detail).anyMatch(d -> d.contains("[gallery"))
                .anyMatch(d -> d.contains("kommentar 999"));
        assertThat(report.complete()).isTrue();
        assertThat(rebuilds).hasValue(1);
    }

    @Test
    void aSecondRun_shouldChangeNothing_andSayUnchanged() throws IOException {
        picture("2019/12/lekplats.jpg");
        run(site(), false, true);
        List<Map<String, AttributeValue>> before = Tables.items(dynamoDb, table);

        ImportReport second = run(site(), false, true);

        assertThat(Tables.items(dynamoDb, table)).containsExactlyInAnyOrderElementsOf(before);
        assertThat(outcomes(second)).doesNotContain(Outcome.IMPORTED, Outcome.FAILED).contains(Outcome.UNCHANGED);
        assertThat(rebuilds).hasValue(1);
    }

    @Test
    void aRunStoppedHalfway_shouldBeFinishedByTheNext_withoutDuplicatesOrGaps() {
        List<WxrItem> many = many(60);
        String clean = Tables.fresh(dynamoDb);
        new WordPressImport(ImportTarget.dynamoDb(dynamoDb, clean, Optional.empty(), () -> { }),
                new ImportOptions(false, Optional.empty(), SALT), ImportListener.silent(), CLOCK, files(many),
                Exports::convert).run(FILE);

        DynamoDbClient failing = failingAfter(dynamoDb, 70);
        ImportTarget broken = ImportTarget.dynamoDb(failing, table, Optional.empty(), rebuilds::incrementAndGet);
        assertThatThrownBy(() -> new WordPressImport(broken, new ImportOptions(false, Optional.empty(), SALT),
                ImportListener.silent(), CLOCK, files(many), Exports::convert).run(FILE))
                .isInstanceOf(ImportTargetException.class).hasMessageContaining("Kör samma import igen");
        assertThat(keys(table)).isNotEmpty().hasSizeLessThan(keys(clean).size());

        ImportReport finished = run(many, false, false);

        assertThat(keys(table)).isEqualTo(keys(clean));
        assertThat(finished.complete()).isTrue();
        assertThat(outcomes(finished)).contains(Outcome.IMPORTED, Outcome.UNCHANGED);
    }

    @Test
    void aDryRun_shouldWriteNothing_andCountWhatItWouldImport() throws IOException {
        picture("2019/12/lekplats.jpg");

        ImportReport report = run(site(), true, true);

        assertThat(Tables.items(dynamoDb, table)).isEmpty();
        assertThat(report.counts().get("post").get("publish")).containsEntry(Outcome.WOULD_IMPORT, 4L);
        assertThat(report.counts().get("comment").get("pending")).containsEntry(Outcome.WOULD_IMPORT, 1L);
        assertThat(rebuilds).hasValue(0);

        run(site(), false, true);
        ImportReport after = run(site(), true, true);
        assertThat(outcomes(after)).doesNotContain(Outcome.WOULD_IMPORT, Outcome.IMPORTED);
    }

    @Test
    void aTableThatDoesNotExist_shouldBeSaidBeforeAnythingIsRead() {
        ImportTarget missing = ImportTarget.dynamoDb(dynamoDb, "finns-inte", Optional.empty(),
                rebuilds::incrementAndGet);

        assertThatThrownBy(() -> new WordPressImport(missing, new ImportOptions(false, Optional.empty(), SALT),
                ImportListener.silent(), CLOCK, files(site()), Exports::convert).run(FILE))
                .isInstanceOf(ImportTargetException.class).hasMessageContaining("finns-inte finns inte");
        assertThat(rebuilds).hasValue(0);
    }

    @Test
    void aFileCutShort_shouldWriteNothing() {
        Function<Path, WxrStream> truncated = path -> {
            WxrStream whole = Exports.stream(site());
            AtomicInteger read = new AtomicInteger();
            return new WxrStream() {
                @Override
                public WxrSite site() {
                    return whole.site();
                }

                @Override
                public long bytesRead() {
                    return whole.bytesRead();
                }

                @Override
                public long size() {
                    return whole.size();
                }

                @Override
                public void close() {
                }

                @Override
                public boolean hasNext() {
                    if (read.get() == 4) {
                        throw new WxrException(WxrException.Kind.TRUNCATED, 120, "Filen tar slut mitt i.", null);
                    }
                    return whole.hasNext();
                }

                @Override
                public WxrItem next() {
                    read.incrementAndGet();
                    return whole.next();
                }
            };
        };

        assertThatThrownBy(() -> new WordPressImport(target(), new ImportOptions(false, Optional.empty(), SALT),
                ImportListener.silent(), CLOCK, truncated, Exports::convert).run(FILE))
                .isInstanceOf(WxrException.class);
        assertThat(Tables.items(dynamoDb, table)).isEmpty();
        assertThat(rebuilds).hasValue(0);
    }

    @Test
    void aPostBreakingTheSitesRules_shouldFailAlone_withItsReason() {
        List<WxrItem> items = List.of(post(21, "publish", "lang", "Lång ".repeat(50), "2019-12-04T09:30:00Z",
                List.of(comment(201, 0, "1", "", "Karin", "k@example.se", "2019-12-04T10:00:00Z", "Hej"))),
                post(22, "publish", "kort", "Kort", "2019-12-04T09:30:00Z", List.of()));

        ImportReport report = run(items, false, false);

        assertThat(articles()).extracting(Article::slug).containsExactly("kort");
        assertThat(report.failures()).singleElement().satisfies(l -> {
            assertThat(l.wpId()).isEqualTo(21);
            assertThat(l.detail()).contains("title").contains("200");
        });
        assertThat(report.complete()).isFalse();
    }

    @Test
    void aRunWhoseRebuildFailed_shouldBeRebuiltByItsRerun_thoughTheRerunWritesNothing() {
        // GIVEN a run that wrote everything and whose one rebuild then failed (a timeout, Ctrl+C): the site does not
        // show the imported items, since render leaves an import's inserts to that rebuild
        ImportTarget failingRebuild = ImportTarget.dynamoDb(dynamoDb, table, Optional.empty(), () -> {
            throw new ImportTargetException("Renderingsfunktionen svarade inte.", null);
        });
        assertThatThrownBy(() -> new WordPressImport(failingRebuild, new ImportOptions(false, Optional.empty(),
                SALT), ImportListener.silent(), CLOCK, files(site()), Exports::convert).run(FILE))
                .isInstanceOf(ImportTargetException.class);
        List<Map<String, AttributeValue>> imported = Tables.items(dynamoDb, table);

        // WHEN the same import runs again, as the report says to
        ImportReport rerun = run(site(), false, false);

        // THEN it writes no item of the export, yet rebuilds the site once; a third run does neither
        assertThat(outcomes(rerun)).doesNotContain(Outcome.IMPORTED);
        assertThat(rebuilds).hasValue(1);
        assertThat(Tables.items(dynamoDb, table)).hasSize(imported.size() + 1); // the note that it was rebuilt
        run(site(), false, false);
        assertThat(rebuilds).hasValue(1);
    }

    @Test
    void aLaterExport_whereWordPressMovedAPostsDate_shouldFindThePostAnEarlierOneBrought_notMakeASecond() {
        // GIVEN a draft brought by a trial export
        run(List.of(post(31, "draft", "budget", "Budgeten för 2020", "2019-11-20T08:00:00Z", List.of())), false,
                false);

        // WHEN the final export has it published, with the date WordPress gave it on publishing
        ImportReport last = run(List.of(post(31, "publish", "budget", "Budgeten för 2020", "2019-12-02T10:00:00Z",
                List.of())), false, false);

        // THEN there is still one article for WordPress's post 31, under its own slug
        assertThat(articles()).extracting(Article::slug).containsExactly("budget");
        assertThat(outcomes(last)).contains(Outcome.UNCHANGED).doesNotContain(Outcome.IMPORTED);
    }

    private ImportReport run(List<WxrItem> items, boolean dryRun, boolean withUploads) {
        return new WordPressImport(target(), new ImportOptions(dryRun, withUploads ? Optional.of(uploads)
                : Optional.empty(), SALT), ImportListener.silent(), CLOCK, files(items), Exports::convert).run(FILE);
    }

    private ImportTarget target() {
        return ImportTarget.dynamoDb(dynamoDb, table, Optional.of(this::importPicture), rebuilds::incrementAndGet);
    }

    /** Pictures land in the media library as the media path would put them: one item per file, once. */
    private Optional<String> importPicture(Path file, String sourceKey, String alt) {
        String id = ArticleIds.derived(Instant.parse("2019-12-01T00:00:00Z"), sourceKey);
        DynamoDbMediaStore media = new DynamoDbMediaStore(dynamoDb, table);
        if (media.find(id).isEmpty()) {
            media.create(new Media(id, MediaStatus.PENDING, file.getFileName().toString(), "image/jpeg", 3,
                    "import", Instant.parse("2019-12-01T00:00:00Z"), 0, 0, List.of(), alt, "", "", ""));
        }
        return Optional.of(id);
    }

    private void picture(String relative) throws IOException {
        Path file = uploads.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.write(file, new byte[] {1, 2, 3});
    }

    private static Function<Path, WxrStream> files(List<WxrItem> items) {
        return path -> Exports.stream(items);
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

    /**
     * The keys of every item, an audit entry's as its partition and action (its sort key holds a random part, so two
     * imports of the same site differ there and nowhere else).
     */
    private Set<String> keys(String tableName) {
        return Tables.items(dynamoDb, tableName).stream().map(i -> i.get("PK").s() + "|"
                + (i.get("PK").s().startsWith("AUDIT#") ? i.get("action").s() : i.get("SK").s()))
                .collect(Collectors.toCollection(HashSet::new));
    }

    private static List<Outcome> outcomes(ImportReport report) {
        List<Outcome> all = new ArrayList<>();
        report.counts().values().forEach(byStatus -> byStatus.values().forEach(m -> all.addAll(m.keySet())));
        return all;
    }

    /** {@code count} posts with three comments each (one a reply). */
    private static List<WxrItem> many(int count) {
        List<WxrItem> items = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long id = 1000 + i;
            String day = String.format("2020-01-%02dT08:00:00Z", 1 + i % 28);
            items.add(post(id, "publish", "nyhet-" + i, "Nyhet " + i, day, List.of(
                    comment(id * 10, 0, "1", "", "Karin", "karin@example.se", day, "Första " + i),
                    comment(id * 10 + 1, id * 10, "1", "", "Bo", "bo@example.se", day, "Svar " + i),
                    comment(id * 10 + 2, 0, "0", "", "Anna", "anna@example.se", day, "Fråga " + i))));
        }
        return items;
    }

    /** {@code delegate}, answering every write after the first {@code writes} with a 500, as a failing table does. */
    private static DynamoDbClient failingAfter(DynamoDbClient delegate, int writes) {
        AtomicInteger left = new AtomicInteger(writes);
        return (DynamoDbClient) Proxy.newProxyInstance(DynamoDbClient.class.getClassLoader(),
                new Class<?>[] {DynamoDbClient.class}, (proxy, method, args) -> {
                    boolean write = method.getName().equals("putItem") || method.getName().equals("transactWriteItems");
                    if (write && left.decrementAndGet() < 0) {
                        throw InternalServerErrorException.builder().statusCode(500).message("injected")
                                .awsErrorDetails(AwsErrorDetails.builder().errorCode("InternalServerError").build())
                                .build();
                    }
                    try {
                        return method.invoke(delegate, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
