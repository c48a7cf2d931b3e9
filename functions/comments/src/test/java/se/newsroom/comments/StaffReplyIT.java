package se.newsroom.comments;

import static org.assertj.core.api.Assertions.assertThat;
import static se.newsroom.comments.CommentCalls.fields;
import static se.newsroom.comments.CommentCalls.json;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import se.newsroom.content.Article;
import se.newsroom.content.ArticleIds;
import se.newsroom.content.AuditAction;
import se.newsroom.content.Hasher;
import se.newsroom.render.plan.Page;
import se.newsroom.render.site.DynamoDbSiteContent;
import se.newsroom.render.site.Labels;
import se.newsroom.render.site.SiteRenderer;
import se.newsroom.render.site.SiteSettings;
import se.newsroom.table.DynamoDbArticleStore;
import se.newsroom.table.DynamoDbAuditLog;
import se.newsroom.table.DynamoDbCommentStore;
import se.newsroom.table.DynamoDbSiteReads;
import se.newsroom.testing.Articles;
import se.newsroom.testing.DynamoDbLocal;
import se.newsroom.testing.Tables;

/** The newsroom's own replies, marked "Redaktionen", through CommentsFunction on DynamoDB Local. */
class StaffReplyIT {
    private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");
    private static final String BADGE = "<span class=\"staff-badge\">Redaktionen</span>";

    private DynamoDbClient dynamoDb;
    private String table;
    private CommentCalls api;
    private Article article;

    @BeforeEach
    void freshTableAndArticle() {
        dynamoDb = DynamoDbLocal.client();
        table = Tables.fresh(dynamoDb);
        DynamoDbArticleStore articles = new DynamoDbArticleStore(dynamoDb, table);
        api = new CommentCalls(new CommentsFunction(new CommentService(articles, new DynamoDbCommentStore(dynamoDb,
                table), new Hasher("test-salt-of-sufficient-length"), new TestClock(
                Instant.parse("2019-12-05T08:00:00Z")), ArticleIds.generator(), Optional.empty()),
                CommentCalls.ORIGIN_SECRET, CommentsFunctionIT.STOCKHOLM));
        article = articles.create(Articles.published(Articles.draft("Politiska styrningen utreds"),
                Instant.parse("2019-12-04T15:30:00Z")), false, Articles.SAVE);
    }

    @Test
    void staffReply_shouldBe201_approvedAtOnce_markedStaff_andSignedWithTheEditorsName() {
        String reader = readerComment("Karin", "När kommer utredningen?");
        api.moderate(article.id(), reader, "approved");

        APIGatewayV2HTTPResponse response = api.staffReply(article.id(),
                "{\"parentId\": \"" + reader + "\", \"body\": \"Utredningen är klar i vår – vi återkommer här.\"}");

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(201);
        JsonNode reply = json(response);
        assertThat(reply.path("staff").asBoolean()).isTrue();
        assertThat(reply.path("status").asText()).isEqualTo("approved");
        assertThat(reply.path("author").asText()).isEqualTo("Anna");
        assertThat(reply.path("parentId").asText()).isEqualTo(reader);
        assertThat(reply.path("body").asText()).isEqualTo("Utredningen är klar i vår – vi återkommer här.");
        // Never in the moderation queue, and no hashes: there is no reader's address behind it.
        assertThat(json(api.queue(Map.of())).path("items")).isEmpty();
        Map<String, AttributeValue> item = comment(reply.path("id").asText());
        assertThat(item.get("staff").bool()).isTrue();
        assertThat(item).doesNotContainKeys("emailHash", "clientHash", "queueKey");
        // Recorded in the audit log with the reply, under the editor who wrote it.
        assertThat(new DynamoDbAuditLog(dynamoDb, table).ofArticle(article.id(), 10, Optional.empty()).items())
                .filteredOn(e -> e.action() == AuditAction.REPLY).singleElement().satisfies(e -> {
                    assertThat(e.editorName()).isEqualTo("Anna");
                    assertThat(e.commentId()).contains(reply.path("id").asText());
                });
    }

    @Test
    void readersComment_shouldSayStaffFalse_inTheQueue() {
        readerComment("Karin", "Hej!");

        assertThat(json(api.queue(Map.of())).path("items").get(0).path("staff").isBoolean()).isTrue();
        assertThat(json(api.queue(Map.of())).path("items").get(0).path("staff").asBoolean()).isFalse();
    }

    @Test
    void staffReply_shouldKeepTheThreadDepthRules() {
        String pending = readerComment("Karin", "Väntar");
        APIGatewayV2HTTPResponse toPending = api.staffReply(article.id(),
                "{\"parentId\": \"" + pending + "\", \"body\": \"Svar\"}");
        assertThat(toPending.getStatusCode()).isEqualTo(422);
        assertThat(json(toPending).path("errors").get(0).path("field").asText()).isEqualTo("parentId");

        String parent = null;
        for (int level = 1; level <= 5; level++) {
            APIGatewayV2HTTPResponse r = api.staffReply(article.id(), parent == null
                    ? "{\"body\": \"Nivå " + level + "\"}"
                    : "{\"parentId\": \"" + parent + "\", \"body\": \"Nivå " + level + "\"}");
            assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(201);
            parent = json(r).path("id").asText();
        }
        APIGatewayV2HTTPResponse tooDeep = api.staffReply(article.id(),
                "{\"parentId\": \"" + parent + "\", \"body\": \"Nivå sex\"}");

        assertThat(tooDeep.getStatusCode()).isEqualTo(422);
        assertThat(json(tooDeep).path("errors").get(0).path("field").asText()).isEqualTo("parentId");
    }

