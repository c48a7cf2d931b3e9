package se.newsroom.articles;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import se.newsroom.content.Article;
import se.newsroom.content.ArticleIds;
import se.newsroom.content.ArticleInput;
import se.newsroom.content.ArticleStatus;
import se.newsroom.content.AuditAction;
import se.newsroom.content.Revision;
import se.newsroom.http.Editor;
import se.newsroom.table.DynamoDbArticleStore;
import se.newsroom.table.DynamoDbAuditLog;
import se.newsroom.table.DynamoDbCommentStore;
import se.newsroom.testing.DynamoDbLocal;
import se.newsroom.testing.Tables;

/** Scheduled articles go live at their publishAt, whatever the traffic, by the minute's invocation. */
class PublishScheduledIT {

    @Test
    void aScheduledArticle_shouldGoLiveOnTheFirstRunAtOrAfterItsTime_andNotBefore() {
        // GIVEN an article scheduled for 10:00, with a clock the test moves
        DynamoDbClient dynamoDb = DynamoDbLocal.client();
        String table = Tables.fresh(dynamoDb);
        DynamoDbArticleStore store = new DynamoDbArticleStore(dynamoDb, table);
        AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2019-12-13T08:59:30Z"));
        Clock clock = new Clock() {
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            public Clock withZone(ZoneId zone) {
                return this;
            }

            public Instant instant() {
                return now.get();
            }
        };
        ArticleService service = new ArticleService(store, new DynamoDbCommentStore(dynamoDb, table), clock,
                ArticleIds.generator());
        Article scheduled = service.create(new Editor("e", "Redaktionen"), new ArticleInput("Julmarknad på torget",
                null, "Välkommen!", null, null, "scheduled", "2019-12-13T10:00:00+01:00", null, null, null, null));
        service.create(new Editor("e", "Redaktionen"), new ArticleInput("Senare", null, "Text", null, null,
                "scheduled", "2019-12-13T10:05:00+01:00", null, null, null, null));
        PublishScheduledFunction function = new PublishScheduledFunction(service);

        // WHEN the schedule fires 30 s before, and a minute later
        Map<String, Object> early = function.handleRequest(Map.of(), null);
        now.set(now.get().plus(Duration.ofSeconds(60)));
        Map<String, Object> onTime = function.handleRequest(Map.of(), null);
        Map<String, Object> again = function.handleRequest(Map.of(), null);

        // THEN
        assertThat(early).containsEntry("published", 0);
        assertThat(onTime).containsEntry("published", 1);
        assertThat(again).containsEntry("published", 0);
        Article live = store.find(scheduled.id()).orElseThrow();
        assertThat(live.status()).isEqualTo(ArticleStatus.PUBLISHED);
        assertThat(live.publishedAt()).contains(Instant.parse("2019-12-13T09:00:00Z"));
        assertThat(live.version()).isEqualTo(2);
        assertThat(live.body()).isEqualTo("Välkommen!");
        assertThat(live.title()).isEqualTo("Julmarknad på torget");
        // and the scheduler's publishing is recorded as its own: a revision and an audit entry by "system"
        Revision published = store.revision(scheduled.id(), 2).orElseThrow();
        assertThat(published.action()).isEqualTo(AuditAction.PUBLISH);
        assertThat(published.savedBy()).isEqualTo("system");
        assertThat(published.savedByName()).isEqualTo("Schemaläggaren");
        assertThat(new DynamoDbAuditLog(dynamoDb, table).ofEditor("system", 10, Optional.empty()).items())
                .singleElement().satisfies(e -> assertThat(e.articleId()).contains(scheduled.id()));
    }

    @Test
    void anArticleAnOlderVersionScheduledBeyondYear9999_shouldNotBeTakenForDue() {
        // GIVEN a scheduled article whose stored date reads "+10000-…", which sorts before every real date
        DynamoDbClient dynamoDb = DynamoDbLocal.client();
        String table = Tables.fresh(dynamoDb);
        DynamoDbArticleStore store = new DynamoDbArticleStore(dynamoDb, table);
        ArticleService service = new ArticleService(store, new DynamoDbCommentStore(dynamoDb, table),
                Clock.fixed(Instant.parse("2019-12-13T09:00:00Z"), ZoneOffset.UTC), ArticleIds.generator());
        Article far = service.create(new Editor("e", "Redaktionen"), new ArticleInput("Långt fram", null, "Text",
                null, null, "scheduled", "2029-12-13T10:00:00+01:00", null, null, null, null));
        dynamoDb.updateItem(r -> r.tableName(table).key(Map.of("PK", AttributeValue.fromS("ARTICLE#" + far.id()),
                        "SK", AttributeValue.fromS("A")))
                .updateExpression("SET publishAt = :t, statusSort = :sort")
                .expressionAttributeValues(Map.of(":t", AttributeValue.fromS("+10000-01-01T00:00:00.000Z"),
                        ":sort", AttributeValue.fromS("+10000-01-01T00:00:00.000Z#" + far.id()))));

        // WHEN
        Map<String, Object> run = new PublishScheduledFunction(service).handleRequest(Map.of(), null);

        // THEN
        assertThat(run).containsEntry("published", 0);
        assertThat(store.find(far.id()).orElseThrow().status()).isEqualTo(ArticleStatus.SCHEDULED);
    }
}
