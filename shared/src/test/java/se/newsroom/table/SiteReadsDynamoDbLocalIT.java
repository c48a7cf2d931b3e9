package se.newsroom.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.paginators.QueryIterable;

import se.newsroom.content.Article;
import se.newsroom.content.ArticleIds;
import se.newsroom.content.ArticleImage;
import se.newsroom.content.CategoryEntry;
import se.newsroom.content.ListedArticle;
import se.newsroom.content.Media;
import se.newsroom.content.MediaStatus;
import se.newsroom.content.MediaVariant;
import se.newsroom.testing.Articles;
import se.newsroom.testing.DynamoDbLocal;
import se.newsroom.testing.Tables;

/** What rendering reads, against DynamoDB Local. */
class SiteReadsDynamoDbLocalIT {
    private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");

    @Test
    void publishedYears_shouldCostAQueryPerYearWithArticles_andSkipDatesNoVersionMayWrite() {
        // GIVEN articles of 1995, 2019 and 2024, and one an older version stored with a year beyond 9999
        DynamoDbClient dynamoDb = DynamoDbLocal.client();
        String table = Tables.fresh(dynamoDb);
        DynamoDbArticleStore store = new DynamoDbArticleStore(dynamoDb, table);
        for (String at : new String[] {"1995-06-01T10:00:00Z", "2019-12-04T09:30:00Z", "2019-12-31T23:30:00Z",
                "2024-03-01T10:00:00Z"}) {
            store.create(Articles.published(Articles.draft("Nyhet " + at), Instant.parse(at)), false, Articles.SAVE);
        }
        Article legacy = store.create(Articles.published(Articles.draft("Framtid"), Articles.T0), false, Articles.SAVE);
        dynamoDb.updateItem(r -> r.tableName(table).key(ArticleItem.key(legacy.id()))
                .updateExpression("SET publishedAt = :t, statusSort = :sort")
                .expressionAttributeValues(Map.of(":t", AttributeValue.fromS("+10000-01-01T00:00:00.000Z"),
                        ":sort", AttributeValue.fromS("+10000-01-01T00:00:00.000Z#" + legacy.id()))));
        AtomicInteger queries = new AtomicInteger();

        // WHEN
        List<Integer> years = new DynamoDbSiteReads(counting(dynamoDb, queries), table).publishedYears(STOCKHOLM);

        // THEN (2019-12-31T23:30Z is 2020 in Stockholm)
        assertThat(years).containsExactly(1995, 2019, 2020, 2024);
        assertThat(queries).hasValue(years.size() + 1);
    }

    @Test
    void publishedMonths_shouldCostAQueryPerMonthWithArticles_inTheSitesZone() {
        // GIVEN articles of November and December 2019 (one on 30 November in UTC, 1 December in Stockholm), and 2024
        DynamoDbClient dynamoDb = DynamoDbLocal.client();
        String table = Tables.fresh(dynamoDb);
        DynamoDbArticleStore store = new DynamoDbArticleStore(dynamoDb, table);
        for (String at : new String[] {"2019-11-15T10:00:00Z", "2019-11-30T23:30:00Z", "2019-12-20T09:30:00Z",
                "2024-03-01T10:00:00Z"}) {
            store.create(Articles.published(Articles.draft("Nyhet " + at), Instant.parse(at)), false, Articles.SAVE);
        }
        store.create(Articles.draft("Utkast i juni"), false, Articles.SAVE);
        AtomicInteger queries = new AtomicInteger();

        // WHEN
        List<YearMonth> months = new DynamoDbSiteReads(counting(dynamoDb, queries), table).publishedMonths(STOCKHOLM);

        // THEN
        assertThat(months).containsExactly(YearMonth.of(2019, 11), YearMonth.of(2019, 12), YearMonth.of(2024, 3));
        assertThat(queries).hasValue(months.size() + 1);
    }

