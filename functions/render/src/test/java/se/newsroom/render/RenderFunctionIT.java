package se.newsroom.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

import se.newsroom.config.Env;
import se.newsroom.config.EnvNames;
import se.newsroom.content.Article;
import se.newsroom.content.ArticleIds;
import se.newsroom.content.ArticleImage;
import se.newsroom.content.ArticleStatus;
import se.newsroom.content.Comment;
import se.newsroom.content.CommentStatus;
import se.newsroom.content.CommentStore;
import se.newsroom.content.Media;
import se.newsroom.content.MediaStatus;
import se.newsroom.emulators.S3Emulator;
import se.newsroom.emulators.TemplateTable;
import se.newsroom.json.Json;
import se.newsroom.render.output.Invalidator;
import se.newsroom.render.output.S3SiteWriter;
import se.newsroom.render.output.SiteWriter;
import se.newsroom.render.plan.Change;
import se.newsroom.render.plan.Page;
import se.newsroom.render.plan.PagePlanner;
import se.newsroom.render.site.DynamoDbSiteContent;
import se.newsroom.render.site.Labels;
import se.newsroom.render.site.RenderedObject;
import se.newsroom.render.site.SiteRenderer;
import se.newsroom.render.site.SnapshotSiteContent;
import se.newsroom.render.stream.Changes;
import se.newsroom.render.stream.StreamEvents;
import se.newsroom.render.stream.StreamJson;
import se.newsroom.render.stream.StreamRecord;
import se.newsroom.table.DynamoDbArticleStore;
import se.newsroom.table.DynamoDbCommentStore;
import se.newsroom.table.DynamoDbMediaStore;
import se.newsroom.table.DynamoDbPrivacyNoticeStore;
import se.newsroom.table.DynamoDbSiteReads;
import se.newsroom.testing.Articles;
import se.newsroom.testing.DynamoDbLocal;
import se.newsroom.testing.Tables;

/**
 * The table's real stream (DynamoDB Local, embedded) through RenderFunction into an S3 emulator (S3Proxy), as the event
 * source mapping would deliver it.
 */
class RenderFunctionIT {
    private static final Path EVENTS = TemplateTable.templatePath().getParent()
            .resolve("events/render");
    private DynamoDbClient dynamoDb;
    private DynamoDbStreamsClient streams;
    private String table;
    private String bucket;
    private S3Client s3;
    private DynamoDbArticleStore store;
    private List<String> invalidated;
    private Invalidator invalidator;
    private String iterator;
    private String streamArn;

