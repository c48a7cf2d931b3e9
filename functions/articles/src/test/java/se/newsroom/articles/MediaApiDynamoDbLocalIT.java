package se.newsroom.articles;

import static org.assertj.core.api.Assertions.assertThat;
import static se.newsroom.articles.ApiCalls.EDITOR;
import static se.newsroom.articles.ApiCalls.json;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

import se.newsroom.content.ArticleIds;
import se.newsroom.content.Media;
import se.newsroom.content.MediaVariant;
import se.newsroom.table.DynamoDbArticleStore;
import se.newsroom.table.DynamoDbCommentStore;
import se.newsroom.table.DynamoDbMediaStore;
import se.newsroom.testing.DynamoDbLocal;
import se.newsroom.testing.Tables;

/** The media library's routes as the desk uses them, through the handler, on DynamoDB Local. */
class MediaApiDynamoDbLocalIT {
    private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");

    /** The files of the test: real presigning (it needs no network), deletes only recorded. */
    static final class RecordingFiles implements MediaFiles {
        final List<String> deleted = new ArrayList<>();
        private final S3MediaFiles real = new S3MediaFiles(S3Presigner.builder().region(Region.EU_NORTH_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE",
                        "secret"))).build(), null, "newsroom-uploads", "newsroom-site");

        @Override
        public Upload presignUpload(Media media, Instant now) {
            return real.presignUpload(media, now);
        }

        @Override
        public void deleteVariants(Media media) {
            media.variants().forEach(v -> deleted.add(v.key()));
        }
    }

    private DynamoDbClient client;
    private String table;
    private DynamoDbMediaStore media;
    private RecordingFiles files;
    private ArticlesFunction function;

    @BeforeEach
    void freshTable() {
        client = DynamoDbLocal.client();
        table = Tables.fresh(client);
        media = new DynamoDbMediaStore(client, table);
        files = new RecordingFiles();
        function = new ArticlesFunction(new ArticleService(new DynamoDbArticleStore(client, table),
                new DynamoDbCommentStore(client, table), Clock.systemUTC(), ArticleIds.generator()),
                Optional.of(new MediaService(media, files, Clock.systemUTC(), ArticleIds.generator())), STOCKHOLM);
    }

    private APIGatewayV2HTTPResponse call(String route, Map<String, String> path, String body) {
        return function.handle(ApiCalls.event(route, path, body == null ? Map.of()
                : Map.of("content-type", "application/json"), body, EDITOR), null);
    }

    private APIGatewayV2HTTPResponse upload(String fileName) {
        return call("POST /api/media", Map.of(), """
                {"fileName": "%s", "contentType": "image/jpeg", "size": 2345678}""".formatted(fileName));
    }

    @Test
    void post_shouldAnswer201WithAPendingItem_andAPutOnTheSitesOwnOriginSignedForTypeAndSize() {
        APIGatewayV2HTTPResponse created = upload("Kommunfullmäktige.jpg");

        assertThat(created.getStatusCode()).isEqualTo(201);
        JsonNode body = json(created);
        String id = body.path("media").path("id").asText();
        assertThat(created.getHeaders()).containsEntry("Location", "/api/media/" + id);
        assertThat(body.path("media").path("status").asText()).isEqualTo("pending");
        assertThat(body.path("media").path("uploader").asText()).isEqualTo("Anna Redaktör");
        assertThat(body.path("media").path("fileName").asText()).isEqualTo("Kommunfullmäktige.jpg");
        JsonNode upload = body.path("upload");
        assertThat(upload.path("method").asText()).isEqualTo("PUT");
        assertThat(upload.path("headers").path("Content-Type").asText()).isEqualTo("image/jpeg");
        URI url = URI.create(upload.path("url").asText());
        assertThat(url.getHost()).isNull();
        assertThat(url.getPath()).isEqualTo("/uploads/" + id);
        assertThat(url.getQuery()).contains("X-Amz-Expires=900", "X-Amz-Signature=")
                .contains("X-Amz-SignedHeaders=content-length;content-type;host");
        assertThat(upload.path("expiresAt").asText()).isNotEmpty();
        assertThat(media.find(id)).hasValueSatisfying(m -> assertThat(m.size()).isEqualTo(2345678));
    }

    @Test
    void post_shouldRefuseANonImageTypeAHugeFileAndNoName_namingEach_andStoreNothing() {
        APIGatewayV2HTTPResponse refused = call("POST /api/media", Map.of(), """
                {"fileName": " ", "contentType": "application/pdf", "size": 20971521}""");
        APIGatewayV2HTTPResponse empty = call("POST /api/media", Map.of(), """
                {"fileName": "tom.png", "contentType": "image/png", "size": 0}""");
        APIGatewayV2HTTPResponse svg = call("POST /api/media", Map.of(), """
                {"fileName": "logga.svg", "contentType": "image/svg+xml", "size": 1000}""");

        assertThat(refused.getStatusCode()).isEqualTo(422);
        assertThat(refused.getHeaders()).containsEntry("Content-Type", "application/problem+json");
        assertThat(json(refused).path("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("fileName", "contentType", "size");
        assertThat(json(empty).path("errors").findValuesAsText("field")).containsExactly("size");
        assertThat(json(svg).path("errors").findValuesAsText("field")).containsExactly("contentType");
        assertThat(Tables.items(client, table)).isEmpty();
    }

    @Test
    void get_shouldListNewestFirstInPages_andReadOne_andAnswer404ForAnUnknownOrMalformedId() {
        String first = json(upload("ett.jpg")).path("media").path("id").asText();
        String second = json(upload("två.jpg")).path("media").path("id").asText();

        APIGatewayV2HTTPEvent event = ApiCalls.event("GET /api/media", Map.of(), Map.of(), null, EDITOR);
        event.setQueryStringParameters(Map.of("limit", "1"));
        JsonNode page = json(function.handle(event, null));
        event.setQueryStringParameters(Map.of("limit", "1", "cursor", page.path("nextCursor").asText()));
        JsonNode next = json(function.handle(event, null));
        event.setQueryStringParameters(Map.of("cursor", "inte-en-markör"));
        APIGatewayV2HTTPResponse badCursor = function.handle(event, null);

        assertThat(page.path("items").findValuesAsText("id")).containsExactly(second);
        assertThat(next.path("items").findValuesAsText("id")).containsExactly(first);
        assertThat(badCursor.getStatusCode()).isEqualTo(400);
        assertThat(json(call("GET /api/media/{id}", Map.of("id", first), null)).path("fileName").asText())
                .isEqualTo("ett.jpg");
        assertThat(call("GET /api/media/{id}", Map.of("id", ArticleIds.generator().get()), null).getStatusCode())
                .isEqualTo(404);
        assertThat(call("GET /api/media/{id}", Map.of("id", "../etc"), null).getStatusCode()).isEqualTo(404);
    }

    @Test
    void patch_shouldChangeTheTexts_andRefuseAnAltTextOver300Characters() {
        String id = json(upload("skola.jpg")).path("media").path("id").asText();

        JsonNode changed = json(call("PATCH /api/media/{id}", Map.of("id", id), """
                {"alt": "Elever på skolgården", "credit": "Anna Fotograf"}"""));
        APIGatewayV2HTTPResponse tooLong = call("PATCH /api/media/{id}", Map.of("id", id),
                "{\"alt\": \"" + "x".repeat(301) + "\"}");

        assertThat(changed.path("alt").asText()).isEqualTo("Elever på skolgården");
        assertThat(changed.path("credit").asText()).isEqualTo("Anna Fotograf");
        assertThat(changed.path("caption").asText()).isEmpty();
        assertThat(tooLong.getStatusCode()).isEqualTo(422);
        assertThat(json(tooLong).path("errors").findValuesAsText("field")).containsExactly("alt");
        assertThat(media.find(id).orElseThrow().alt()).isEqualTo("Elever på skolgården");
    }

    @Test
    void delete_shouldRemoveAnUnusedItemAndItsVariants() {
        String id = json(upload("väg.jpg")).path("media").path("id").asText();
        media.markReady(id, 1200, 800, List.of(new MediaVariant(480, 320, "media/" + id + "/480.jpg", "image/jpeg",
                30_000), new MediaVariant(960, 640, "media/" + id + "/960.jpg", "image/jpeg", 90_000)));

        APIGatewayV2HTTPResponse deleted = call("DELETE /api/media/{id}", Map.of("id", id), null);

        assertThat(deleted.getStatusCode()).isEqualTo(204);
        assertThat(files.deleted).containsExactly("media/" + id + "/480.jpg", "media/" + id + "/960.jpg");
        assertThat(call("GET /api/media/{id}", Map.of("id", id), null).getStatusCode()).isEqualTo(404);
        assertThat(call("DELETE /api/media/{id}", Map.of("id", id), null).getStatusCode()).isEqualTo(404);
    }
}