    @Test
    void publishedArticlesBetween_shouldReadTheMonthsArticlesWithTheirBodies_newestFirst_neverADraft() {
        // GIVEN two published articles in December 2019, one in January 2020, and a draft
        DynamoDbClient dynamoDb = DynamoDbLocal.client();
        String table = Tables.fresh(dynamoDb);
        DynamoDbArticleStore store = new DynamoDbArticleStore(dynamoDb, table);
        Article early = store.create(Articles.published(Articles.draft("Tidig"), Instant.parse("2019-12-02T10:00:00Z"))
                .toBuilder().body("Badplatsen i Östersund öppnar.").build(), false, Articles.SAVE);
        Article late = store.create(Articles.published(Articles.draft("Sen"), Instant.parse("2019-12-28T10:00:00Z"))
                .toBuilder().body("Vägarbete på Storgatan.").build(), false, Articles.SAVE);
        store.create(Articles.published(Articles.draft("Januari"), Instant.parse("2020-01-05T10:00:00Z")), false,
                Articles.SAVE);
        store.create(Articles.draft("Utkast"), false, Articles.SAVE);

        // WHEN
        List<Article> december = new DynamoDbSiteReads(dynamoDb, table).publishedArticlesBetween(
                Instant.parse("2019-11-30T23:00:00Z"), Instant.parse("2019-12-31T23:00:00Z"));

        // THEN
        assertThat(december).extracting(Article::id).containsExactly(late.id(), early.id());
        assertThat(december).extracting(Article::body).containsExactly("Vägarbete på Storgatan.",
                "Badplatsen i Östersund öppnar.");
    }

    @Test
    void media_shouldReadAPagesPicturesInOneBatchGet_andEverythingShouldHoldThem() {
        // GIVEN a ready picture, a pending one, and an id nothing has
        DynamoDbClient dynamoDb = DynamoDbLocal.client();
        String table = Tables.fresh(dynamoDb);
        DynamoDbMediaStore library = new DynamoDbMediaStore(dynamoDb, table);
        Media ready = Media.pending(ArticleIds.generator().get(), "möte.jpg", "image/jpeg", 1000, "Karin",
                Articles.T0);
        library.create(ready);
        List<MediaVariant> variants = List.of(
                new MediaVariant(480, 320, "media/" + ready.id() + "/480.jpg", "image/jpeg", 40_000),
                new MediaVariant(960, 640, "media/" + ready.id() + "/960.jpg", "image/jpeg", 120_000));
        library.markReady(ready.id(), 960, 640, variants);
        Media pending = Media.pending(ArticleIds.generator().get(), "skola.png", "image/png", 1000, "Karin",
                Articles.T0);
        library.create(pending);
        AtomicInteger batchGets = new AtomicInteger();

        // WHEN
        Map<String, Media> media = new DynamoDbSiteReads(counting(dynamoDb, batchGets), table)
                .media(List.of(ready.id(), pending.id(), ArticleIds.generator().get()));

        // THEN
        assertThat(batchGets).hasValue(1);
        assertThat(media).containsOnlyKeys(ready.id(), pending.id());
        assertThat(media.get(ready.id()).status()).isEqualTo(MediaStatus.READY);
        assertThat(media.get(ready.id()).variants()).isEqualTo(variants);
        assertThat(media.get(pending.id()).status()).isEqualTo(MediaStatus.PENDING);
        assertThat(new DynamoDbSiteReads(dynamoDb, table).everything().media()).extracting(Media::id)
                .containsExactlyInAnyOrder(ready.id(), pending.id());
    }

    @Test
    void lists_shouldCarryTheFeaturedImage_andAnEntryWrittenWithoutOneListTheArticleWithout() {
        // GIVEN a ready picture, an article published with it and one without, in the same category and month
        DynamoDbClient dynamoDb = DynamoDbLocal.client();
        String table = Tables.fresh(dynamoDb);
        String photo = ArticleIds.generator().get();
        new DynamoDbMediaStore(dynamoDb, table).create(new Media(photo, MediaStatus.READY, "matsal.jpg",
                "image/jpeg", 1000, "Karin", Articles.T0, 960, 640, List.of(), "", "", "", ""));
        ArticleImage image = new ArticleImage(photo, "Elever äter lunch i matsalen", false, "Lunch", "Eva");
        DynamoDbArticleStore store = new DynamoDbArticleStore(dynamoDb, table);
        Article pictured = store.create(Articles.published(Articles.draft("Ny matsal"), Articles.T0).toBuilder()
                .categories(List.of("Skola")).image(Optional.of(image)).build(), false, Articles.SAVE);
        Article plain = store.create(Articles.published(Articles.draft("Nytt schema"), Articles.T0.plusSeconds(60))
                .toBuilder().categories(List.of("Skola")).build(), false, Articles.SAVE);
        DynamoDbSiteReads reads = new DynamoDbSiteReads(dynamoDb, table);
        Instant from = Articles.T0.minusSeconds(3600);
        Instant to = Articles.T0.plusSeconds(3600);

        // WHEN the category's entries and the month's articles are read
        List<CategoryEntry> entries = reads.inCategory("skola");
        List<ListedArticle> month = reads.withImages(reads.publishedBetween(from, to));

        // THEN each carries the picture's id and the article's texts for it; the other none
        assertThat(entries).extracting(CategoryEntry::articleId).containsExactly(plain.id(), pictured.id());
        assertThat(entries).extracting(CategoryEntry::image).containsExactly(Optional.empty(), Optional.of(image));
        assertThat(month).extracting(ListedArticle::id).containsExactly(plain.id(), pictured.id());
        assertThat(month).extracting(ListedArticle::image).containsExactly(Optional.empty(), Optional.of(image));
        assertThat(reads.publishedBetween(from, to)).extracting(ListedArticle::image).containsOnly(Optional.empty());

        // AND an entry written before entries carried the image is still listed, without it
        Map<String, AttributeValue> entryKey = ContentTable.keyOf(CategoryEntryItem.of(pictured, "Skola"));
        dynamoDb.updateItem(r -> r.tableName(table).key(entryKey).updateExpression("REMOVE image"));
        assertThat(reads.inCategory("skola")).extracting(CategoryEntry::title, CategoryEntry::image)
                .containsExactly(tuple(plain.title(), Optional.empty()), tuple(pictured.title(), Optional.empty()));
    }