    @BeforeEach
    void freshTableAndBucket() {
        dynamoDb = DynamoDbLocal.embedded().dynamoDbClient();
        streams = DynamoDbLocal.embedded().dynamoDbStreamsClient();
        table = Tables.fresh(dynamoDb);
        store = new DynamoDbArticleStore(dynamoDb, table);
        s3 = S3Emulator.client();
        bucket = "site-" + table.substring(table.length() - 12);
        s3.createBucket(r -> r.bucket(bucket));
        invalidated = new ArrayList<>();
        invalidator = invalidated::addAll;
        streamArn = dynamoDb.describeTable(r -> r.tableName(table)).table().latestStreamArn();
        String shard = streams.describeStream(r -> r.streamArn(streamArn)).streamDescription().shards().getFirst()
                .shardId();
        iterator = streams.getShardIterator(r -> r.streamArn(streamArn).shardId(shard)
                .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
    }

    @Test
    void publishing_shouldPutThePagesInTheBucket_andInvalidateExactlyThem() throws Exception {
        // GIVEN two published seed articles written by the store
        Seeds.articles().forEach(a -> store.create(a, false, Articles.SAVE));

        // WHEN the stream's records reach the function
        ObjectNode batch = nextBatch();
        if (Boolean.getBoolean("events.update")) {
            // -Devents.update=true refreshes the sample batch that sam local invoke and the replay test use.
            Files.writeString(EVENTS.resolve("publish-seeds.json"),
                    Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(batch) + "\n");
        }
        JsonNode response = invoke(batch);

        // THEN
        assertThat(response.path("batchItemFailures")).isEmpty();
        String page = object("nyheter/politiska-styrningen-av-individ-och-familj-utreds/index.html");
        assertThat(page).contains("Politiska styrningen av Individ och familj utreds", "4 december 2019", "Läs mer:");
        assertThat(object("feed.xml")).contains("dök först upp på");
        assertThat(object("sitemap.xml")).contains("sitemap-2019.xml");
        assertThat(object("kategori/individ-och-familj/index.html")).contains("Statusuppdatering");
        var head = s3.headObject(r -> r.bucket(bucket).key("index.html"));
        // S3Proxy (Jetty) drops the space after the semicolon; S3 keeps the header as sent.
        assertThat(head.contentType().replace(" ", "")).isEqualTo("text/html;charset=utf-8");
        assertThat(head.cacheControl()).isEqualTo(SiteRenderer.PAGE_CACHE);
        assertThat(invalidated)
                .contains("/", "/feed.xml", "/nyheter/politiska-styrningen-av-individ-och-familj-utreds/")
                .doesNotHaveDuplicates();
        // AND the search index: December 2019's shard, read back from the table with the bodies' terms, and the
        // manifest naming it
        assertThat(object("sok/index/2019-12.json")).contains("\"month\":\"2019-12\"",
                "\"t\":\"Politiska styrningen av Individ och familj utreds\"", "socialtjanst");
        assertThat(s3.headObject(r -> r.bucket(bucket).key("sok/index/2019-12.json")).contentType())
                .isEqualTo("application/json");
        assertThat(object("sok/index.json")).contains("\"url\":\"/sok/index/2019-12.json\"");
        assertThat(invalidated).contains("/sok/index/2019-12.json", "/sok/index.json");
    }

    @Test
    void unpublishing_shouldRemoveThePage() throws Exception {
        Article first = Seeds.articles().getFirst();
        store.create(first, false, Articles.SAVE);
        invoke(nextBatch());
        Article draft = new Article(first.id(), first.slug(), first.title(), first.summary(), first.body(),
                first.categories(), first.related(), ArticleStatus.DRAFT, Optional.empty(), first.publishedAt(),
                first.createdAt(), first.updatedAt().plusSeconds(5), first.author(), true, 2, List.of());

        store.update(first, draft, Articles.SAVE);
        invoke(nextBatch());

        assertThat(exists("nyheter/" + first.slug() + "/index.html")).isFalse();
        assertThat(object("index.html")).doesNotContain(first.title());
    }

    @Test
    void unpublishingAMonthsLastArticle_shouldDeleteItsMonthAndCategoryPages_andItsSitemapYear() throws Exception {
        // GIVEN the one article of December 2019 and of its category, published
        Article only = Seeds.articles().getFirst();
        store.create(only, false, Articles.SAVE);
        invoke(nextBatch());
        assertThat(exists("arkiv/2019/12/index.html")).isTrue();
        assertThat(exists("kategori/individ-och-familj/index.html")).isTrue();

        // WHEN it is unpublished
        store.update(only, only.toBuilder().status(ArticleStatus.DRAFT).updatedAt(only.updatedAt().plusSeconds(5))
                .version(2).build(), Articles.SAVE);
        JsonNode response = invoke(nextBatch());

        // THEN its month's and category's pages are gone, as is its year from the sitemap, and the CDN is told
        assertThat(response.path("batchItemFailures")).isEmpty();
        assertThat(exists("arkiv/2019/12/index.html")).isFalse();
        assertThat(exists("kategori/individ-och-familj/index.html")).isFalse();
        assertThat(exists("sitemap-2019.xml")).isFalse();
        assertThat(object("sitemap.xml")).doesNotContain("sitemap-2019.xml");
        assertThat(invalidated).contains("/arkiv/2019/12/");
    }

    @Test
    void aRename_shouldWriteTheNewPageBeforeTheRedirectThatSendsReadersToIt() throws Exception {
        // GIVEN a published article, and a writer that notes the order of its writes
        Article first = Seeds.articles().getFirst();
        store.create(first, false, Articles.SAVE);
        invoke(nextBatch());
        List<String> puts = Collections.synchronizedList(new ArrayList<>());
        S3SiteWriter s3Writer = new S3SiteWriter(s3, bucket);
        SiteWriter noting = new SiteWriter() {
            @Override
            public void put(RenderedObject object) {
                puts.add(object.key());
                s3Writer.put(object);
            }

            @Override
            public boolean put(RenderedObject object, Optional<String> seen) {
                puts.add(object.key());
                return s3Writer.put(object, seen);
            }

            @Override
            public void delete(String key) {
                s3Writer.delete(key);
            }

            @Override
            public boolean delete(String key, String seen) {
                return s3Writer.delete(key, seen);
            }

            @Override
            public Optional<String> version(String key) {
                return s3Writer.version(key);
            }

            @Override
            public Map<String, Instant> keys() {
                return s3Writer.keys();
            }
        };
        SitePublisher publisher = new SitePublisher(new PagePlanner(Seeds.STOCKHOLM), renderer(), noting,
                invalidator, System.out::println, 4);

        // WHEN its slug changes
        store.update(first, first.toBuilder().slug("styrningen-utreds").previousSlugs(List.of(first.slug()))
                .updatedAt(first.updatedAt().plusSeconds(5)).version(2).build(), Articles.SAVE);
        List<StreamRecord> records = StreamEvents.records(nextBatch());
        publisher.publish(records, content());

        // THEN a reader the old address sends on never meets a 404: the new page was written first
        String newKey = "nyheter/styrningen-utreds/index.html";
        String oldKey = "nyheter/" + first.slug() + "/index.html";
        assertThat(puts).contains(newKey, oldKey);
        assertThat(puts.indexOf(newKey)).isLessThan(puts.indexOf(oldKey));
        assertThat(s3.headObject(r -> r.bucket(bucket).key(oldKey)).websiteRedirectLocation())
                .isEqualTo("/nyheter/styrningen-utreds/");
    }

    @Test
    void aRecordThatFails_shouldBeReported_andTheOthersWritten() throws Exception {
        // GIVEN a batch with a good record and one whose article item is corrupt
        Seeds.articles().forEach(a -> store.create(a, false, Articles.SAVE));
        ObjectNode event = nextBatch();
        ObjectNode bad = event.withArray("Records").addObject();
        bad.put("eventName", "MODIFY");
        ObjectNode ddb = bad.putObject("dynamodb");
        ddb.put("SequenceNumber", "999999");
        ddb.set("Keys", Json.MAPPER.readTree("{\"PK\":{\"S\":\"ARTICLE#X\"},\"SK\":{\"S\":\"A\"}}"));
        ddb.set("NewImage", Json.MAPPER.readTree("{\"PK\":{\"S\":\"ARTICLE#X\"},\"status\":{\"S\":\"published\"}}"));

        // WHEN
        JsonNode response = invoke(event);

        // THEN
        assertThat(response.path("batchItemFailures").findValuesAsText("itemIdentifier")).containsExactly("999999");
        assertThat(exists("nyheter/politiska-styrningen-av-individ-och-familj-utreds/index.html")).isTrue();
    }

    @Test
    void anArticleStoredWithControlCharacters_shouldNotStopTheFeed_orALaterPublication() throws Exception {
        // GIVEN an article written to the table past the API's rules, with what XML cannot carry in every text field
        String poison = "\u0000\u000B\u001B\uFFFE";
        Article first = Seeds.articles().getFirst();
        Article poisoned = first.toBuilder().title(first.title() + poison).summary(first.summary() + poison)
                .categories(List.of("Individ och familj" + poison)).author("Anna" + poison).build();
        store.create(poisoned, false, Articles.SAVE);
        JsonNode firstResponse = invoke(nextBatch());

        // WHEN a clean article is published later
        Article second = Seeds.articles().get(1);
        store.create(second, false, Articles.SAVE);
        JsonNode response = invoke(nextBatch());

        // THEN neither batch failed, and the feed is well-formed XML carrying both
        assertThat(firstResponse.path("batchItemFailures")).isEmpty();
        assertThat(response.path("batchItemFailures")).isEmpty();
        byte[] feed = s3.getObjectAsBytes(r -> r.bucket(bucket).key("feed.xml")).asByteArray();
        var items = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(feed))
                .getElementsByTagName("item");
        assertThat(items.getLength()).isEqualTo(2);
        assertThat(object("nyheter/" + first.slug() + "/index.html")).contains(first.title() + "\uFFFD");
        assertThat(object("nyheter/" + second.slug() + "/index.html")).contains(second.title());
    }

