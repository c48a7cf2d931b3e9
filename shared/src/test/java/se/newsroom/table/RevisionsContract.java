package se.newsroom.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;

import se.newsroom.content.Article;
import se.newsroom.content.ArticleStatus;
import se.newsroom.content.ArticleStore;
import se.newsroom.content.AuditAction;
import se.newsroom.content.AuditEntry;
import se.newsroom.content.AuditLog;
import se.newsroom.content.Change;
import se.newsroom.content.Revision;
import se.newsroom.error.InvalidCursorException;
import se.newsroom.error.StaleVersionException;
import se.newsroom.testing.Articles;
import se.newsroom.testing.Tables;

/**
 * Revisions and the audit log as every backend must keep them, run against each emulator by a subclass: DynamoDB
 * Local always, LocalStack where Docker exists.
 */
abstract class RevisionsContract {
    private static final Change ANNA = Change.by("sub-anna", "Anna Åström", AuditAction.EDIT);
    private static final Change BO = Change.by("sub-bo", "Bo Ek", AuditAction.EDIT);

    private DynamoDbClient client;
    private String table;
    private DynamoDbArticleStore store;
    private DynamoDbAuditLog audit;

    /** The emulator's client. */
    abstract DynamoDbClient client();

    @BeforeEach
    void freshTable() {
        client = client();
        table = Tables.fresh(client);
        store = new DynamoDbArticleStore(client, table);
        audit = new DynamoDbAuditLog(client, table);
    }

    @Test
    void create_shouldWriteTheFirstRevision_withWhoSavedItAndTheArticleAsSaved() {
        // GIVEN
        Article article = Articles.draft("Nytt äldreboende i Åsa");

        // WHEN
        store.create(article, false, Change.by("sub-anna", "Anna Åström", AuditAction.CREATE));

        // THEN
        Revision first = store.revision(article.id(), 1).orElseThrow();
        assertThat(first.action()).isEqualTo(AuditAction.CREATE);
        assertThat(first.savedBy()).isEqualTo("sub-anna");
        assertThat(first.savedByName()).isEqualTo("Anna Åström");
        assertThat(first.savedAt()).isEqualTo(article.updatedAt());
        assertThat(first.changed()).contains("title", "summary", "body", "categories", "slug", "status");
        assertThat(first.article()).contains(article);
        assertThat(first.article().orElseThrow().body()).contains("å, ä och ö\u00a0– och");
        assertThat(Tables.record(client, table)).hasSize(2)
                .contains("ARTICLE#" + article.id() + " R#0000000000000000001")
                .anyMatch(k -> k.startsWith("AUDIT#ARTICLE#" + article.id() + " 2019-12-04T09:30:00"));
    }

    @Test
    void update_shouldNameTheChangedFields_andKeepEveryEarlierVersionReadable() {
        // GIVEN
        Article v1 = store.create(Articles.draft("Vägarbete på Storgatan"), false, ANNA);

        // WHEN
        Article v2 = store.update(v1, next(v1, "Vägarbete på Storgatan – klart i maj"), BO);

        // THEN
        Revision second = store.revision(v1.id(), 2).orElseThrow();
        assertThat(second.changed()).containsExactly("title", "body");
        assertThat(second.savedByName()).isEqualTo("Bo Ek");
        assertThat(second.article()).contains(v2);
        assertThat(store.revision(v1.id(), 1).orElseThrow().article()).contains(v1);
        assertThat(store.revisions(v1.id(), 10, Optional.empty()).items()).extracting(Revision::version)
                .containsExactly(2L, 1L);
    }

