package se.newsroom.articles;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
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
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

import se.newsroom.content.ArticleIds;
import se.newsroom.emulators.TemplateTable;
import se.newsroom.json.Json;
import se.newsroom.table.DynamoDbArticleStore;
import se.newsroom.table.DynamoDbCommentStore;
import se.newsroom.table.DynamoDbMediaStore;
import se.newsroom.testing.DynamoDbLocal;
import se.newsroom.testing.LambdaCalls;
import se.newsroom.testing.Tables;

/**
 * Replays every file in {@code events/articles/} (the ones {@code sam local invoke -e} takes) through
 * ArticlesFunction's Lambda entry point as JSON, in the order an editor would send them, against DynamoDB Local;
 * each event read as the Lambda runtime's own serializer reads it, each response read back by that serializer.
 */
class EventsReplayIT {
    /** The ids the sample events name: the two seed articles and a draft, created in this order. */
    static final String STATUSUPPDATERING = "01DVZ8Y3C4S0K9QH7N2M5X6B1A";
    static final String POLITISKA = "01DW2J6R8T4P3E5F7G9H0K1M2N";
    static final String DRAFT = "01KAZ3M7Q9R2S4T6V8W0X1Y3Z5";
    /** The picture the media events name. */
    static final String MEDIA = "01KB7Q2M3N4P5R6S7T8V9W0X1Y";

    private static final Path EVENTS = TemplateTable.templatePath().getParent().resolve("events/articles");

    /** What each event must answer: its status, and what the body must show. */
    private static final Map<String, Expectation> EXPECTED = new LinkedHashMap<>();

    static {
        expect("create-statusuppdatering.json", 201, body -> {
            assertThat(body.path("id").asText()).isEqualTo(STATUSUPPDATERING);
            assertThat(body.path("slug").asText())
                    .isEqualTo("statusuppdatering-angaende-handelser-inom-individ-och-familj");
            assertThat(body.path("publishedAt").asText()).isEqualTo("2019-12-03T10:00:00+01:00");
            assertThat(body.path("body").asText()).contains("Läs mer:\u00a0\n\n- Omorganisation efter händelserna")
                    .doesNotContain("dök först upp på");
        });
        expect("create-politiska-styrningen.json", 201, body -> {
            assertThat(body.path("slug").asText()).isEqualTo("politiska-styrningen-av-individ-och-familj-utreds");
            assertThat(body.path("body").asText()).contains("familj.– Jag kommer", "\n\n\u00a0\n\n");
        });
        expect("create-draft.json", 201, body -> assertThat(body.path("status").asText()).isEqualTo("draft"));
        expect("get-article.json", 200, body -> assertThat(body.path("title").asText())
                .isEqualTo("Politiska styrningen av Individ och familj utreds"));
        expect("list-published.json", 200, body -> assertThat(body.path("items").findValuesAsText("id"))
                .containsExactly(POLITISKA, STATUSUPPDATERING));
        expect("list-search.json", 200, body -> assertThat(body.path("items").findValuesAsText("id"))
                .containsExactly(STATUSUPPDATERING));
        expect("list-categories.json", 200, body -> {
            assertThat(body.path("items").findValuesAsText("name"))
                    .containsExactly("Individ och familj", "Kommunen", "Politik");
            assertThat(body.path("items").get(0).path("slug").asText()).isEqualTo("individ-och-familj");
            assertThat(body.path("items").get(0).path("count").asInt()).isEqualTo(3);
        });
        expect("update-add-related.json", 200, body -> {
            assertThat(body.path("related").get(0).asText()).isEqualTo(STATUSUPPDATERING);
            assertThat(body.path("version").asInt()).isEqualTo(2);
        });
        expect("publish-draft.json", 200, body -> {
            assertThat(body.path("status").asText()).isEqualTo("published");
            assertThat(body.path("slug").asText()).isEqualTo("oppet-hus-pa-individ-och-familj-utkast");
        });
        expect("delete-article.json", 204, body -> assertThat(body.isMissingNode()).isTrue());
        expect("bad-update-stale-version.json", 412, problem("version 2, not 1"));
        expect("bad-update-without-if-match.json", 428, problem("If-Match"));
        expect("bad-malformed-json.json", 400, problem("line 4, column 1"));
        expect("bad-unknown-fields.json", 400, problem("rubrik, publicera"));
        expect("bad-content-type.json", 415, problem("application/json"));
        expect("bad-invalid-fields.json", 422, body -> assertThat(body.path("errors").findValuesAsText("field"))
                .containsExactly("title", "summary", "categories", "publishAt"));
        expect("bad-related-missing.json", 422, body -> assertThat(body.path("errors").findValuesAsText("field"))
                .containsExactly("related[0]"));
        expect("bad-too-large.json", 413, problem("1 MiB"));
        expect("bad-not-an-editor.json", 403, problem("editors"));
        expect("bad-writer-publishes.json", 403, body -> {
            assertThat(body.path("detail").asText())
                    .isEqualTo("Det här kräver rollen Publicerare (gruppen publishers).");
            assertThat(body.path("requiredRole").asText()).isEqualTo("publishers");
        });
        expect("bad-no-token.json", 401, problem("Sign in"));
        expect("get-unknown-article.json", 404, problem("no article"));
        expect("media-create.json", 201, body -> {
            assertThat(body.path("media").path("id").asText()).isEqualTo(MEDIA);
            assertThat(body.path("media").path("status").asText()).isEqualTo("pending");
            assertThat(body.path("upload").path("url").asText()).startsWith("/uploads/" + MEDIA + "?")
                    .contains("X-Amz-Signature=");
        });
        expect("media-list.json", 200, body -> assertThat(body.path("items").findValuesAsText("id"))
                .containsExactly(MEDIA));
        expect("media-get.json", 200, body -> assertThat(body.path("fileName").asText())
                .isEqualTo("kommunfullmaktige-december.jpg"));
        expect("media-update.json", 200, body -> assertThat(body.path("credit").asText())
                .isEqualTo("Anna Andersson"));
        expect("bad-media-not-an-image.json", 422, body -> assertThat(body.path("errors")
                .findValuesAsText("field")).containsExactly("contentType"));
        expect("bad-media-too-large.json", 422, body -> assertThat(body.path("errors")
                .findValuesAsText("field")).containsExactly("size"));
        expect("bad-image-missing-alt.json", 422, body -> assertThat(body.path("errors")
                .findValuesAsText("field")).containsExactly("image.alt"));
        expect("bad-image-unknown-media.json", 422, body -> assertThat(body.path("errors")
                .findValuesAsText("field")).containsExactly("image.mediaId"));
        expect("bad-publish-image-not-ready.json", 422, body -> {
            assertThat(body.path("errors").findValuesAsText("field")).containsExactly("image.mediaId");
            assertThat(body.path("errors").get(0).path("message").asText()).startsWith("Bilden är inte klar än");
        });
        expect("media-delete.json", 204, body -> assertThat(body.isMissingNode()).isTrue());
    }