    @Test
    void staffReply_withoutSignIn_shouldBe401_andOnADraft404_andAnEmptyBody422() {
        APIGatewayV2HTTPResponse anonymous = api.call(CommentCalls.event("POST /api/articles/{id}/replies",
                Map.of("id", article.id()), Map.of("content-type", "application/json"), "{\"body\": \"Hej\"}",
                null, "198.51.100.1"));
        assertThat(anonymous.getStatusCode()).isEqualTo(401);

        Article draft = new DynamoDbArticleStore(dynamoDb, table).create(Articles.draft("Utkast"), false,
                Articles.SAVE);
        assertThat(api.staffReply(draft.id(), "{\"body\": \"Hej\"}").getStatusCode()).isEqualTo(404);

        APIGatewayV2HTTPResponse empty = api.staffReply(article.id(), "{\"body\": \"  \"}");
        assertThat(empty.getStatusCode()).isEqualTo(422);
        assertThat(json(empty).path("errors").get(0).path("field").asText()).isEqualTo("body");
        assertThat(comments()).isEmpty();
    }

    @Test
    void aReader_shouldNotBeAbleToProduceTheMarking_byAStaffFieldOrTheName() {
        APIGatewayV2HTTPResponse staffField = api.json(article.id(), "198.51.100.2",
                "{\"author\": \"Karin\", \"email\": \"karin@example.se\", \"body\": \"Hej\", \"staff\": true}");
        assertThat(staffField.getStatusCode()).isEqualTo(400);

        for (String name : List.of("Redaktionen", "redaktionen", " REDAKTIONEN ", "Red aktionen")) {
            APIGatewayV2HTTPResponse named = api.json(article.id(), "198.51.100.3",
                    "{\"author\": \"" + name + "\", \"email\": \"karin@example.se\", \"body\": \"Hej " + name
                            + "\"}");
            assertThat(named.getStatusCode()).as(name).isEqualTo(422);
            assertThat(json(named).path("errors").get(0).path("field").asText()).isEqualTo("author");
            assertThat(json(named).path("errors").get(0).path("message").asText()).contains("Redaktionen");
        }
        Map<String, String> form = fields("Redaktionen", "karin@example.se", "Hej från formuläret");
        form.put("staff", "true");
        assertThat(api.form(article.id(), "198.51.100.4", form).getStatusCode()).isEqualTo(422);
        assertThat(comments()).isEmpty();
    }

    @Test
    void thePage_shouldShowRedaktionen_forTheStaffReplyOnly_evenAfterItIsModeratedAgain() {
        SiteRenderer renderer = new SiteRenderer(new SiteSettings("Båstads Kommun",
                URI.create("https://www.bastad.se"), STOCKHOLM), new Labels(Locale.forLanguageTag("sv-SE")));
        DynamoDbSiteContent content = new DynamoDbSiteContent(new DynamoDbSiteReads(dynamoDb, table), STOCKHOLM);
        Page page = new Page.ArticlePage(article.id(), article.slug());
        String reader = readerComment("Karin", "En fråga");
        api.moderate(article.id(), reader, "approved");
        String staff = json(api.staffReply(article.id(), "{\"parentId\": \"" + reader
                + "\", \"body\": \"Ett svar\"}")).path("id").asText();

        String html = render(renderer, page, content);

        assertThat(html.split(BADGE, -1)).hasSize(2); // exactly one marking
        assertThat(commentMarkup(html, staff)).contains("class=\"comment comment-staff\"").contains(">Anna</strong> "
                + BADGE);
        assertThat(commentMarkup(html, reader)).doesNotContain("comment-staff");

        // Hidden and shown again by a moderator, it keeps its marking (the index's sort key carries it).
        assertThat(api.moderate(article.id(), staff, "rejected").getStatusCode()).isEqualTo(200);
        assertThat(render(renderer, page, content)).doesNotContain(BADGE).doesNotContain("Ett svar");
        APIGatewayV2HTTPResponse again = api.moderate(article.id(), staff, "approved");
        assertThat(json(again).path("staff").asBoolean()).isTrue();
        assertThat(commentMarkup(render(renderer, page, content), staff)).contains(BADGE);
    }

    /** The markup of one comment: from its list item to the next comment's (or the list's end). */
    private static String commentMarkup(String html, String commentId) {
        int start = html.indexOf("id=\"kommentar-" + commentId + "\"");
        assertThat(start).as("comment " + commentId + " on the page").isPositive();
        int open = html.lastIndexOf("<li", start);
        int next = html.indexOf("<li class=\"comment", start);
        int body = html.indexOf("</article>", start);
        return html.substring(open, next < 0 ? body : Math.min(next, body));
    }

    private String readerComment(String author, String body) {
        APIGatewayV2HTTPResponse response = api.json(article.id(), "198.51.100." + (10 + comments().size()),
                "{\"author\": \"" + author + "\", \"email\": \"karin@example.se\", \"body\": \"" + body + "\"}");
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(202);
        return json(response).path("id").asText();
    }

    private Map<String, AttributeValue> comment(String id) {
        return comments().stream().filter(c -> c.get("id").s().equals(id)).findFirst().orElseThrow();
    }

    private List<Map<String, AttributeValue>> comments() {
        return Tables.items(dynamoDb, table).stream()
                .filter(i -> "comment".equals(Optional.ofNullable(i.get("type")).map(AttributeValue::s).orElse("")))
                .toList();
    }

    private static String render(SiteRenderer renderer, Page page, DynamoDbSiteContent content) {
        return new String(renderer.render(page, content).orElseThrow().body(), StandardCharsets.UTF_8);
    }
}