    @Test
    void neighbours_shouldBeTheArticlesJustBeforeAndAfterInPublicationOrder_skippingTheArticleItself() {
        // GIVEN three published articles a minute apart, a draft, and one an older version stored beyond year 9999
        DynamoDbClient dynamoDb = DynamoDbLocal.client();
        String table = Tables.fresh(dynamoDb);
        DynamoDbArticleStore store = new DynamoDbArticleStore(dynamoDb, table);
        Article first = store.create(Articles.published(Articles.draft("Första"), Articles.T0), false, Articles.SAVE);
        Article second = store.create(Articles.published(Articles.draft("Andra"), Articles.T0.plusSeconds(60)),
                false, Articles.SAVE);
        Article third = store.create(Articles.published(Articles.draft("Tredje"), Articles.T0.plusSeconds(120)),
                false, Articles.SAVE);
        store.create(Articles.draft("Utkast"), false, Articles.SAVE);
        Article legacy = store.create(Articles.published(Articles.draft("Framtid"), Articles.T0), false, Articles.SAVE);
        dynamoDb.updateItem(r -> r.tableName(table).key(ArticleItem.key(legacy.id()))
                .updateExpression("SET publishedAt = :t, statusSort = :sort")
                .expressionAttributeValues(Map.of(":t", AttributeValue.fromS("+10000-01-01T00:00:00.000Z"),
                        ":sort", AttributeValue.fromS("+10000-01-01T00:00:00.000Z#" + legacy.id()))));
        AtomicInteger queries = new AtomicInteger();
        DynamoDbSiteReads reads = new DynamoDbSiteReads(counting(dynamoDb, queries), table);

        // WHEN / THEN the middle one's neighbours, one query each
        assertThat(reads.publishedBefore(Articles.T0.plusSeconds(60), second.id())).map(ListedArticle::id)
                .contains(first.id());
        assertThat(reads.publishedAfter(Articles.T0.plusSeconds(60), second.id())).map(ListedArticle::id)
                .contains(third.id());
        assertThat(queries).hasValue(2);
        // the ends have none on their outer side (the legacy date is not "before" anything)
        assertThat(reads.publishedBefore(Articles.T0, first.id())).isEmpty();
        assertThat(reads.publishedAfter(Articles.T0.plusSeconds(120), third.id())).isEmpty();
        // the old place of an article re-dated to where its neighbour was: the article itself is never its neighbour
        assertThat(reads.publishedAfter(Articles.T0.plusSeconds(90), third.id())).isEmpty();
        assertThat(reads.publishedBefore(Articles.T0.plusSeconds(180), third.id())).map(ListedArticle::id)
                .contains(second.id());
    }

    @Test
    void latestArticlesInCategory_shouldReadOnlyTheNewestEntries_withBodies() {
        DynamoDbClient dynamoDb = DynamoDbLocal.client();
        String table = Tables.fresh(dynamoDb);
        DynamoDbArticleStore store = new DynamoDbArticleStore(dynamoDb, table);
        for (int i = 0; i < 4; i++) {
            store.create(Articles.published(Articles.draft("Skolnyhet " + i), Articles.T0.plusSeconds(i * 60L))
                    .toBuilder().categories(List.of("Skola")).body("Text " + i).build(), false, Articles.SAVE);
        }

        List<Article> latest = new DynamoDbSiteReads(dynamoDb, table).latestArticlesInCategory("skola", 2);

        assertThat(latest).extracting(Article::title, Article::body)
                .containsExactly(tuple("Skolnyhet 3", "Text 3"), tuple("Skolnyhet 2", "Text 2"));
    }

