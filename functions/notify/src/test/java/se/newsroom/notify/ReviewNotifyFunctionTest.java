package se.newsroom.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.StreamRecord;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

import se.newsroom.content.Article;
import se.newsroom.content.Comment;
import se.newsroom.content.CommentStatus;
import se.newsroom.json.Json;
import se.newsroom.render.stream.StreamJson;
import se.newsroom.table.StreamImages;
import se.newsroom.testing.Articles;

/**
 * The publishers' notices from stream events built as render's stream tests and the local runner build them (the
 * table's own item images, {@link StreamJson}). The status {@code review} is set on the image directly: the same
 * attribute ArticleStatus.REVIEW writes.
 */
class ReviewNotifyFunctionTest {
    private static final String SITE = "https://www.bastad.se";
    private final Article draft = Articles.draft("Öppet hus på Individ och familj – välkommen");
    private final RecordingNotifier notifier = new RecordingNotifier();
    private final List<String> log = new ArrayList<>();
    private long sequence;

    @Test
    void aDraftSubmittedForReview_shouldBeOneNoticeToThePublishers_withTheDesksLink() throws IOException {
        JsonNode answer = invoke(function(notifier), modify(image(draft, "draft"), image(draft, "review")));

        assertThat(notifier.sent()).singleElement().satisfies(n -> {
            assertThat(n.subject()).isEqualTo("Att granska: Öppet hus på Individ och familj – välkommen");
            assertThat(n.text()).contains("Skribent: Redaktionen",
                    SITE + "/redaktion/#/artiklar/" + draft.id());
        });
        assertThat(answer.path("batchItemFailures")).isEmpty();
    }

    @Test
    void aFirstSaveStraightToReview_shouldBeANoticeToo() throws IOException {
        invoke(function(notifier), insert(image(draft, "review")));

        assertThat(notifier.sent()).hasSize(1);
    }

    @Test
    void theSaversName_shouldBeInTheNotice_whenTheImageCarriesIt() throws IOException {
        Map<String, AttributeValue> review = image(draft, "review");
        review.put("savedByName", AttributeValue.fromS("Örjan Ek"));

        invoke(function(notifier), modify(image(draft, "draft"), review));

        assertThat(notifier.sent()).singleElement().extracting(Notice::text).asString()
                .contains("Skickad till granskning av: Örjan Ek");
    }

    @Test
    void aDraftsEdit_anEditInReview_aPublishAndAComment_shouldTellNobody() throws IOException {
        Comment comment = new Comment("01KB0000000000000000000001", draft.id(), Optional.empty(), "Karin", "Hej",
                CommentStatus.PENDING, Instant.parse("2019-12-04T10:00:00Z"), 1);
        Record commentRecord = record(OperationType.INSERT, StreamImages.commentKeys(draft.id(), comment.id()),
                Map.of(), StreamImages.comment(comment));

        JsonNode answer = invoke(function(notifier), modify(image(draft, "draft"), image(draft, "draft")),
                modify(image(draft, "review"), image(draft, "review")),
                modify(image(draft, "review"), image(Articles.published(draft, Articles.T0), "published")),
                commentRecord);

        assertThat(notifier.sent()).isEmpty();
        assertThat(answer.path("batchItemFailures")).isEmpty();
    }

    @Test
    void aNoticeThatCannotBeSent_shouldFailItsRecordAndTheRest_soTheMappingRetriesFromIt() throws IOException {
        Article other = Articles.draft("Andra nyheten");
        Notifier refusing = n -> {
            if (n.subject().contains("Andra")) {
                throw new IllegalStateException("SNS refused the notice (500 InternalError)");
            }
            notifier.send(n);
        };

        JsonNode answer = invoke(function(refusing), modify(image(draft, "draft"), image(draft, "review")),
                modify(image(other, "draft"), image(other, "review")),
                modify(image(draft, "review"), image(draft, "review")));

        assertThat(notifier.sent()).hasSize(1);
        assertThat(answer.path("batchItemFailures").findValuesAsText("itemIdentifier")).containsExactly("2", "3");
        assertThat(log).anyMatch(l -> l.contains("InternalError"));
    }

    private ReviewNotifyFunction function(Notifier n) {
        return NotifyWiring.reviewNotify(SITE, n, log::add);
    }

    private static JsonNode invoke(ReviewNotifyFunction function, Record... records) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        function.handleRequest(new ByteArrayInputStream(Json.MAPPER.writeValueAsBytes(
                StreamJson.event(List.of(records), "arn:aws:dynamodb:local:000000000000:table/t/stream/x"))), out,
                null);
        return Json.MAPPER.readTree(out.toByteArray());
    }

    /** The article's item as the stream's image holds it, with {@code status} as given. */
    private static Map<String, AttributeValue> image(Article a, String status) {
        Map<String, AttributeValue> image = new HashMap<>(StreamImages.article(a));
        image.put("status", AttributeValue.fromS(status));
        return image;
    }

    private Record modify(Map<String, AttributeValue> oldImage, Map<String, AttributeValue> newImage) {
        return record(OperationType.MODIFY, StreamImages.articleKeys(draft.id()), oldImage, newImage);
    }

    private Record insert(Map<String, AttributeValue> newImage) {
        return record(OperationType.INSERT, StreamImages.articleKeys(draft.id()), Map.of(), newImage);
    }

    private Record record(OperationType type, Map<String, AttributeValue> keys, Map<String, AttributeValue> oldImage,
                          Map<String, AttributeValue> newImage) {
        sequence++;
        StreamRecord.Builder ddb = StreamRecord.builder().sequenceNumber(Long.toString(sequence)).keys(keys)
                .streamViewType(StreamViewType.NEW_AND_OLD_IMAGES);
        if (!oldImage.isEmpty()) {
            ddb.oldImage(oldImage);
        }
        if (!newImage.isEmpty()) {
            ddb.newImage(newImage);
        }
        return Record.builder().eventID("e" + sequence).eventName(type).dynamodb(ddb.build()).build();
    }
}
