package se.newsroom.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import se.newsroom.content.ArticleIds;
import se.newsroom.content.Comment;
import se.newsroom.content.CommentStatus;
import se.newsroom.content.CommentStore.Hashes;
import se.newsroom.content.CommentStore.Limits;
import se.newsroom.emulators.TemplateTable;
import se.newsroom.json.Json;
import se.newsroom.table.DynamoDbArticleStore;
import se.newsroom.table.DynamoDbCommentStore;
import se.newsroom.testing.Articles;
import se.newsroom.testing.DynamoDbLocal;
import se.newsroom.testing.Tables;

/**
 * Replays every file in {@code events/notify/} (the ones {@code sam local invoke -e} takes) through the two
 * functions' Lambda entry points, the digest against DynamoDB Local.
 */
class EventsReplayIT {
    private static final Path EVENTS = TemplateTable.templatePath().getParent().resolve("events/notify");
    private static final String SITE = "https://www.bastad.se";

    @Test
    void everyFileInEventsNotify_shouldBeReplayedHere() throws IOException {
        try (Stream<Path> files = Files.list(EVENTS)) {
            assertThat(files.map(f -> f.getFileName().toString()).sorted())
                    .containsExactly("digest-schedule.json", "draft-edited.json", "review-submitted.json");
        }
    }

    @Test
    void digestSchedule_shouldTellOfAWaitingCommentOnce() throws IOException {
        DynamoDbClient dynamoDb = DynamoDbLocal.client();
        String table = Tables.fresh(dynamoDb);
        var article = new DynamoDbArticleStore(dynamoDb, table).create(Articles.published(
                Articles.draft("Öppet hus på Individ och familj – välkommen"), Articles.T0), false, Articles.SAVE);
        Clock later = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(2));
        Instant posted = later.instant().minus(Duration.ofMinutes(3));
        new DynamoDbCommentStore(dynamoDb, table).post(new Comment(ArticleIds.generator().get(), article.id(),
                        Optional.empty(), "Läsare", "Tack – äntligen!", CommentStatus.PENDING, posted, 1),
                new Hashes("e", "c", "d"), new Limits(0, 100), posted);
        RecordingNotifier notifier = new RecordingNotifier();
        CommentDigestFunction function = new CommentDigestFunction(NotifyWiring.digest(table, SITE, dynamoDb,
                notifier, later, line -> { }));
        Map<String, Object> event = Json.MAPPER.readValue(EVENTS.resolve("digest-schedule.json").toFile(),
                new TypeReference<>() { });

        Map<String, Object> first = function.handleRequest(event, null);
        Map<String, Object> second = function.handleRequest(event, null);

        assertThat(first).containsEntry("sent", true)
                .containsEntry("subject", "1 ny kommentar väntar på granskning");
        assertThat(second).isEqualTo(Map.of("sent", false));
        assertThat(notifier.sent()).singleElement().extracting(Notice::text).asString()
                .contains("Öppet hus på Individ och familj – välkommen: 1", "väntat i 3 minuter");
    }

    @Test
    void reviewSubmitted_shouldBeOneNoticeToThePublishers() throws IOException {
        RecordingNotifier notifier = new RecordingNotifier();

        JsonNode answer = replay("review-submitted.json", notifier);

        assertThat(answer.path("batchItemFailures")).isEmpty();
        assertThat(notifier.sent()).singleElement().satisfies(n -> {
            assertThat(n.subject()).isEqualTo("Att granska: Öppet hus på Individ och familj – utkast");
            assertThat(n.text()).contains("Skribent: Anna Åström", "Skickad till granskning av: Anna Åström",
                    SITE + "/redaktion/#/artiklar/01KAZ3M7Q9R2S4T6V8W0X1Y3Z5");
        });
    }

    @Test
    void draftEdited_shouldTellNobody() throws IOException {
        RecordingNotifier notifier = new RecordingNotifier();

        JsonNode answer = replay("draft-edited.json", notifier);

        assertThat(answer.path("batchItemFailures")).isEmpty();
        assertThat(notifier.sent()).isEmpty();
    }

    private static JsonNode replay(String file, Notifier notifier) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = Files.newInputStream(EVENTS.resolve(file))) {
            NotifyWiring.reviewNotify(SITE, notifier, line -> { }).handleRequest(in, out, null);
        }
        return Json.MAPPER.readTree(out.toByteArray());
    }
}