    @Test
    void periodReads_shouldBeOneQueryEach_categoryOnesConsistent_andSkipEmptyPeriods() {
        // GIVEN articles in November and December 2019 and February 2020 (none in January), all in "Skola"; one
        // published at the first instant of 2020 in Stockholm
        DynamoDbClient dynamoDb = DynamoDbLocal.client();
        String table = Tables.fresh(dynamoDb);
        DynamoDbArticleStore store = new DynamoDbArticleStore(dynamoDb, table);
        Instant newYear = Instant.parse("2019-12-31T23:00:00Z");
        List<Article> articles = new ArrayList<>();
        for (String at : new String[] {"2019-11-05T10:00:00Z", "2019-11-20T10:00:00Z", "2019-12-01T10:00:00Z",
                "2019-12-24T10:00:00Z", newYear.toString(), "2020-02-03T10:00:00Z"}) {
            articles.add(store.create(Articles.published(Articles.draft("Nyhet " + at), Instant.parse(at))
                    .toBuilder().categories(List.of("Skola")).build(), false, Articles.SAVE));
        }
        List<QueryRequest> queries = new ArrayList<>();
        DynamoDbSiteReads reads = new DynamoDbSiteReads(recording(dynamoDb, queries), table);
        Instant december = Instant.parse("2019-11-30T23:00:00Z");

        // WHEN a period, its neighbours and the archive's dates are read, THEN
        assertThat(reads.publishedBetween(december, newYear)).extracting(ListedArticle::id)
                .containsExactly(articles.get(3).id(), articles.get(2).id());
        assertThat(reads.inCategoryBetween("skola", Instant.parse("2018-12-31T23:00:00Z"), newYear))
                .extracting(CategoryEntry::articleId)
                .containsExactly(articles.get(3).id(), articles.get(2).id(), articles.get(1).id(),
                        articles.get(0).id());
        assertThat(reads.newestPublishedBefore(december)).map(ListedArticle::id).contains(articles.get(1).id());
        assertThat(reads.oldestPublishedAtOrAfter(Instant.parse("2020-01-31T23:00:00Z"))).map(ListedArticle::id)
                .contains(articles.get(5).id());
        assertThat(reads.oldestPublishedAtOrAfter(newYear)).map(ListedArticle::id).contains(articles.get(4).id());
        assertThat(reads.newestInCategoryBefore("skola", newYear)).map(CategoryEntry::articleId)
                .contains(articles.get(3).id());
        assertThat(reads.oldestInCategoryAtOrAfter("skola", Instant.parse("2020-01-02T00:00:00Z")))
                .map(CategoryEntry::articleId).contains(articles.get(5).id());
        assertThat(reads.oldestInCategoryAtOrAfter("skola", Instant.parse("2021-01-01T00:00:00Z"))).isEmpty();
        assertThat(reads.latestInCategory("skola", 2)).extracting(CategoryEntry::articleId)
                .containsExactly(articles.get(5).id(), articles.get(4).id());
        assertThat(reads.publishedDates()).containsExactlyElementsOf(articles.stream()
                .map(a -> a.publishedAt().orElseThrow()).toList());
        assertThat(queries).hasSize(10);
        assertThat(queries.stream().filter(q -> q.indexName() == null)).hasSize(5)
                .allMatch(q -> Boolean.TRUE.equals(q.consistentRead()));
    }

    /** The client, recording its queries. */
    private static DynamoDbClient recording(DynamoDbClient client, List<QueryRequest> queries) {
        return new DynamoDbClient() {
            @Override
            public QueryResponse query(QueryRequest request) {
                queries.add(request);
                return client.query(request);
            }

            @Override
            public QueryIterable queryPaginator(QueryRequest request) {
                return new QueryIterable(this, request);
            }

            @Override
            public String serviceName() {
                return client.serviceName();
            }

            @Override
            public void close() {
            }
        };
    }

    /** The client, counting its queries and batch gets. */
    private static DynamoDbClient counting(DynamoDbClient client, AtomicInteger queries) {
        return new DynamoDbClient() {
            @Override
            public QueryResponse query(QueryRequest request) {
                queries.incrementAndGet();
                return client.query(request);
            }

            @Override
            public BatchGetItemResponse batchGetItem(BatchGetItemRequest request) {
                queries.incrementAndGet();
                return client.batchGetItem(request);
            }

            @Override
            public String serviceName() {
                return client.serviceName();
            }

            @Override
            public void close() {
            }
        };
    }
}