    @Test
    void aPendingOrSpamComment_shouldTouchNothingOnTheSite_andApprovingOneItsPageOnly() throws Exception {
        // GIVEN a published article
        Article article = Seeds.articles().getFirst();
        store.create(article, false, Articles.SAVE);
        invoke(nextBatch());
        invalidated.clear();
        String page = "nyheter/" + article.slug() + "/index.html";
        s3.deleteObject(r -> r.bucket(bucket).key(page));
        DynamoDbCommentStore comments = new DynamoDbCommentStore(dynamoDb, table);
        Instant now = Instant.now();
        CommentStore.Limits limits = new CommentStore.Limits(0, 1000);
        Comment pending = new Comment(ArticleIds.generator().get(), article.id(), Optional.empty(), "Läsare", "Hej!",
                CommentStatus.PENDING, now, 1);
        Comment spam = new Comment(ArticleIds.generator().get(), article.id(), Optional.empty(), "Bot", "Köp!",
                CommentStatus.SPAM, now, 1);

        // WHEN a reader's and a bot's posts reach render
        comments.post(pending, new CommentStore.Hashes("e1", "c1", "d1"), limits, now);
        comments.post(spam, new CommentStore.Hashes("e2", "c2", "d2"), limits, now.plusSeconds(1));
        JsonNode posted = invoke(nextBatch());

        // THEN nothing was rendered, written or invalidated
        assertThat(posted.path("batchItemFailures")).isEmpty();
        assertThat(exists(page)).isFalse();
        assertThat(invalidated).isEmpty();

        // WHEN an editor approves the pending one
        comments.moderate(article.id(), pending.id(), CommentStatus.APPROVED,
                Articles.moderated(article.id(), pending.id(), CommentStatus.APPROVED));
        invoke(nextBatch());

        // THEN its page, and only it, is rewritten and invalidated
        assertThat(object(page)).contains("Hej!");
        assertThat(invalidated).containsExactly("/nyheter/" + article.slug() + "/");
    }

