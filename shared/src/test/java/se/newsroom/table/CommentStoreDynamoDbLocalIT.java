package se.newsroom.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Predicate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

import se.newsroom.content.ArticleIds;
import se.newsroom.content.AuditAction;
import se.newsroom.content.AuditEntry;
import se.newsroom.content.Comment;
import se.newsroom.content.CommentStatus;
import se.newsroom.content.CommentStore.Hashes;
import se.newsroom.content.CommentStore.Limits;
import se.newsroom.error.ConflictException;
import se.newsroom.error.NotFoundException;
import se.newsroom.error.TooManyRequestsException;
import se.newsroom.testing.Articles;
import se.newsroom.testing.CapacityMeter;
import se.newsroom.testing.DynamoDbLocal;
import se.newsroom.testing.Tables;

/** The comment store's guarantees on DynamoDB Local: cost per post, no duplicates, limits, erasure, crashes. */
class CommentStoreDynamoDbLocalIT {
    private static final Limits LIMITS = new Limits(15, 20);
    private static final Instant T0 = Instant.parse("2019-12-05T08:00:10Z");
    private static final String ARTICLE = ArticleIds.generator().get();

    private DynamoDbClient dynamoDb;
    private String table;
    private DynamoDbCommentStore store;

    @BeforeEach
    void freshTable() {
        dynamoDb = DynamoDbLocal.client();
        table = Tables.fresh(dynamoDb);
        store = new DynamoDbCommentStore(dynamoDb, table);
    }

    @Test
    void post_shouldCostAtMostFourWriteUnits_withItsQueueEntry() {
        CapacityMeter meter = new CapacityMeter(dynamoDb);
        DynamoDbCommentStore metered = new DynamoDbCommentStore(meter.client(), table);
        metered.post(comment("Bra att det utreds – äntligen."), hashes("karin", "10.0.0.1", "a"), LIMITS, T0);
        meter.reset();

        metered.post(comment("Hur följer vi arbetet?"), hashes("bo", "10.0.0.2", "b"), LIMITS, T0);

        System.out.printf("Write units per comment: %.1f (%d writes, %d refused, %d calls)%n", meter.writeUnits(),
                meter.writeCalls(), meter.refusedWrites(), meter.calls());
        assertThat(meter.writeUnits() + meter.refusedWrites()).isLessThanOrEqualTo(4.0);
    }

    @Test
    void theSameTextFromTheSameAddress_shouldBeStoredOnce_andTheRefusalNotCountAgainstTheClient() {
        store.post(comment("Samma text"), hashes("karin", "10.0.0.3", "x"), LIMITS, T0);

        assertThatThrownBy(() -> store.post(comment("Samma text"), hashes("karin", "10.0.0.4", "x"), LIMITS,
                T0.plusSeconds(20))).isInstanceOf(ConflictException.class);
        // The refused post was given back: the client's next one, a second later, is no flood.
        store.post(comment("Annan text"), hashes("karin", "10.0.0.4", "y"), LIMITS, T0.plusSeconds(21));

        assertThat(comments()).hasSize(2);
    }

    @Test
    void aPostRefusedByTheCallersChecks_shouldLeaveNothingBehind_andCountForNothing() {
        assertThatThrownBy(() -> store.post(comment("Till en borttagen nyhet"), hashes("k", "10.0.0.9", "b"), LIMITS,
                T0, () -> {
                    throw new NotFoundException("Nyheten finns inte eller är inte publicerad.");
                })).isInstanceOf(NotFoundException.class);

        assertThat(Tables.keys(dynamoDb, table)).isEmpty();
        store.post(comment("Till en borttagen nyhet"), hashes("k", "10.0.0.9", "b"), LIMITS, T0.plusSeconds(1));
        assertThat(comments()).hasSize(1);
    }

    @Test
    void oneCounter_shouldHoldTheFloodIntervalAndTheHourlyLimit_acrossTheHour() {
        store.post(comment("Ett"), hashes("a", "10.0.0.5", "1"), LIMITS, T0);
        assertThatThrownBy(() -> store.post(comment("Två"), hashes("a", "10.0.0.5", "2"), LIMITS, T0.plusSeconds(5)))
                .isInstanceOf(TooManyRequestsException.class);
        for (int i = 1; i < 20; i++) {
            store.post(comment("Nr " + i), hashes("a", "10.0.0.5", "n" + i), LIMITS, T0.plusSeconds(16L * i));
        }
        assertThatThrownBy(() -> store.post(comment("21"), hashes("a", "10.0.0.5", "21"), LIMITS,
                T0.plusSeconds(16L * 20))).isInstanceOf(TooManyRequestsException.class)
                .satisfies(e -> assertThat(((TooManyRequestsException) e).retryAfterSeconds())
                        .isEqualTo(3600 - 10 - 16 * 20));
        // Next clock hour: counted afresh.
        store.post(comment("Ny timme"), hashes("a", "10.0.0.5", "h"), LIMITS, Instant.parse("2019-12-05T09:00:00Z"));

        assertThat(comments()).hasSize(21);
        assertThat(Tables.keys(dynamoDb, table)).filteredOn(k -> k.startsWith("RATE#")).hasSize(1);
    }

