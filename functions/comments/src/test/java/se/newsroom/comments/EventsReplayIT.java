package se.newsroom.comments;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import se.newsroom.content.Article;
import se.newsroom.content.ArticleIds;
import se.newsroom.content.ArticleStatus;
import se.newsroom.content.Hasher;
import se.newsroom.emulators.TemplateTable;
import se.newsroom.json.Json;
import se.newsroom.table.DynamoDbArticleStore;
import se.newsroom.table.DynamoDbCommentStore;
import se.newsroom.testing.Articles;
import se.newsroom.testing.DynamoDbLocal;
import se.newsroom.testing.LambdaCalls;
import se.newsroom.testing.Tables;

/**
 * Replays every file in {@code events/comments/} through CommentsFunction's Lambda entry point as JSON, in the order
 * a reader and an editor would send them, against DynamoDB Local; each event read as the Lambda runtime's own
 * serializer reads it, each response read back by that serializer.
 */
class EventsReplayIT {
    static final String ARTICLE = "01DW2J6R8T4P3E5F7G9H0K1M2N";
    private static final Path EVENTS = TemplateTable.templatePath().getParent().resolve("events/comments");
    private static final Map<String, Expectation> EXPECTED = new LinkedHashMap<>();

    static {
        expect("post-json.json", 202, r -> assertThat(body(r).path("id").asText())
                .isEqualTo("01DX0000000000000000000001"));
        expect("post-form.json", 303, r -> assertThat(r.path("headers").path("Location").asText())
                .isEqualTo("/nyheter/politiska-styrningen-av-individ-och-familj-utreds/#tack"));
        expect("queue.json", 200, r -> {
            assertThat(body(r).path("items").findValuesAsText("articleId")).hasSize(2);
            assertThat(body(r).path("items").get(0).path("id").asText()).isEqualTo("01DX0000000000000000000001");
            assertThat(body(r).path("items").get(1).path("id").asText()).isEqualTo("01DX0000000000000000000002");
            assertThat(body(r).path("items").get(0).path("article").path("url").asText())
                    .isEqualTo("/nyheter/politiska-styrningen-av-individ-och-familj-utreds/");
        });
        expect("approve.json", 200, r -> assertThat(body(r).path("status").asText()).isEqualTo("approved"));
        expect("post-reply.json", 202, r -> assertThat(body(r).path("status").asText()).isEqualTo("pending"));
        // Issue 17, part E: the newsroom's own reply, approved at once and marked, signed with the token's name
        expect("staff-reply.json", 201, r -> {
            assertThat(body(r).path("staff").asBoolean()).isTrue();
            assertThat(body(r).path("status").asText()).isEqualTo("approved");
            assertThat(body(r).path("author").asText()).isEqualTo("Anna Sjöberg");
        });
        expect("reject.json", 200, r -> assertThat(body(r).path("status").asText()).isEqualTo("rejected"));
        expect("mark-spam.json", 200, r -> assertThat(body(r).path("status").asText()).isEqualTo("spam"));
        expect("post-honeypot.json", 303, r -> assertThat(r.path("headers").path("Location").asText())
                .endsWith("#tack"));
        expect("bad-post-duplicate.json", 409, r -> assertThat(body(r).path("errors").findValuesAsText("field"))
                .containsExactly("body"));
        expect("bad-post-flood.json", 429, r -> assertThat(r.path("headers").path("Retry-After").asText())
                .isEqualTo("15"));
        expect("bad-post-missing-fields.json", 422, r -> assertThat(body(r).path("errors").findValuesAsText("field"))
                .containsExactly("author", "email", "body"));
        expect("bad-post-invalid-email.json", 422, r -> assertThat(body(r).path("errors").findValuesAsText("field"))
                .containsExactly("email"));
        expect("bad-post-form-errors.json", 422, r -> assertThat(r.path("body").asText())
                .contains("Kommentaren kunde inte skickas", "<strong>Namn:</strong>"));
        expect("bad-post-unknown-article.json", 404, r -> assertThat(body(r).path("status").asInt()).isEqualTo(404));
        expect("bad-post-content-type.json", 415, r -> assertThat(body(r).path("status").asInt()).isEqualTo(415));
        expect("bad-post-malformed-json.json", 400, r -> assertThat(body(r).path("detail").asText())
                .contains("not valid JSON"));
        expect("bad-post-direct.json", 403, r -> assertThat(body(r).path("detail").asText())
                .isEqualTo("Kommentarer skickas via webbplatsen."));
        expect("bad-moderate-unknown.json", 404, r -> assertThat(body(r).path("status").asInt()).isEqualTo(404));
        expect("bad-queue-not-editor.json", 403, r -> assertThat(body(r).path("status").asInt()).isEqualTo(403));
        expect("delete.json", 204, r -> assertThat(r.path("body").isMissingNode() || r.path("body").isNull()).isTrue());
        expect("erase-commenter.json", 200, r -> assertThat(body(r).path("erased").asInt()).isEqualTo(2));
    }

    @Test
    void everyEventFileHasAnExpectation_andEveryExpectationAFile() throws IOException {
        try (Stream<Path> files = Files.list(EVENTS)) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .containsExactlyInAnyOrderElementsOf(EXPECTED.keySet());
        }
    }

    @TestFactory
    Stream<DynamicTest> replay() {
        DynamoDbClient dynamoDb = DynamoDbLocal.client();
        String table = Tables.fresh(dynamoDb);
        DynamoDbArticleStore articles = new DynamoDbArticleStore(dynamoDb, table);
        Instant published = Instant.parse("2019-12-04T15:30:00Z");
        articles.create(new Article(ARTICLE, "politiska-styrningen-av-individ-och-familj-utreds",
                "Politiska styrningen av Individ och familj utreds", "", "Text.", List.of(), List.of(),
                ArticleStatus.PUBLISHED, Optional.empty(), Optional.of(published), published, published, "Red",
                true, 1, List.of()), true, Articles.SAVE);
        Deque<String> ids = new ArrayDeque<>(List.of("01DX0000000000000000000001", "01DX0000000000000000000002",
                "01DX0000000000000000000003"));
        Supplier<String> random = ArticleIds.generator();
        CommentsFunction function = new CommentsFunction(new CommentService(articles,
                new DynamoDbCommentStore(dynamoDb, table), new Hasher("replay-salt-of-good-length"),
                new TestClock(Instant.parse("2019-12-05T08:00:00Z")), () -> ids.isEmpty() ? random.get() : ids.poll(),
                Optional.empty()), "sample-origin-secret-for-events", CommentsFunctionIT.STOCKHOLM);
        return EXPECTED.entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
            byte[] event = Files.readAllBytes(EVENTS.resolve(e.getKey()));
            LambdaCalls.assertReadAsTheRuntimeReads(event);
            JsonNode response = LambdaCalls.invoke(function, event);
            assertThat(response.path("statusCode").asInt()).as(response.toString()).isEqualTo(e.getValue().status());
            e.getValue().check().accept(response);
        }));
    }

    private static JsonNode body(JsonNode response) {
        try {
            return Json.MAPPER.readTree(response.path("body").asText());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static void expect(String file, int status, Consumer<JsonNode> check) {
        EXPECTED.put(file, new Expectation(status, check));
    }

    private record Expectation(int status, Consumer<JsonNode> check) {
    }
}