    @Test
    void aFailedInvalidation_shouldNotFailTheBatch_sinceThePagesAreWrittenAndTheEdgeKeepsThemBriefly()
            throws Exception {
        // GIVEN a CDN that refuses every invalidation
        List<Integer> attempts = new ArrayList<>();
        invalidator = paths -> {
            attempts.add(paths.size());
            throw new IllegalStateException("CloudFront refused the invalidation (400): "
                    + "TooManyInvalidationsInProgress");
        };
        Seeds.articles().forEach(a -> store.create(a, false, Articles.SAVE));

        // WHEN
        JsonNode response = invoke(nextBatch());

        // THEN the records are done (not retried into the failure queue), the pages written, the call retried
        assertThat(response.path("batchItemFailures")).isEmpty();
        assertThat(exists("nyheter/politiska-styrningen-av-individ-och-familj-utreds/index.html")).isTrue();
        assertThat(attempts).hasSize(SitePublisher.INVALIDATION_ATTEMPTS);
        assertThat(s3.headObject(r -> r.bucket(bucket).key("index.html")).cacheControl())
                .isEqualTo("public, max-age=60, s-maxage=300");
    }

    @Test
    void anArticleWithPictures_shouldBeWrittenWithThem_fromOneBatchGet_andByARebuild() throws Exception {
        // GIVEN the library's pictures in the table, and an article showing them
        DynamoDbMediaStore library = new DynamoDbMediaStore(dynamoDb, table);
        for (Media m : Seeds.media()) {
            library.create(Media.pending(m.id(), m.fileName(), m.contentType(), m.size(), m.uploader(),
                    m.createdAt()));
            if (m.status() == MediaStatus.READY) {
                library.markReady(m.id(), m.width(), m.height(), m.variants());
                library.update(m);
            }
        }
        // (The store takes only pictures that exist: the example's reference to a missing one is left out here.)
        store.create(Seeds.pictured().toBuilder().body("Mötet.\n\n![Ledamöter](media:" + Seeds.PHOTO + ")").build(),
                false, Articles.SAVE);
        String key = "nyheter/fullmaktige-i-bilder/index.html";
        String figure = "<img src=\"/media/" + Seeds.PHOTO + "/960.jpg\" srcset=\"/media/" + Seeds.PHOTO
                + "/480.jpg 480w";

        // WHEN the stream's records reach the function
        JsonNode response = invoke(nextBatch());

        // THEN
        assertThat(response.path("batchItemFailures")).isEmpty();
        assertThat(object(key)).contains(figure, "Foto: Anna Sjöberg", "og:image");
        assertThat(object("feed.xml")).contains("<enclosure url=\"https://www.bastad.se/media/" + Seeds.PHOTO
                + "/960.jpg\" length=\"96000\" type=\"image/jpeg\"");

        // AND a rebuild, from its one scan, writes the same page
        s3.deleteObject(r -> r.bucket(bucket).key(key));
        invoke((ObjectNode) Json.MAPPER.readTree("{\"action\":\"rebuild\"}"));
        assertThat(object(key)).contains(figure);
    }

    @Test
    void editingAPicturesTexts_shouldRewriteThePagesShowingThem_andTheListsShouldShowItsThumbnail() throws Exception {
        // GIVEN the library's photo, as the featured image and in the body of a published article that gives it no
        // texts of its own (so the library's alt text, caption and credit are shown)
        DynamoDbMediaStore library = new DynamoDbMediaStore(dynamoDb, table);
        Media photo = Seeds.media().getFirst();
        library.create(Media.pending(photo.id(), photo.fileName(), photo.contentType(), photo.size(),
                photo.uploader(), photo.createdAt()));
        library.markReady(photo.id(), photo.width(), photo.height(), photo.variants());
        library.update(photo);
        store.create(Seeds.pictured().toBuilder().body("Mötet.\n\n![](media:" + Seeds.PHOTO + ")")
                .image(Optional.of(new ArticleImage(Seeds.PHOTO, "Sessionssalen", false, "", ""))).build(), false,
                        Articles.SAVE);
        invoke(nextBatch());
        String page = "nyheter/fullmaktige-i-bilder/index.html";
        String thumbnail = "<img class=\"thumbnail\" src=\"/media/" + Seeds.PHOTO + "/480.jpg\" width=\"480\" "
                + "height=\"320\" alt=\"\"";
        assertThat(object("kategori/politik/index.html")).contains(thumbnail);
        assertThat(object("arkiv/2026/11/index.html")).contains(thumbnail);
        assertThat(object(page)).contains("alt=\"Ledamöter runt bordet i sessionssalen\"");
        invalidated.clear();

        // WHEN an editor changes its alt text, caption and credit in the library
        library.update(photo.withTexts("Ledamöterna röstar om budgeten", "Budgetmötet", "Per Olsson"));
        JsonNode response = invoke(nextBatch());

        // THEN the article's page and the feed carry the new texts, and only they are invalidated
        assertThat(response.path("batchItemFailures")).isEmpty();
        assertThat(object(page)).contains("alt=\"Ledamöterna röstar om budgeten\"", "Budgetmötet",
                "Foto: Per Olsson").doesNotContain("Ledamöter runt bordet", "Anna Sjöberg");
        assertThat(object("feed.xml")).contains("alt=\"Ledamöterna röstar om budgeten\"", "Foto: Per Olsson");
        assertThat(invalidated).containsExactlyInAnyOrder("/nyheter/fullmaktige-i-bilder/", "/feed.xml",
                "/kategori/politik/feed.xml");

        // AND an article's save, which writes the picture's item too (its use version), rewrites no page of it
        invalidated.clear();
        store.create(Seeds.articles().getFirst().toBuilder().status(ArticleStatus.DRAFT).publishedAt(Optional.empty())
                .body("![Bild](media:" + Seeds.PHOTO + ")").build(), false, Articles.SAVE);
        invoke(nextBatch());
        assertThat(invalidated).isEmpty();
    }