    @Test
    void aStaleDuplicateCheckLeftByACrash_shouldNotBlockTheReader_andEveryCommentBeErasable() {
        DynamoDbClient crashing = failingOnce(dynamoDb, r -> "comment".equals(r.item().get("type").s()));
        DynamoDbCommentStore crashed = new DynamoDbCommentStore(crashing, table);
        assertThatThrownBy(() -> crashed.post(comment("Efter kraschen"), hashes("karin", "10.0.0.6", "k"), LIMITS,
                T0)).isInstanceOf(SdkClientException.class);
        assertThat(comments()).isEmpty();

        Comment stored = store.post(comment("Efter kraschen"), hashes("karin", "10.0.0.7", "k"), LIMITS,
                T0.plusSeconds(30));

        assertThat(comments()).singleElement().satisfies(c -> assertThat(c.get("id").s()).isEqualTo(stored.id()));
        assertThat(store.eraseByEmail("email-karin", T0, "test-moderator", "Moderatorn")).isEqualTo(1);
        assertThat(Tables.keys(dynamoDb, table)).noneMatch(k -> k.startsWith("EMAIL#") || k.contains("C#"));
    }

    @Test
    void aCrashBeforeTheComment_shouldLeaveNothingThatErasureMisses() {
        DynamoDbCommentStore crashed = new DynamoDbCommentStore(
                failingOnce(dynamoDb, r -> "comment".equals(r.item().get("type").s())), table);
        assertThatThrownBy(() -> crashed.post(comment("Halv"), hashes("eva", "10.0.0.8", "h"), LIMITS, T0))
                .isInstanceOf(SdkClientException.class);

        assertThat(store.eraseByEmail("email-eva", T0, "test-moderator", "Moderatorn")).isZero();
        assertThat(Tables.keys(dynamoDb, table)).noneMatch(k -> k.startsWith("EMAIL#"));
    }

    @Test
    void eraseByEmail_shouldRecordOneAuditEntryWithTheCount_andNothingOfTheAddress() {
        // GIVEN two comments from one address
        store.post(comment("Första"), hashes("karin", "10.4.0.1", "f"), LIMITS, T0);
        store.post(comment("Andra"), hashes("karin", "10.4.0.2", "a"), LIMITS, T0.plusSeconds(20));

        // WHEN
        int erased = store.eraseByEmail("email-karin", T0.plusSeconds(60), "sub-mod", "Moderatorn");

        // THEN one entry in the erasures' partition: who, when, how many; not the address's hash
        assertThat(erased).isEqualTo(2);
        List<Map<String, AttributeValue>> audit = Tables.items(dynamoDb, table).stream()
                .filter(i -> i.get("PK").s().startsWith("AUDIT#")).toList();
        assertThat(audit).singleElement().satisfies(entry -> {
            assertThat(entry.get("PK").s()).isEqualTo("AUDIT#ERASURES");
            assertThat(entry.get("action").s()).isEqualTo("erase");
            assertThat(entry.get("editor").s()).isEqualTo("sub-mod");
            assertThat(entry.get("count").n()).isEqualTo("2");
            assertThat(entry.toString()).doesNotContain("karin").doesNotContain("email-");
        });
        assertThat(new DynamoDbAuditLog(dynamoDb, table).ofEditor("sub-mod", 10, Optional.empty()).items())
                .singleElement().satisfies(e -> assertThat(e.count()).contains(2));
    }

    @Test
    void moderateAndDelete_shouldEachWriteTheirAuditEntryWithTheChange() {
        // GIVEN
        Comment first = comment("Godkänns");
        Comment second = comment("Tas bort");
        store.post(first, hashes("m1", "10.5.0.1", "m1"), LIMITS, T0);
        store.post(second, hashes("m2", "10.5.0.2", "m2"), LIMITS, T0);

        // WHEN
        store.moderate(ARTICLE, first.id(), CommentStatus.APPROVED, AuditEntry.ofComment(T0.plusSeconds(1),
                AuditAction.APPROVE, "sub-mod", "Moderatorn", ARTICLE, first.id()));
        store.delete(ARTICLE, second.id(), AuditEntry.ofComment(T0.plusSeconds(2), AuditAction.DELETE_COMMENT,
                "sub-mod", "Moderatorn", ARTICLE, second.id()));

        // THEN the article's log holds both, newest first; a comment that is not there changes nothing, logs nothing
        assertThatThrownBy(() -> store.moderate(ARTICLE, second.id(), CommentStatus.APPROVED,
                AuditEntry.ofComment(T0.plusSeconds(3), AuditAction.APPROVE, "sub-mod", "Moderatorn", ARTICLE,
                        second.id()))).isInstanceOf(NotFoundException.class);
        assertThat(new DynamoDbAuditLog(dynamoDb, table).ofArticle(ARTICLE, 10, Optional.empty()).items())
                .extracting(AuditEntry::action, e -> e.commentId().orElseThrow())
                .containsExactly(tuple(AuditAction.DELETE_COMMENT, second.id()),
                        tuple(AuditAction.APPROVE, first.id()));
    }

