package se.newsroom.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.RequestContext;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.RequestContext.Authorizer;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

import se.newsroom.content.Article;
import se.newsroom.content.Comment;
import se.newsroom.content.CommentStatus;
import se.newsroom.content.CommentStore;
import se.newsroom.content.Media;
import se.newsroom.emulators.S3Emulator;
import se.newsroom.emulators.TemplateTable;
import se.newsroom.json.Json;
import se.newsroom.render.output.S3SiteWriter;
import se.newsroom.render.site.DynamoDbSiteContent;
import se.newsroom.render.site.SnapshotSiteContent;
import se.newsroom.table.DynamoDbArticleStore;
import se.newsroom.table.DynamoDbCommentStore;
import se.newsroom.table.DynamoDbMediaStore;
import se.newsroom.table.DynamoDbSiteReads;
import se.newsroom.testing.Articles;
import se.newsroom.testing.DynamoDbLocal;
import se.newsroom.testing.LambdaCalls;
import se.newsroom.testing.Tables;

/**
 * POST /api/previews against DynamoDB Local and an S3 emulator: the preview is the page the site publishes, from the
 * same templates and reads, apart from its marking; it is checked as a save is; it writes nothing.
 */
class PreviewFunctionIT {
    private static final Path EVENTS = TemplateTable.templatePath().getParent().resolve("events/render");
    private static final Map<String, String> EDITOR = Map.of("sub", "editor-1", "cognito:groups", "[editors]",
            "name", "Anna Redaktör");
    private static final String NOINDEX = "\n<meta name=\"robots\" content=\"noindex\">";
    private static final String BANNER = "\n<p class=\"preview-banner\">Förhandsvisning – inte publicerad</p>";
    private static final Instant NOW = Instant.parse("2019-12-10T09:00:00Z");
    private static final String POLITISKA_PAGE = "nyheter/politiska-styrningen-av-individ-och-familj-utreds/"
            + "index.html";

    private DynamoDbClient dynamoDb;
    private String table;
    private S3Client s3;
    private String bucket;
    private PreviewFunction function;

    @BeforeEach
    void siteWithTheSeeds() {
        dynamoDb = DynamoDbLocal.embedded().dynamoDbClient();
        table = Tables.fresh(dynamoDb);
        DynamoDbArticleStore store = new DynamoDbArticleStore(dynamoDb, table);
        Seeds.articles().forEach(a -> store.create(a, false, Articles.SAVE));
        DynamoDbCommentStore comments = new DynamoDbCommentStore(dynamoDb, table);
        CommentStore.Limits limits = new CommentStore.Limits(0, 1000);
        Comment approved = new Comment("01DW9Y0000000000000000000A", Seeds.POLITISKA, Optional.empty(),
                "Karin i Torekov", "Bra att det utreds – äntligen.", CommentStatus.PENDING,
                Instant.parse("2019-12-05T08:15:00Z"), 1);
        Comment pending = new Comment("01DW9Y0000000000000000000B", Seeds.POLITISKA, Optional.empty(), "Okänd",
                "Väntar på granskning", CommentStatus.PENDING, Instant.parse("2019-12-05T09:15:00Z"), 1);
        comments.post(approved, new CommentStore.Hashes("e1", "c1", "d1"), limits, approved.createdAt());
        comments.post(pending, new CommentStore.Hashes("e2", "c2", "d2"), limits, pending.createdAt());
        comments.moderate(Seeds.POLITISKA, approved.id(), CommentStatus.APPROVED,
                Articles.moderated(Seeds.POLITISKA, approved.id(), CommentStatus.APPROVED));
        s3 = S3Emulator.client();
        bucket = "preview-" + table.substring(table.length() - 12);
        s3.createBucket(r -> r.bucket(bucket));
        new SiteBuild(Seeds.renderer(), new S3SiteWriter(s3, bucket), 4, Seeds.STOCKHOLM)
                .run(SnapshotSiteContent.of(new DynamoDbSiteReads(dynamoDb, table).everything(), Seeds.STOCKHOLM));
        function = new PreviewFunction(new ArticlePreviews(store,
                new DynamoDbSiteContent(new DynamoDbSiteReads(dynamoDb, table), Seeds.STOCKHOLM), Seeds.renderer(),
                Clock.fixed(NOW, ZoneOffset.UTC)));
    }