    @Test
    void update_shouldLeaveExactlyOneRevisionPerVersion_whenSavesRaceForTheSameVersion() throws Exception {
        // GIVEN an article, and eight editors saving on top of the same version, five rounds over
        Article current = store.create(Articles.draft("Skolval 2020"), false, ANNA);
        int editors = 8;
        for (int round = 0; round < 5; round++) {
            Article base = current;
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(editors);
            List<Future<Article>> saves = new ArrayList<>();
            for (int i = 0; i < editors; i++) {
                String title = "Skolval 2020, version " + (base.version() + 1) + " av redaktör " + i;
                saves.add(pool.submit(() -> {
                    start.await();
                    return store.update(base, next(base, title), Change.by("sub-" + title.hashCode(), title,
                            AuditAction.EDIT));
                }));
            }
            // WHEN
            start.countDown();
            List<Article> won = new ArrayList<>();
            int stale = 0;
            for (Future<Article> save : saves) {
                try {
                    won.add(save.get());
                } catch (ExecutionException e) {
                    assertThat(e.getCause()).isInstanceOf(StaleVersionException.class);
                    stale++;
                }
            }
            pool.shutdown();

            // THEN exactly one wins, and its revision is the one written
            assertThat(won).hasSize(1);
            assertThat(stale).isEqualTo(editors - 1);
            current = store.find(base.id()).orElseThrow();
            assertThat(current).isEqualTo(won.getFirst());
            Revision revision = store.revision(base.id(), current.version()).orElseThrow();
            assertThat(revision.article()).contains(current);
            assertThat(revision.savedByName()).isEqualTo(current.title());
        }
        // versions contiguous, one revision each, none beyond the article's version; one audit entry per save
        long last = current.version();
        assertThat(store.revisions(current.id(), 100, Optional.empty()).items()).extracting(Revision::version)
                .containsExactlyElementsOf(LongStream.iterate(last, v -> v >= 1, v -> v - 1).boxed().toList());
        assertThat(audit.ofArticle(current.id(), 100, Optional.empty()).items()).extracting(e -> e.version()
                .orElseThrow()).containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, last).boxed().toList());
    }

    @Test
    void update_shouldKeepTheNewest50Revisions_droppingTheOldestInTheSameSave() {
        // GIVEN
        Article current = store.create(Articles.draft("Budget 2021"), false, ANNA);

        // WHEN it is saved 54 more times
        for (int i = 0; i < 54; i++) {
            current = store.update(current, next(current, "Budget 2021, utkast " + i), ANNA);
        }

        // THEN versions 6 to 55 are kept, and nothing older
        Revision.Page newest = store.revisions(current.id(), 100, Optional.empty());
        assertThat(newest.items()).hasSize(ArticleStore.KEPT_REVISIONS);
        assertThat(newest.items().getFirst().version()).isEqualTo(55);
        assertThat(newest.items().getLast().version()).isEqualTo(6);
        assertThat(store.revision(current.id(), 5)).isEmpty();
        assertThat(Tables.record(client, table)).filteredOn(k -> k.contains(" R#")).hasSize(50);
    }

    @Test
    void revisions_shouldPageNewestFirst_andRefuseAnotherArticlesCursor() {
        // GIVEN
        Article current = store.create(Articles.draft("Sidor"), false, ANNA);
        for (int i = 0; i < 4; i++) {
            current = store.update(current, next(current, "Sidor " + i), ANNA);
        }
        Article other = store.create(Articles.draft("Annan"), false, ANNA);

        // WHEN
        Revision.Page first = store.revisions(current.id(), 3, Optional.empty());
        Revision.Page second = store.revisions(current.id(), 3, first.nextCursor());

        // THEN
        assertThat(first.items()).extracting(Revision::version).containsExactly(5L, 4L, 3L);
        assertThat(first.items()).allSatisfy(r -> assertThat(r.article()).isEmpty());
        assertThat(second.items()).extracting(Revision::version).containsExactly(2L, 1L);
        assertThatThrownBy(() -> store.revisions(other.id(), 3, first.nextCursor()))
                .isInstanceOf(InvalidCursorException.class);
    }

    @Test
    void delete_shouldKeepTheRevisions_andRecordTheDeletionInTheAuditLog() {
        // GIVEN
        Article article = store.create(Articles.draft("Ska bort"), false, ANNA);

        // WHEN
        store.delete(article.id(), Optional.of(1L), Change.by("sub-bo", "Bo Ek", AuditAction.DELETE));

        // THEN
        assertThat(store.find(article.id())).isEmpty();
        assertThat(store.revision(article.id(), 1)).isPresent();
        assertThat(audit.ofArticle(article.id(), 10, Optional.empty()).items())
                .extracting(AuditEntry::action, AuditEntry::editor)
                .containsExactly(tuple(AuditAction.DELETE, "sub-bo"),
                        tuple(AuditAction.EDIT, "sub-anna"));
    }

    @Test
    void auditLog_shouldListAnEditorsEntriesNewestFirst_acrossArticles_pageByPage() {
        // GIVEN Anna and Bo each save articles
        Article a = store.create(Articles.draft("Första"), false, ANNA);
        Article b = store.create(Articles.draft("Andra"), false, BO);
        Article a2 = store.update(a, next(a, "Första, ändrad").toBuilder()
                .updatedAt(a.updatedAt().plusSeconds(60)).build(), ANNA);
        store.update(b, next(b, "Andra, ändrad").toBuilder().updatedAt(b.updatedAt().plusSeconds(120)).build(), ANNA);

        // WHEN
        AuditLog.Page first = audit.ofEditor("sub-anna", 2, Optional.empty());
        AuditLog.Page second = audit.ofEditor("sub-anna", 2, first.nextCursor());

        // THEN
        assertThat(first.items()).extracting(e -> e.articleId().orElseThrow()).containsExactly(b.id(), a2.id());
        assertThat(second.items()).extracting(e -> e.articleId().orElseThrow()).containsExactly(a.id());
        assertThat(second.nextCursor()).isEmpty();
        assertThat(audit.ofEditor("sub-bo", 10, Optional.empty()).items()).hasSize(1);
        assertThatThrownBy(() -> audit.ofEditor("sub-bo", 2, first.nextCursor()))
                .isInstanceOf(InvalidCursorException.class);
    }

    @Test
    void auditLog_shouldRefuseASecondPutOfTheSameEntry_asItIsAppendOnly() {
        // GIVEN an erasure's entry in the log, put as the log puts every entry
        Put put = AuditItem.newPut(table, AuditEntry.ofErasure(Instant.parse("2020-01-01T10:00:00Z"), "sub-mod",
                "Moderatorn", 3));
        client.putItem(r -> r.tableName(table).item(put.item()).conditionExpression(put.conditionExpression()));

        // WHEN its key is put again, with a count of none
        Map<String, AttributeValue> forged = new HashMap<>(put.item());
        forged.put("count", AttributeValue.fromN("0"));

        // THEN refused, and the entry unchanged
        assertThatThrownBy(() -> client.putItem(r -> r.tableName(table).item(forged)
                .conditionExpression(put.conditionExpression()))).isInstanceOf(ConditionalCheckFailedException.class);
        assertThat(Tables.items(client, table)).singleElement()
                .satisfies(i -> assertThat(i.get("count").n()).isEqualTo("3"));
    }

    /** The next version of {@code a}, with a new title and a body naming it. */
    private static Article next(Article a, String title) {
        return a.toBuilder().title(title).body("Brödtext för " + title + " – å, ä, ö.").status(ArticleStatus.DRAFT)
                .version(a.version() + 1).build();
    }
}