    @Test
    void rebuild_shouldWriteEveryPage() throws Exception {
        Seeds.articles().forEach(a -> store.create(a, false, Articles.SAVE));

        JsonNode response = invoke((ObjectNode) Json.MAPPER.readTree("{\"action\":\"rebuild\"}"));

        // 14, the archive index and the first page of each of the three categories' 2019, the
        // logo and the three categories' feeds, the search page, its script, manifest and one month's shard, and the
        // privacy notice with its sitemap part
        assertThat(response.path("pages").asInt()).isEqualTo(28);
        assertThat(exists("arkiv/index.html")).isTrue();
        assertThat(exists("kategori/individ-och-familj/2019/index.html")).isTrue();
        assertThat(exists("kategori/individ-och-familj/feed.xml")).isTrue();
        assertThat(exists("assets/site.css")).isTrue();
        assertThat(exists("404.html")).isTrue();
        assertThat(exists("nyheter/statusuppdatering-angaende-handelser-inom-individ-och-familj/index.html")).isTrue();
        assertThat(exists("sok/index.html") && exists("assets/search.js") && exists("sok/index.json")
                && exists("sok/index/2019-12.json")).as("the search page, its script and its index").isTrue();
    }

    @Test
    void anImportsInserts_shouldRenderNothing_untilItsRebuild_whileLaterChangesRenderAsAlways() throws Exception {
        // GIVEN an article with its old addresses and a pending comment, written as an import writes them: every
        // item marked with the run's id
        Article imported = Seeds.articles().getFirst().withLegacyPaths(List.of("/2019/12/04/statusuppdatering/",
                "/?p=123"));
        Comment pending = new Comment(ArticleIds.generator().get(), imported.id(), Optional.empty(), "Läsare",
                "Tack för informationen!", CommentStatus.PENDING, Instant.parse("2019-12-05T10:00:00Z"), 1);
        writtenByAnImport(imported, pending);

        // WHEN the stream's batch of its inserts reaches render
        JsonNode inserted = invoke(nextBatch());

        // THEN nothing is rendered, written or invalidated
        assertThat(inserted.path("batchItemFailures")).isEmpty();
        assertThat(s3.listObjectsV2(r -> r.bucket(bucket)).contents()).isEmpty();
        assertThat(invalidated).isEmpty();

        // WHEN the import's one rebuild runs
        invoke((ObjectNode) Json.MAPPER.readTree("{\"action\":\"rebuild\"}"));

        // THEN the article's page is there, and each old address is a redirect to it, marked as render's
        String page = "nyheter/" + imported.slug() + "/index.html";
        assertThat(object(page)).contains(imported.title()).doesNotContain("Tack för informationen!");
        for (String key : List.of("2019/12/04/statusuppdatering/index.html", "wp/p/123/index.html")) {
            var head = s3.headObject(r -> r.bucket(bucket).key(key));
            assertThat(head.websiteRedirectLocation()).as(key).isEqualTo(imported.url());
            assertThat(head.metadata()).containsAllEntriesOf(RenderedObject.LEGACY_REDIRECT);
        }

        // WHEN an editor approves the imported comment (a MODIFY of a marked item)
        new DynamoDbCommentStore(dynamoDb, table).moderate(imported.id(), pending.id(), CommentStatus.APPROVED,
                Articles.moderated(imported.id(), pending.id(), CommentStatus.APPROVED));
        invoke(nextBatch());

        // THEN its page is rendered with it, as always
        assertThat(object(page)).contains("Tack för informationen!");

        // AND an article created as always (an unmarked INSERT) is rendered at once
        Article second = Seeds.articles().get(1);
        store.create(second, false, Articles.SAVE);
        invoke(nextBatch());
        assertThat(exists("nyheter/" + second.slug() + "/index.html")).isTrue();
    }