    @Test
    void deleteAllOf_shouldEraseEveryCommentOfTheArticle_withTheirMarkers_inPages() {
        String other = ArticleIds.generator().get();
        for (int i = 0; i < 60; i++) {
            Comment c = comment("Kommentar " + i);
            store.post(c, hashes("r" + i, "10.1.0." + i, "t" + i), LIMITS, T0);
            if (i % 3 == 0) {
                store.moderate(ARTICLE, c.id(), CommentStatus.APPROVED,
                        Articles.moderated(ARTICLE, c.id(), CommentStatus.APPROVED));
            }
        }
        store.post(new Comment(ArticleIds.generator().get(), other, Optional.empty(), "Kvar", "Kvar",
                CommentStatus.PENDING, T0, 1), hashes("kvar", "10.2.0.1", "kvar"), LIMITS, T0);

        assertThat(store.deleteAllOf(ARTICLE)).isEqualTo(60);

        assertThat(comments()).singleElement().satisfies(c -> assertThat(c.get("articleId").s()).isEqualTo(other));
        assertThat(Tables.keys(dynamoDb, table)).filteredOn(k -> k.startsWith("EMAIL#")).hasSize(1);
        assertThat(store.pending(100, Optional.empty()).items()).extracting(Comment::articleId).containsOnly(other);
        assertThat(store.deleteAllOf(ARTICLE)).isZero();
    }

    @Test
    void approvedComments_shouldReadOnlyTheApprovedOnes() {
        Comment approved = comment("Godkänd");
        store.post(approved, hashes("g", "10.3.0.1", "g"), LIMITS, T0);
        store.moderate(ARTICLE, approved.id(), CommentStatus.APPROVED,
                Articles.moderated(ARTICLE, approved.id(), CommentStatus.APPROVED));
        for (int i = 0; i < 30; i++) {
            Comment c = comment("Väntar " + i);
            store.post(c, hashes("v" + i, "10.3.1." + i, "v" + i), LIMITS, T0);
            if (i % 10 == 0) {
                CommentStatus status = i == 0 ? CommentStatus.SPAM : CommentStatus.REJECTED;
                store.moderate(ARTICLE, c.id(), status, Articles.moderated(ARTICLE, c.id(), status));
            }
        }
        CapacityMeter meter = new CapacityMeter(dynamoDb);
        DynamoDbSiteReads reads = new DynamoDbSiteReads(meter.client(), table);

        assertThat(reads.approvedComments(ARTICLE)).extracting(Comment::id).containsExactly(approved.id());
        assertThat(meter.itemsRead()).isEqualTo(1);
        assertThat(reads.everything().approvedComments().get(ARTICLE)).extracting(Comment::id)
                .containsExactly(approved.id());

        store.moderate(ARTICLE, approved.id(), CommentStatus.PENDING,
                Articles.moderated(ARTICLE, approved.id(), CommentStatus.PENDING));
        assertThat(reads.approvedComments(ARTICLE)).isEmpty();
    }

    private static Comment comment(String body) {
        return new Comment(ArticleIds.generator().get(), ARTICLE, Optional.empty(), "Läsare", body,
                CommentStatus.PENDING, T0, 1);
    }

    private static Hashes hashes(String email, String client, String text) {
        return new Hashes("email-" + email, "client-" + client, "text-" + text);
    }

    private List<Map<String, AttributeValue>> comments() {
        return Tables.items(dynamoDb, table).stream()
                .filter(i -> i.containsKey("type") && "comment".equals(i.get("type").s())).toList();
    }

    /** A client whose first put matching {@code which} fails as a lost connection would, before it is sent. */
    static DynamoDbClient failingOnce(DynamoDbClient delegate, Predicate<PutItemRequest> which) {
        AtomicBoolean failed = new AtomicBoolean();
        return (DynamoDbClient) Proxy.newProxyInstance(DynamoDbClient.class.getClassLoader(),
                new Class<?>[] {DynamoDbClient.class}, (proxy, method, args) -> {
                    if (method.isDefault() && args != null && args.length == 1
                            && (args[0] instanceof Consumer || method.getName().endsWith("Paginator"))) {
                        return InvocationHandler.invokeDefault(proxy, method, args);
                    }
                    if (args != null && args.length == 1 && args[0] instanceof PutItemRequest r && which.test(r)
                            && failed.compareAndSet(false, true)) {
                        throw SdkClientException.create("Connection reset (injected)");
                    }
                    try {
                        return method.invoke(delegate, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
