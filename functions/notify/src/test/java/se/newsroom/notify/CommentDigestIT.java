package se.newsroom.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import se.newsroom.content.Article;
import se.newsroom.content.ArticleIds;
import se.newsroom.content.Comment;
import se.newsroom.content.CommentDigestStore;
import se.newsroom.content.CommentStatus;
import se.newsroom.content.CommentStore.Hashes;
import se.newsroom.content.CommentStore.Limits;
import se.newsroom.table.DynamoDbArticleStore;
import se.newsroom.table.DynamoDbCommentDigestStore;
import se.newsroom.table.DynamoDbCommentStore;
import se.newsroom.testing.Articles;
import se.newsroom.testing.CapacityMeter;
import se.newsroom.testing.DynamoDbLocal;
import se.newsroom.testing.Tables;

/** The moderators' digest against DynamoDB Local, with comments posted and moderated through the comment store. */
class CommentDigestIT {
    private static final Limits NO_LIMITS = new Limits(0, 1000);
    private static final String SITE = "https://www.bastad.se";
    private static final String EMAIL = "karin.andersson@example.se";

    private DynamoDbClient dynamoDb;
    private String table;
    private DynamoDbCommentStore comments;
    private RecordingNotifier notifier;
    /** Two minutes ahead of the real clock, which the comment ids are made from: every posted comment has settled. */
    private Clock later;
    private Article kommunen;
    private Article politik;
    private int client;