    @Test
    void oldAddresses_shouldFollowTheArticle_andARebuildShouldDeleteOnlyTheStaleOnesRenderMade() throws Exception {
        // GIVEN a published article with two old addresses, rendered from the stream
        Article article = Seeds.articles().getFirst().withLegacyPaths(List.of("/2019/12/04/status/", "/?p=7"));
        store.create(article, false, Articles.SAVE);
        invoke(nextBatch());
        assertThat(s3.headObject(r -> r.bucket(bucket).key("wp/p/7/index.html")).websiteRedirectLocation())
                .isEqualTo(article.url());

        // WHEN it is renamed
        Article renamed = article.toBuilder().slug("status-nytt-namn").previousSlugs(List.of(article.slug()))
                .updatedAt(article.updatedAt().plusSeconds(5)).version(2).build();
        store.update(article, renamed, Articles.SAVE);
        invoke(nextBatch());

        // THEN its old addresses lead to its new page, and the CDN is told
        assertThat(s3.headObject(r -> r.bucket(bucket).key("2019/12/04/status/index.html"))
                .websiteRedirectLocation()).isEqualTo("/nyheter/status-nytt-namn/");
        assertThat(invalidated).contains("/2019/12/04/status/", "/wp/p/7/");

        // GIVEN a redirect render made for an article deleted while the stream was behind, and objects it did not
        // make outside its folders: an operator's own redirect and a file
        s3.putObject(r -> r.bucket(bucket).key("2017/05/05/borta/index.html").websiteRedirectLocation("/")
                .metadata(RenderedObject.LEGACY_REDIRECT), RequestBody.fromString("borta"));
        s3.putObject(r -> r.bucket(bucket).key("kampanj/index.html").websiteRedirectLocation("/kategori/skola/"),
                RequestBody.fromString("kampanj"));
        s3.putObject(r -> r.bucket(bucket).key("favicon.ico"), RequestBody.fromString("ikon"));

        // WHEN the site is rebuilt
        invoke((ObjectNode) Json.MAPPER.readTree("{\"action\":\"rebuild\"}"));

        // THEN only the stale redirect render made is gone
        assertThat(exists("2017/05/05/borta/index.html")).isFalse();
        assertThat(exists("kampanj/index.html") && exists("favicon.ico")).isTrue();
        assertThat(exists("2019/12/04/status/index.html") && exists("wp/p/7/index.html")).isTrue();

        // WHEN the article is unpublished
        Article hidden = renamed.toBuilder().status(ArticleStatus.DRAFT).updatedAt(renamed.updatedAt().plusSeconds(5))
                .version(3).build();
        store.update(renamed, hidden, Articles.SAVE);
        invoke(nextBatch());

        // THEN its old addresses answer no more
        assertThat(exists("2019/12/04/status/index.html") || exists("wp/p/7/index.html")).isFalse();
    }