    @Test
    void preview_shouldBeThePublishedPage_apartFromItsMarking() {
        // GIVEN the published page of the second seed (with "Läs mer" and an approved comment)
        String published = object(POLITISKA_PAGE);
        assertThat(published).contains("Läs mer:", "Bra att det utreds – äntligen.", "4 december 2019")
                .doesNotContain("Väntar på granskning");

        // WHEN the desk previews the article as it is saved, naming it
        APIGatewayV2HTTPResponse response = preview(savedAsJson(Seeds.articles().getLast()).toString(), EDITOR);

        // THEN it is the same page, marked as a preview and not to be indexed; and as saving it now would make it,
        // changed days after its publication: "Uppdaterad" and the time of the change
        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getHeaders()).containsEntry("Content-Type", "text/html; charset=utf-8")
                .containsEntry("Cache-Control", "no-store");
        String html = response.getBody();
        String updated = "\n<br><span class=\"updated\">Uppdaterad <time datetime=\"2019-12-10T10:00:00+01:00\">"
                + "10 december 2019</time></span>";
        assertThat(html).contains(NOINDEX, BANNER, updated);
        assertThat(html.replace(NOINDEX, "").replace(BANNER, "").replace(updated, "")
                .replace("2019-12-10T10:00:00+01:00", "2019-12-04T16:30:00+01:00")).isEqualTo(published);
    }

    @Test
    void preview_shouldShowUnsavedChanges_andWriteNothingToTheTableOrTheBucket() {
        // GIVEN
        List<String> items = Tables.items(dynamoDb, table).stream().map(Object::toString).toList();
        List<String> objects = objects();
        ObjectNode edited = savedAsJson(Seeds.articles().getLast());
        edited.put("title", "Ny rubrik – med å, ä och ö");
        edited.put("body", "Första stycket.\n\n- en punkt\n- en till");

        // WHEN
        APIGatewayV2HTTPResponse response = preview(edited.toString(), EDITOR);

        // THEN the edit shows, under the saved slug
        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getBody()).contains("<h1>Ny rubrik – med å, ä och ö</h1>", "<li>en punkt</li>",
                "<link rel=\"canonical\" href=\"https://www.bastad.se/nyheter/politiska-styrningen-av-individ-och-"
                        + "familj-utreds/\">");
        assertThat(Tables.items(dynamoDb, table).stream().map(Object::toString).toList()).isEqualTo(items);
        assertThat(objects()).isEqualTo(objects);
    }

    @Test
    void previewOfANewDraft_shouldGetTheTitlesSlugAndTodaysDate_evenWithoutABody() {
        APIGatewayV2HTTPResponse response = preview("{\"title\": \"Vägarbete på Storgatan\", \"status\": \"draft\"}",
                EDITOR);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getBody()).contains(
                "<link rel=\"canonical\" href=\"https://www.bastad.se/nyheter/vagarbete-pa-storgatan/\">",
                "<time datetime=\"2019-12-10T10:00:00+01:00\">10 december 2019</time> · Anna Redaktör",
                "Inga kommentarer ännu.", BANNER);
    }

    @Test
    void preview_shouldShowTheFeaturedImageTheEditorPicked() {
        DynamoDbMediaStore library = new DynamoDbMediaStore(dynamoDb, table);
        Media photo = Seeds.media().getFirst();
        library.create(Media.pending(photo.id(), photo.fileName(), photo.contentType(), photo.size(),
                photo.uploader(), photo.createdAt()));
        library.markReady(photo.id(), photo.width(), photo.height(), photo.variants());

        APIGatewayV2HTTPResponse response = preview("{\"title\": \"Bilder\", \"status\": \"draft\", \"image\": "
                + "{\"mediaId\": \"" + photo.id() + "\", \"alt\": \"Sessionssalen\", \"credit\": \"Per Ek\"}}", EDITOR);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getBody()).contains("<img src=\"/media/" + photo.id() + "/960.jpg\"",
                "alt=\"Sessionssalen\"", "Foto: Per Ek");
    }

    @Test
    void previewOfAScheduledArticle_shouldShowItsPublishTime() {
        APIGatewayV2HTTPResponse response = preview("{\"title\": \"Julmarknad\", \"body\": \"Välkommen!\", "
                + "\"status\": \"scheduled\", \"publishAt\": \"2019-12-14T10:00:00+01:00\"}", EDITOR);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getBody()).contains("<time datetime=\"2019-12-14T10:00:00+01:00\">14 december 2019");
    }

    @Test
    void preview_shouldAnswer422NamingEveryField_asASaveWould() {
        JsonNode problem = json(preview("{\"title\": \"\", \"status\": \"published\", \"related\": [\"x\"]}",
                EDITOR), 422);
        assertThat(problem.path("errors").findValuesAsText("field")).containsExactlyInAnyOrder("title", "body",
                "related[0]");

        JsonNode missing = json(preview("{\"title\": \"Rubrik\", \"related\": [\"" + Seeds.STATUSUPPDATERING
                + "\", \"01E0000000000000000000000Z\"]}", EDITOR), 422);
        assertThat(missing.path("errors").findValuesAsText("field")).containsExactly("related[1]");
    }

    @Test
    void preview_shouldAnswerTheSaveEdgesProblems() {
        assertThat(preview("{\"title\": \"Rubrik\"}", null).getStatusCode()).isEqualTo(401);
        assertThat(preview("{\"title\": \"Rubrik\"}", Map.of("sub", "reader", "cognito:groups", "[readers]"))
                .getStatusCode()).isEqualTo(403);
        assertThat(preview("{\"title\": \"Rubrik\", \"id\": \"01E0000000000000000000000Z\"}", EDITOR)
                .getStatusCode()).isEqualTo(404);
        assertThat(json(preview("{\"title\": \"Rubrik\", \"id\": 5}", EDITOR), 422).path("errors").get(0)
                .path("field").asText()).isEqualTo("id");
        assertThat(preview("{\"title\": \"Rubrik\", \"rubrik\": \"x\"}", EDITOR).getStatusCode()).isEqualTo(400);
        assertThat(preview("{\"title\": \"Rubrik\", \"body\": \"" + "x".repeat(1024 * 1024) + "\"}", EDITOR)
                .getStatusCode()).isEqualTo(413);
        assertThat(function.handle(event("text/plain", "{}", EDITOR), null).getStatusCode()).isEqualTo(415);
    }

    @Test
    void everyEventFile_shouldReplayThroughTheLambdaEntryPoint() throws Exception {
        JsonNode seed = LambdaCalls.invoke(function, Files.readAllBytes(EVENTS.resolve("preview-seed.json")));
        JsonNode bad = LambdaCalls.invoke(function, Files.readAllBytes(EVENTS.resolve("preview-bad-fields.json")));

        assertThat(seed.path("statusCode").asInt()).isEqualTo(200);
        assertThat(seed.path("body").asText()).contains("Politiska styrningen av Individ och familj utreds",
                "Bra att det utreds – äntligen.", BANNER);
        assertThat(bad.path("statusCode").asInt()).isEqualTo(422);
        assertThat(Json.MAPPER.readTree(bad.path("body").asText()).path("errors").findValuesAsText("field"))
                .contains("title", "body");
    }

    @Test
    void prime_shouldPreviewAndRefuse_andWriteNothing() {
        List<String> items = Tables.items(dynamoDb, table).stream().map(Object::toString).toList();

        assertThat(PreviewPriming.run(function)).containsExactly(200, 422);

        assertThat(Tables.items(dynamoDb, table).stream().map(Object::toString).toList()).isEqualTo(items);
    }

    /** The article as the desk sends it after a GET: every field of a save, and its id. */
    private static ObjectNode savedAsJson(Article a) {
        ObjectNode json = Json.MAPPER.createObjectNode();
        json.put("id", a.id());
        json.put("title", a.title());
        json.put("summary", a.summary());
        json.put("body", a.body());
        a.categories().forEach(json.putArray("categories")::add);
        ObjectNode copy = json;
        a.related().forEach(r -> copy.withArray("related").add(r));
        json.put("status", "published");
        json.put("publishedAt", a.publishedAt().orElseThrow().atZone(Seeds.STOCKHOLM).toOffsetDateTime().toString());
        json.put("author", a.author());
        json.put("commentsOpen", a.commentsOpen());
        json.put("slug", a.slug());
        json.put("version", 1);
        return json;
    }

    private APIGatewayV2HTTPResponse preview(String body, Map<String, String> claims) {
        return function.handle(event("application/json", body, claims), null);
    }

    private static APIGatewayV2HTTPEvent event(String contentType, String body, Map<String, String> claims) {
        RequestContext.RequestContextBuilder context = RequestContext.builder().withRequestId("test-request")
                .withRouteKey("POST /api/previews");
        if (claims != null) {
            context.withAuthorizer(Authorizer.builder().withJwt(Authorizer.JWT.builder().withClaims(claims).build())
                    .build());
        }
        Map<String, String> headers = new HashMap<>(Map.of("content-type", contentType));
        return APIGatewayV2HTTPEvent.builder().withRouteKey("POST /api/previews").withHeaders(headers)
                .withBody(body).withIsBase64Encoded(false).withRequestContext(context.build()).build();
    }

    private static JsonNode json(APIGatewayV2HTTPResponse response, int status) {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(status);
        assertThat(response.getHeaders()).containsEntry("Content-Type", "application/problem+json");
        try {
            return Json.MAPPER.readTree(response.getBody());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private String object(String key) {
        return s3.getObjectAsBytes(r -> r.bucket(bucket).key(key)).asString(StandardCharsets.UTF_8);
    }

    private List<String> objects() {
        return s3.listObjectsV2(r -> r.bucket(bucket)).contents().stream().map(o -> o.key() + " " + o.eTag())
                .toList();
    }
}