    @BeforeEach
    void articlesOnAFreshTable() {
        dynamoDb = DynamoDbLocal.client();
        table = Tables.fresh(dynamoDb);
        comments = new DynamoDbCommentStore(dynamoDb, table);
        notifier = new RecordingNotifier();
        later = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(2));
        DynamoDbArticleStore articles = new DynamoDbArticleStore(dynamoDb, table);
        kommunen = articles.create(Articles.published(Articles.draft("Öppet hus på Individ och familj – välkommen"),
                Articles.T0), false, Articles.SAVE);
        politik = articles.create(Articles.published(Articles.draft("Politiska styrningen utreds"), Articles.T0),
                false, Articles.SAVE);
    }

    @Test
    void pendingCommentsOnTwoArticles_shouldMakeOneDigestNamingBoth_withTheirCounts_andNoApprovedOnes() {
        // GIVEN two pending comments on one article, one on another, and one approved
        post(kommunen, "Bra initiativ – äntligen!", 14);
        post(kommunen, "När börjar det?", 3);
        post(politik, "Vem utreder?", 7);
        Comment approved = post(politik, "Redan godkänd", 2);
        comments.moderate(politik.id(), approved.id(), CommentStatus.APPROVED,
                Articles.moderated(politik.id(), approved.id(), CommentStatus.APPROVED));

        // WHEN
        Optional<Notice> notice = digest(later).run();

        // THEN one notice, with each article's title and count and the oldest's wait, and no trace of the writers
        assertThat(notifier.sent()).hasSize(1).containsExactly(notice.orElseThrow());
        assertThat(notice.get().subject()).isEqualTo("3 nya kommentarer väntar på granskning");
        assertThat(notice.get().text())
                .contains("  • Öppet hus på Individ och familj – välkommen: 2\n  • Politiska styrningen utreds: 1\n")
                .contains("Den äldsta av dem har väntat i 14 minuter.")
                .contains(SITE + "/redaktion/#/kommentarer")
                .doesNotContain(EMAIL, sha256(EMAIL), "Karin", "Bra initiativ", "@");
    }

    @Test
    void aRunWithNothingNew_shouldSendNothing_andTheNextCommentBeToldAlone() {
        post(kommunen, "Första", 5);
        post(politik, "Andra", 4);
        CommentDigest digest = digest(later);
        assertThat(digest.run()).isPresent();

        assertThat(digest.run()).as("nothing new since the last digest").isEmpty();
        post(politik, "Tredje", 1);
        Optional<Notice> next = digest(Clock.offset(later, Duration.ofMinutes(5))).run();

        assertThat(notifier.sent()).hasSize(2);
        assertThat(next.orElseThrow().subject()).isEqualTo("1 ny kommentar väntar på granskning");
        assertThat(next.get().text()).contains("Politiska styrningen utreds: 1").doesNotContain("Öppet hus");
    }

    @Test
    void aCommentStillSettling_shouldBeLeftForTheNextRun_notSkipped() {
        post(kommunen, "Just nu", 0);

        assertThat(digest(Clock.systemUTC()).run()).as("its id is younger than the settling time").isEmpty();
        assertThat(digest(later).run()).isPresent();
        assertThat(notifier.sent()).singleElement().extracting(Notice::subject)
                .isEqualTo("1 ny kommentar väntar på granskning");
    }

    @Test
    void twoOverlappingRuns_shouldSendTheSameCommentsOnce() throws Exception {
        post(kommunen, "En", 3);
        post(politik, "Två", 2);
        // Both runs read the watermark before either moves it: the worst overlap there is.
        CyclicBarrier bothHaveRead = new CyclicBarrier(2);
        CommentDigestStore racing = new RacingStore(new DynamoDbCommentDigestStore(dynamoDb, table), bothHaveRead);
        List<Future<Optional<Notice>>> runs = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            for (int i = 0; i < 2; i++) {
                runs.add(pool.submit(() -> new CommentDigest(racing, new DynamoDbArticleStore(dynamoDb, table),
                        notifier, new DigestText(SITE), later, line -> { }).run()));
            }
        }

        assertThat(notifier.sent()).hasSize(1);
        assertThat(runs.get(0).get().isPresent() ^ runs.get(1).get().isPresent()).isTrue();
    }

    @Test
    void aNoticeThatCannotBeSent_shouldGiveTheWatermarkBack_soTheNextRunTellsOfTheSameComments() {
        post(kommunen, "En", 3);
        List<String> log = new ArrayList<>();
        CommentDigest failing = new CommentDigest(new DynamoDbCommentDigestStore(dynamoDb, table),
                new DynamoDbArticleStore(dynamoDb, table), n -> {
                    throw new IllegalStateException("SNS refused the notice (500 InternalError)");
                }, new DigestText(SITE), later, log::add);

        assertThatThrownBy(failing::run).hasMessageContaining("InternalError");
        Optional<Notice> retried = digest(later).run();

        assertThat(retried.orElseThrow().subject()).isEqualTo("1 ny kommentar väntar på granskning");
        assertThat(log).as("given back cleanly, nothing to report").isEmpty();
    }

    @Test
    void aDigest_shouldCostFourCallsAndOneWriteUnit_andARunWithNothingNewTwoReadsAndNoWrite() {
        post(kommunen, "En", 3);
        post(politik, "Två", 2);
        CapacityMeter meter = new CapacityMeter(dynamoDb);
        CommentDigest metered = NotifyWiring.digest(table, SITE, meter.client(), notifier, later, line -> { });

        metered.run();
        int digestCalls = meter.calls();
        double digestUnits = meter.writeUnits();
        meter.reset();
        metered.run();

        System.out.printf("Comment digest: %d calls, %.1f write units for a digest of 2; %d calls, %d writes for a "
                + "run with nothing new%n", digestCalls, digestUnits, meter.calls(), meter.writeCalls());
        // the watermark, the queue, the titles, the watermark's move
        assertThat(digestCalls).isEqualTo(4);
        assertThat(digestUnits).isEqualTo(1.0);
        assertThat(meter.calls()).isEqualTo(2);
        assertThat(meter.writeCalls()).isZero();
    }

    @Test
    void priming_shouldSendNothing_andLeaveTheCommentsForTheFirstRun() {
        post(kommunen, "En", 3);
        CommentDigest digest = digest(later);

        digest.prime();

        assertThat(notifier.sent()).isEmpty();
        assertThat(digest.run()).isPresent();
    }

    private CommentDigest digest(Clock clock) {
        return NotifyWiring.digest(table, SITE, dynamoDb, notifier, clock, line -> { });
    }

    /** A reader's pending comment, written {@code minutesAgo} before the digest's clock, by the same address. */
    private Comment post(Article article, String body, int minutesAgo) {
        Instant at = later.instant().minus(Duration.ofMinutes(minutesAgo));
        Comment c = new Comment(ArticleIds.generator().get(), article.id(), Optional.empty(), "Karin", body,
                CommentStatus.PENDING, at, 1);
        client++;
        return comments.post(c, new Hashes(sha256(EMAIL), sha256("10.0.0." + client), sha256(article.id() + body)),
                NO_LIMITS, at);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The store, with each run waiting after its read of the watermark until the other has read it too. */
    private record RacingStore(CommentDigestStore store, CyclicBarrier barrier) implements CommentDigestStore {
        @Override
        public Watermark watermark() {
            Watermark read = store.watermark();
            try {
                barrier.await();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return read;
        }

        @Override
        public List<Waiting> waiting(Watermark after, String upTo) {
            return store.waiting(after, upTo);
        }

        @Override
        public boolean advance(Watermark from, String to, Instant at) {
            return store.advance(from, to, at);
        }

        @Override
        public boolean giveBack(String to, Watermark from, Instant at) {
            return store.giveBack(to, from, at);
        }
    }
}