    /**
     * Writes the article and comment into the table as an import does: the store's items (made in a scratch table),
     * each with {@code importRun}, put as new items.
     */
    private void writtenByAnImport(Article article, Comment comment) {
        String scratch = Tables.fresh(dynamoDb);
        new DynamoDbArticleStore(dynamoDb, scratch).create(article, false, Articles.SAVE);
        new DynamoDbCommentStore(dynamoDb, scratch).post(comment, new CommentStore.Hashes("e1", "c1", "d1"),
                new CommentStore.Limits(0, 1000), Instant.now());
        for (Map<String, AttributeValue> item : dynamoDb.scanPaginator(r -> r.tableName(scratch)).items()) {
            Map<String, AttributeValue> marked = new HashMap<>(item);
            marked.put(Changes.IMPORT_RUN, AttributeValue.fromS("01JIMPORT00000000000000000"));
            dynamoDb.putItem(r -> r.tableName(table).item(marked));
        }
        // DynamoDB Local's iterator of the table's stream is trimmed by the scratch table's creation: a new one.
        String shard = streams.describeStream(r -> r.streamArn(streamArn)).streamDescription().shards().getFirst()
                .shardId();
        iterator = streams.getShardIterator(r -> r.streamArn(streamArn).shardId(shard)
                .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
    }

    @Test
    void rebuild_shouldWriteTheEditorsDesk_withItsSignInConfiguration() throws Exception {
        // GIVEN the function as its wiring builds it, with a user pool domain for the desk's sign-in
        RenderConfig config = RenderConfig.from(new Env(Map.of(EnvNames.TABLE_NAME, table,
                EnvNames.AWS_REGION, "eu-north-1", RenderConfig.BUCKET_NAME, bucket, RenderConfig.SITE_NAME, "Kommunen",
                RenderConfig.SITE_URL, "https://www.kommunen.se",
                RenderConfig.DESK_AUTH_URL, "https://kommunen.auth.eu-north-1.amazoncognito.com",
                RenderConfig.DESK_CLIENT_ID, "desk-client")));
        RenderFunction function = RenderWiring.render(config, dynamoDb, s3, line -> { });

        // WHEN it rebuilds, as a deploy has it do
        function.handleRequest(new ByteArrayInputStream("{\"action\":\"rebuild\"}".getBytes(StandardCharsets.UTF_8)),
                new ByteArrayOutputStream(), null);

        // THEN the desk is served from redaktion/, never cached stale, and told where to sign in
        var page = s3.headObject(r -> r.bucket(bucket).key("redaktion/index.html"));
        assertThat(page.contentType().replace(" ", "")).isEqualTo("text/html;charset=utf-8");
        assertThat(page.cacheControl()).isEqualTo("no-cache");
        assertThat(s3.headObject(r -> r.bucket(bucket).key("redaktion/main.js")).contentType().replace(" ", ""))
                .isEqualTo("text/javascript;charset=utf-8");
        JsonNode desk = Json.MAPPER.readTree(object("redaktion/config.json"));
        assertThat(desk.path("authorizeUrl").asText())
                .isEqualTo("https://kommunen.auth.eu-north-1.amazoncognito.com/oauth2/authorize");
        assertThat(desk.path("tokenUrl").asText()).isEqualTo("/oauth2/token");
        assertThat(desk.path("clientId").asText()).isEqualTo("desk-client");
        assertThat(desk.path("local").asBoolean()).isFalse();
    }

    @Test
    void everyEventFile_shouldReplayThroughTheFunction() throws Exception {
        // GIVEN the table holds what the sample batch's records describe
        Seeds.articles().forEach(a -> store.create(a, false, Articles.SAVE));

        // WHEN each file in events/render/ is invoked, as sam local invoke would (the deploy-*.json requests of the
        // stack's Custom::SiteBuild are replayed by DeployRebuildIT, which stands in for their ResponseURL)
        JsonNode batch = invoke((ObjectNode) Json.MAPPER.readTree(
                Files.readString(EVENTS.resolve("publish-seeds.json"))));
        JsonNode rebuild = invoke((ObjectNode) Json.MAPPER.readTree(
                Files.readString(EVENTS.resolve("rebuild.json"))));

        // THEN
        assertThat(batch.path("batchItemFailures")).isEmpty();
        // as rebuild_shouldWriteEveryPage counts them
        assertThat(rebuild.path("pages").asInt()).isEqualTo(28);
        assertThat(object("nyheter/statusuppdatering-angaende-handelser-inom-individ-och-familj/index.html"))
                .contains("Läs mer:\u00a0");
        try (var files = Files.list(EVENTS)) {
            // The preview-*.json events are PreviewFunction's (PreviewFunctionIT), deploy-*.json DeployRebuildIT's.
            assertThat(files.map(f -> f.getFileName().toString()).sorted().toList())
                    .containsExactly("deploy-create.json", "deploy-delete.json", "deploy-update.json",
                            "preview-bad-fields.json", "preview-seed.json", "publish-seeds.json", "rebuild.json");
        }
    }

    @Test
    void prime_shouldRenderEveryTemplate_andWriteNothing() throws Exception {
        Seeds.articles().forEach(a -> store.create(a, false, Articles.SAVE));
        var keys = Tables.keys(dynamoDb, table);

        SitePublisher publisher = publisher();
        DynamoDbSiteContent content = content();
        SiteBuild build = new SiteBuild(renderer(), new S3SiteWriter(s3, bucket), 4, Seeds.STOCKHOLM);
        RenderFunction function = new RenderFunction(publisher, content,
                () -> build.run(SnapshotSiteContent.of(new DynamoDbSiteReads(dynamoDb, table).everything(),
                        Seeds.STOCKHOLM)));

        RenderPriming.run(function, publisher, content, renderer());

        assertThat(s3.listObjectsV2(r -> r.bucket(bucket)).contents()).isEmpty();
        assertThat(invalidated).isEmpty();
        assertThat(Tables.keys(dynamoDb, table)).isEqualTo(keys);
    }

    @Test
    void rehearsingAPublication_shouldRenderTheListsItWouldRewrite_andWriteNothing() {
        // GIVEN a site with the two seed articles, and a third article that is not in the table
        Seeds.articles().forEach(a -> store.create(a, false, Articles.SAVE));
        Article first = Seeds.articles().getFirst();
        Article absent = first.toBuilder().id("01JZZZZZZZZZZZZZZZZZZZZZZZ").slug("ny-nyhet").title("Ny nyhet")
                .categories(List.of("Nya kategorin")).related(List.of()).version(1).build();

        // WHEN its publication is rehearsed
        List<Page> pages = publisher().rehearse(new Change.ArticleChanged(Optional.empty(), Optional.of(absent)),
                content());

        // THEN the lists are rendered from the table (its own page has nothing to show yet), and nothing is written
        assertThat(pages).contains(new Page.Front(), new Page.Feed(), new Page.SitemapIndex())
                .doesNotContain(new Page.ArticlePage(absent.id(), absent.slug()));
        assertThat(s3.listObjectsV2(r -> r.bucket(bucket)).contents()).isEmpty();
        assertThat(invalidated).isEmpty();
    }

    @Test
    void theWritersProbe_shouldFindNothing_untilSomethingIsWrittenUnderItsKey() {
        S3SiteWriter writer = new S3SiteWriter(s3, bucket);
        assertThat(writer.probe()).isTrue();

        s3.putObject(r -> r.bucket(bucket).key(S3SiteWriter.PROBE_KEY), RequestBody.fromString("?"));

        assertThat(writer.probe()).isFalse();
    }

    // Issue 17, part E: the privacy notice's page, /integritet/.

    @Test
    void rebuild_shouldWriteTheDefaultPrivacyNotice_linkedFromTheCommentFormAndEveryFooter_andInTheSitemap()
            throws Exception {
        Seeds.articles().forEach(a -> store.create(a, false, Articles.SAVE));

        invoke((ObjectNode) Json.MAPPER.readTree("{\"action\":\"rebuild\"}"));

        assertThat(object("integritet/index.html")).contains("<h1>Så behandlar vi personuppgifter</h1>",
                "saltad kontrollsumma", "högst 20 i timmen", "Kontakta kommunen och be om att få dina kommentarer");
        String article = object("nyheter/politiska-styrningen-av-individ-och-familj-utreds/index.html");
        String form = article.substring(article.indexOf("<form class=\"comment-form\""));
        assertThat(form.substring(0, form.indexOf("</form>")))
                .contains("<a href=\"/integritet/\">Så behandlar vi dina uppgifter</a>");
        for (String page : List.of("index.html", "integritet/index.html", "arkiv/index.html")) {
            String footer = object(page).substring(object(page).indexOf("<footer"));
            assertThat(footer).as(page).contains("<a href=\"/integritet/\">Personuppgifter</a>");
        }
        assertThat(object("sitemap.xml")).contains("<loc>https://www.bastad.se/sitemap-sidor.xml</loc>");
        assertThat(object("sitemap-sidor.xml")).contains("<loc>https://www.bastad.se/integritet/</loc>")
                .doesNotContain("lastmod");
    }

    @Test
    void savingThePrivacyNotice_shouldRewriteItsPageThroughTheStream_withItsDate() throws Exception {
        invoke((ObjectNode) Json.MAPPER.readTree("{\"action\":\"rebuild\"}"));
        invalidated.clear();

        new DynamoDbPrivacyNoticeStore(dynamoDb, table).save("## Vad vi sparar\n\nNamn, text och tid – inget mer.",
                0, Instant.parse("2019-12-05T08:00:00Z"));
        JsonNode response = invoke(nextBatch());

        assertThat(response.path("batchItemFailures")).isEmpty();
        assertThat(object("integritet/index.html")).contains("<h2>Vad vi sparar</h2>",
                "Namn, text och tid – inget mer.", "<time datetime=\"2019-12-05T09:00:00+01:00\">5 december 2019")
                .doesNotContain("saltad kontrollsumma");
        assertThat(object("sitemap-sidor.xml")).contains("<lastmod>2019-12-05T08:00:00Z</lastmod>");
        assertThat(invalidated).containsExactlyInAnyOrder("/integritet/", "/sitemap-sidor.xml");
    }

    private static SiteRenderer renderer() {
        return new SiteRenderer(Seeds.SITE, new Labels(Locale.forLanguageTag("sv-SE")));
    }

    private SitePublisher publisher() {
        return new SitePublisher(new PagePlanner(Seeds.STOCKHOLM), renderer(), new S3SiteWriter(s3, bucket),
                invalidator, System.out::println, 4);
    }

    private RenderFunction function() {
        SiteBuild build = new SiteBuild(renderer(), new S3SiteWriter(s3, bucket), 4, Seeds.STOCKHOLM);
        return new RenderFunction(publisher(), content(),
                () -> build.run(SnapshotSiteContent.of(new DynamoDbSiteReads(dynamoDb, table).everything(),
                        Seeds.STOCKHOLM)));
    }

    private DynamoDbSiteContent content() {
        return new DynamoDbSiteContent(new DynamoDbSiteReads(dynamoDb, table), Seeds.STOCKHOLM);
    }

    private JsonNode invoke(ObjectNode event) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        function().handleRequest(new ByteArrayInputStream(Json.MAPPER.writeValueAsBytes(event)), out, null);
        return Json.MAPPER.readTree(out.toByteArray());
    }

    private ObjectNode nextBatch() {
        var response = streams.getRecords(r -> r.shardIterator(iterator));
        iterator = response.nextShardIterator();
        List<Record> records = response.records();
        return StreamJson.event(records, streamArn);
    }

    private String object(String key) {
        return s3.getObjectAsBytes(r -> r.bucket(bucket).key(key)).asString(StandardCharsets.UTF_8);
    }

    private boolean exists(String key) {
        try {
            s3.headObject(r -> r.bucket(bucket).key(key));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }

}