    @Test
    void everyEventFileHasAnExpectation_andEveryExpectationAFile() throws IOException {
        try (Stream<Path> files = Files.list(EVENTS)) {
            assertThat(files.map(f -> f.getFileName().toString()).sorted())
                    .containsExactlyInAnyOrderElementsOf(EXPECTED.keySet());
        }
    }

    @TestFactory
    Stream<DynamicTest> replay() {
        DynamoDbClient client = DynamoDbLocal.client();
        String table = Tables.fresh(client);
        Deque<String> fixedIds = new ArrayDeque<>(List.of(STATUSUPPDATERING, POLITISKA, DRAFT));
        Supplier<String> random = ArticleIds.generator();
        DynamoDbMediaStore media = new DynamoDbMediaStore(client, table);
        // Presigning needs no network; the pending picture the events delete has no variants to delete on S3.
        MediaFiles files = new S3MediaFiles(S3Presigner.builder().region(Region.EU_NORTH_1).credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "example"))).build(), null,
                "newsroom-uploads", "newsroom-site");
        ArticlesFunction function = new ArticlesFunction(new ArticleService(new DynamoDbArticleStore(client, table),
                new DynamoDbCommentStore(client, table), Optional.of(media), Clock.systemUTC(),
                () -> fixedIds.isEmpty() ? random.get() : fixedIds.poll()),
                Optional.of(new MediaService(media, files, Clock.systemUTC(), () -> MEDIA)),
                ZoneId.of("Europe/Stockholm"));

        Stream<DynamicTest> events = EXPECTED.entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
            byte[] event = Files.readAllBytes(EVENTS.resolve(e.getKey()));
            LambdaCalls.assertReadAsTheRuntimeReads(event);
            JsonNode response = LambdaCalls.invoke(function, event);
            assertThat(response.path("statusCode").asInt()).as(response.toString()).isEqualTo(e.getValue().status());
            String body = response.path("body").asText(null);
            e.getValue().body().accept(body == null ? Json.MAPPER.missingNode() : Json.MAPPER.readTree(body));
        }));
        DynamicTest nothingElseWritten = DynamicTest.dynamicTest("the bad requests left nothing behind", () ->
                assertThat(Tables.keys(client, table)).containsExactly(
                        // the two articles, and the marker that the second lists the first under "Läs mer"
                        "ARTICLE#" + STATUSUPPDATERING, "ARTICLE#" + STATUSUPPDATERING, "ARTICLE#" + POLITISKA,
                        // their category entries (the deleted draft's are gone with it)
                        "CATEGORY#individ-och-familj", "CATEGORY#individ-och-familj", "CATEGORY#kommunen",
                        "CATEGORY#politik",
                        "SLUG#politiska-styrningen-av-individ-och-familj-utreds",
                        "SLUG#statusuppdatering-angaende-handelser-inom-individ-och-familj"));
        return Stream.concat(events, Stream.of(nothingElseWritten));
    }

    private static Consumer<JsonNode> problem(String detail) {
        return body -> assertThat(body.path("detail").asText()).contains(detail);
    }

    private static void expect(String file, int status, Consumer<JsonNode> body) {
        EXPECTED.put(file, new Expectation(status, body));
    }

    private record Expectation(int status, Consumer<JsonNode> body) {
    }
}
