package se.newsroom.articles;

import static org.assertj.core.api.Assertions.assertThat;
import static se.newsroom.articles.ApiCalls.EDITOR;
import static se.newsroom.articles.ApiCalls.json;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
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
                new DynamoDbCommentStore(client, table), Optional.of(media), Clock.systemUTC(),
                ArticleIds.generator()),
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

    private String readyPicture(String fileName) {
        String id = json(upload(fileName)).path("media").path("id").asText();
        media.markReady(id, 1600, 900, List.of(new MediaVariant(480, 270, "media/" + id + "/480.jpg", "image/jpeg",
                30_000)));
        return id;
    }

    private APIGatewayV2HTTPResponse article(String status, String image, String body) {
        return call("POST /api/articles", Map.of(), """
                {"title": "Ny förskola i Tallbacken", "status": "%s", "body": "%s"%s}"""
                .formatted(status, body, image == null ? "" : ", \"image\": " + image));
    }

    private static List<String> fields(APIGatewayV2HTTPResponse response) {
        return json(response).path("errors").findValuesAsText("field");
    }

    @Test
    void anArticlesImage_shouldNeedAltTextUnlessDecorative_andAnExistingPicture_andBeShownBack() {
        String id = readyPicture("förskola.jpg");

        APIGatewayV2HTTPResponse noAlt = article("draft", "{\"mediaId\": \"" + id + "\"}", "Text.");
        APIGatewayV2HTTPResponse missing = article("draft", "{\"mediaId\": \"" + ArticleIds.generator().get()
                + "\", \"alt\": \"Barn\"}", "Text.");
        APIGatewayV2HTTPResponse notAnId = article("draft", "{\"mediaId\": \"bild.jpg\", \"alt\": \"B\"}", "T");
        int itemsBefore = Tables.items(client, table).size();
        APIGatewayV2HTTPResponse decorative = article("published", "{\"mediaId\": \"" + id
                + "\", \"decorative\": true}", "Text.");
        APIGatewayV2HTTPResponse withAlt = article("published", "{\"mediaId\": \"" + id + "\", \"alt\": "
                + "\"Förskolans nya gård\", \"caption\": \"Gården invigs i maj.\", \"credit\": \"Anna F\"}",
                "Text.");

        assertThat(noAlt.getStatusCode()).isEqualTo(422);
        assertThat(fields(noAlt)).containsExactly("image.alt");
        assertThat(missing.getStatusCode()).isEqualTo(422);
        assertThat(fields(missing)).containsExactly("image.mediaId");
        assertThat(fields(notAnId)).containsExactly("image.mediaId");
        assertThat(decorative.getStatusCode()).isEqualTo(201);
        assertThat(json(decorative).path("image").path("decorative").asBoolean()).isTrue();
        assertThat(json(decorative).path("image").path("alt").asText()).isEmpty();
        assertThat(withAlt.getStatusCode()).isEqualTo(201);
        String articleId = json(withAlt).path("id").asText();
        JsonNode read = json(call("GET /api/articles/{id}", Map.of("id", articleId), null)).path("image");
        assertThat(read.path("mediaId").asText()).isEqualTo(id);
        assertThat(read.path("alt").asText()).isEqualTo("Förskolans nya gård");
        assertThat(read.path("caption").asText()).isEqualTo("Gården invigs i maj.");
        assertThat(read.path("credit").asText()).isEqualTo("Anna F");
        assertThat(itemsBefore).isEqualTo(1); // the refused articles wrote nothing: only the picture is there
    }

    @Test
    void publishing_shouldWaitForThePicture_whetherFeaturedOrInTheBody_whileADraftMayUseItAlready() {
        String pending = json(upload("pågår.jpg")).path("media").path("id").asText();
        String image = "{\"mediaId\": \"" + pending + "\", \"alt\": \"Byggkran\"}";

        APIGatewayV2HTTPResponse published = article("published", image, "Text.");
        APIGatewayV2HTTPResponse scheduled = call("POST /api/articles", Map.of(), """
                {"title": "Senare", "status": "scheduled", "publishAt": "%s", "body": "T",
                 "image": %s}""".formatted(Instant.now().plus(Duration.ofDays(30)), image));
        APIGatewayV2HTTPResponse inBody = article("published", null, "Före ![Kranen](media:" + pending + ") efter.");
        APIGatewayV2HTTPResponse draft = article("draft", image, "Före ![Kranen](media:" + pending + ") efter.");

        assertThat(published.getStatusCode()).isEqualTo(422);
        assertThat(json(published).path("errors").get(0).path("field").asText()).isEqualTo("image.mediaId");
        assertThat(json(published).path("errors").get(0).path("message").asText())
                .startsWith("Bilden är inte klar än");
        assertThat(fields(scheduled)).containsExactly("image.mediaId");
        assertThat(fields(inBody)).containsExactly("body");
        assertThat(draft.getStatusCode()).isEqualTo(201);

        media.markError(pending, "Filen är ingen bild.");
        APIGatewayV2HTTPResponse failed = article("published", image, "Text.");
        assertThat(json(failed).path("errors").get(0).path("message").asText()).contains("Filen är ingen bild.");
    }

    @Test
    void deletingAPictureAnArticleUses_shouldAnswer409NamingTheArticle_untilTheArticleLetsItGo() {
        String id = readyPicture("kommunhus.jpg");
        JsonNode created = json(article("draft", null, "Bild: ![Huset](media:" + id + ")"));
        String articleId = created.path("id").asText();

        APIGatewayV2HTTPResponse refused = call("DELETE /api/media/{id}", Map.of("id", id), null);

        assertThat(refused.getStatusCode()).isEqualTo(409);
        assertThat(json(refused).path("detail").asText()).contains("Ny förskola i Tallbacken");
        assertThat(json(refused).path("errors").get(0).path("message").asText()).contains(articleId);
        assertThat(files.deleted).isEmpty();
        assertThat(media.find(id)).isPresent();

        function.handle(ApiCalls.event("PUT /api/articles/{id}", Map.of("id", articleId),
                Map.of("content-type", "application/json", "if-match", "\"1\""),
                "{\"title\": \"Ny förskola i Tallbacken\", \"body\": \"Utan bild.\"}", EDITOR), null);
        assertThat(call("DELETE /api/media/{id}", Map.of("id", id), null).getStatusCode()).isEqualTo(204);
        assertThat(files.deleted).containsExactly("media/" + id + "/480.jpg");
    }
}
