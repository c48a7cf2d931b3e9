package se.newsroom.comments;

import static org.assertj.core.api.Assertions.assertThat;
import static se.newsroom.comments.CommentCalls.fields;
import static se.newsroom.comments.CommentCalls.json;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import se.newsroom.content.Article;
import se.newsroom.content.ArticleIds;
import se.newsroom.content.ArticleStatus;
import se.newsroom.content.Hasher;
import se.newsroom.render.plan.Page;
import se.newsroom.render.site.DynamoDbSiteContent;
import se.newsroom.render.site.Labels;
import se.newsroom.render.site.SiteRenderer;
import se.newsroom.render.site.SiteSettings;
import se.newsroom.table.DynamoDbArticleStore;
import se.newsroom.table.DynamoDbCommentStore;
import se.newsroom.table.DynamoDbSiteReads;
import se.newsroom.testing.Articles;
import se.newsroom.testing.CapacityMeter;
import se.newsroom.testing.DynamoDbLocal;
import se.newsroom.testing.Tables;

/** Readers' comments and editors' moderation through CommentsFunction, on DynamoDB Local. */
class CommentsFunctionIT {
    static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");
    private static final String EMAIL = "karin@example.se";

    private DynamoDbClient dynamoDb;
    private String table;
    private DynamoDbArticleStore articles;
    private TestClock clock;
    private CommentCalls api;
    private Article article;

    @BeforeEach
    void freshTableAndArticle() {
        dynamoDb = DynamoDbLocal.client();
        table = Tables.fresh(dynamoDb);
        articles = new DynamoDbArticleStore(dynamoDb, table);
        clock = new TestClock(Instant.parse("2019-12-05T08:00:00Z"));
        api = api(Optional.empty());
        article = articles.create(Articles.published(Articles.draft("Politiska styrningen utreds"),
                Instant.parse("2019-12-04T15:30:00Z")), false, Articles.SAVE);
    }

    private CommentCalls api(Optional<Integer> closeAfterDays) {
        return new CommentCalls(new CommentsFunction(new CommentService(articles, new DynamoDbCommentStore(dynamoDb,
                table), new Hasher("test-salt-of-sufficient-length"), clock, ArticleIds.generator(), closeAfterDays),
                CommentCalls.ORIGIN_SECRET, STOCKHOLM));
    }

    @Test
    void formPost_shouldRedirectToTheThankYou_andStoreThePendingCommentWithoutEmailOrAddressInClear() {
        APIGatewayV2HTTPResponse response = api.form(article.id(), "198.51.100.7",
                fields("Karin i Torekov", EMAIL, "Bra att det utreds – äntligen.\n\nHur följer vi arbetet?"));

        assertThat(response.getStatusCode()).isEqualTo(303);
        assertThat(response.getHeaders()).containsEntry("Location", article.url() + "#tack");
        List<Map<String, AttributeValue>> comments = comments();
        assertThat(comments).singleElement().satisfies(c -> {
            assertThat(c.get("status").s()).isEqualTo("pending");
            assertThat(c.get("queueKey").s()).isEqualTo("pending");
            assertThat(c.get("body").s()).isEqualTo("Bra att det utreds – äntligen.\n\nHur följer vi arbetet?");
        });
        String everything = Tables.items(dynamoDb, table).toString().toLowerCase(Locale.ROOT);
        assertThat(everything).doesNotContain(EMAIL).doesNotContain("198.51.100.7");
    }

    @Test
    void jsonPost_shouldAnswer202WithTheIdAndPending() {
        APIGatewayV2HTTPResponse response = api.json(article.id(), "198.51.100.8",
                "{\"author\": \"Karin\", \"email\": \"" + EMAIL + "\", \"body\": \"Hej!\"}");

        assertThat(response.getStatusCode()).isEqualTo(202);
        assertThat(json(response).path("status").asText()).isEqualTo("pending");
        assertThat(json(api.queue(Map.of())).path("items").get(0).path("id").asText())
                .isEqualTo(json(response).path("id").asText());
    }

    @Test
    void honeypot_shouldBeAnsweredLikeSuccess_andStoredAsSpamOutsideTheQueue() {
        Map<String, String> bot = fields("Bot", "bot@example.com", "Köp billigt!");
        bot.put("website", "https://spam.example");

        APIGatewayV2HTTPResponse response = api.form(article.id(), "198.51.100.9", bot);

        assertThat(response.getStatusCode()).isEqualTo(303);
        assertThat(comments()).singleElement().satisfies(c -> {
            assertThat(c.get("status").s()).isEqualTo("spam");
            assertThat(c).doesNotContainKey("queueKey");
        });
        assertThat(json(api.queue(Map.of())).path("items")).isEmpty();
    }

    @Test
    void replies_shouldNeedAnApprovedParent_andStopAtFiveLevels() {
        String parent = post("198.51.100.10", "Första", "Hej");
        assertThat(reply(parent, "198.51.100.11", "Svar till väntande").getStatusCode()).isEqualTo(422);
        api.moderate(article.id(), parent, "approved");
        for (int level = 2; level <= 5; level++) {
            APIGatewayV2HTTPResponse reply = reply(parent, "198.51.100." + (20 + level), "Svar nivå " + level);
            assertThat(reply.getStatusCode()).as(reply.getBody()).isEqualTo(202);
            parent = json(reply).path("id").asText();
            api.moderate(article.id(), parent, "approved");
        }

        APIGatewayV2HTTPResponse tooDeep = reply(parent, "198.51.100.99", "Nivå sex");

        assertThat(tooDeep.getStatusCode()).isEqualTo(422);
        assertThat(json(tooDeep).path("errors").get(0).path("field").asText()).isEqualTo("parentId");
        assertThat(comments()).hasSize(5);
    }

    @Test
    void badPosts_shouldGetAProblemNamingTheField_andLeaveNothingBehind() {
        List<String> before = Tables.keys(dynamoDb, table);

        assertProblem(api.json(article.id(), "1.1.1.1", "{\"author\": \"\", \"email\": \"x\", \"body\": \"\"}"), 422,
                "author", "email", "body");
        assertProblem(api.json(article.id(), "1.1.1.2", "{\"author\": \"" + "a".repeat(246) + "\", \"email\": \""
                + EMAIL + "\", \"body\": \"" + "b".repeat(5001) + "\"}"), 422, "author", "body");
        assertProblem(api.json(article.id(), "1.1.1.3", "{\"author\": \"A\", \"email\": \"" + "e".repeat(95)
                + "@example.se\", \"body\": \"B\"}"), 422, "email");
        assertProblem(api.json(article.id(), "1.1.1.4", "{\"author\": \"A\", \"namn\": \"x\"}"), 400, "namn");
        assertProblem(api.json(article.id(), "1.1.1.5", "{\"author\": "), 400);
        assertProblem(api.json(ArticleIds.generator().get(), "1.1.1.6", valid("Hej")), 404);
        Article draft = articles.create(Articles.draft("Utkast"), false, Articles.SAVE);
        assertProblem(api.json(draft.id(), "1.1.1.7", valid("Hej")), 404);
        assertProblem(api.call(CommentCalls.event("POST /api/articles/{id}/comments", Map.of("id", article.id()),
                Map.of("content-type", "text/plain"), "Hej", null, "1.1.1.8")), 415);
        assertProblem(api.json(article.id(), "1.1.1.9", "{\"author\": \"A\", \"email\": \"" + EMAIL
                + "\", \"body\": \"" + "å".repeat(600_000) + "\"}"), 413);

        assertThat(Tables.keys(dynamoDb, table)).isEqualTo(concat(before, "ARTICLE#" + draft.id(), "SLUG#utkast"));
    }

    @Test
    void formPostWithErrors_shouldGetAnErrorSummaryPage_linkingBackToTheForm() {
        APIGatewayV2HTTPResponse response = api.form(article.id(), "1.1.2.1", fields("", "inte-en-adress", "Hej"));

        assertThat(response.getStatusCode()).isEqualTo(422);
        assertThat(response.getHeaders().get("Content-Type")).startsWith("text/html");
        assertThat(response.getBody()).contains("role=\"alert\"", "Kommentaren kunde inte skickas",
                "<strong>Namn:</strong> Skriv ditt namn.", "<strong>E-post:</strong>",
                "href=\"" + article.url() + "#kommentera\"");
        assertThat(comments()).isEmpty();
    }

    @Test
    void closedComments_shouldBeRefusedWith403_byFlagOrByAge() {
        Article closed = articles.create(new Article(ArticleIds.generator().get(), "stangd", "Stängd", "", "Text",
                List.of(), List.of(), ArticleStatus.PUBLISHED, Optional.empty(), article.publishedAt(),
                article.createdAt(), article.updatedAt(), "Red", false, 1, List.of()), false, Articles.SAVE);
        assertProblem(api.json(closed.id(), "1.1.3.1", valid("Hej")), 403);

        clock.advance(Duration.ofDays(31));
        assertProblem(api(Optional.of(30)).json(article.id(), "1.1.3.2", valid("Hej")), 403);
        assertThat(comments()).isEmpty();
    }

    @Test
    void theSameCommentAgain_shouldBe409_andAFloodFromOneClient429WithRetryAfter() {
        assertThat(api.json(article.id(), "1.1.4.1", valid("Samma text")).getStatusCode()).isEqualTo(202);
        clock.advance(Duration.ofSeconds(20));
        assertProblem(api.json(article.id(), "1.1.4.2", valid("Samma text")), 409, "body");

        assertThat(api.json(article.id(), "1.1.4.3", valid("Första")).getStatusCode()).isEqualTo(202);
        clock.advance(Duration.ofSeconds(5));
        APIGatewayV2HTTPResponse flood = api.json(article.id(), "1.1.4.3", valid("Andra"));
        assertProblem(flood, 429);
        assertThat(flood.getHeaders()).containsEntry("Retry-After", "15");
        clock.advance(Duration.ofSeconds(11));
        assertThat(api.json(article.id(), "1.1.4.3", valid("Tredje")).getStatusCode()).isEqualTo(202);

        assertThat(comments()).hasSize(3);
    }

    @Test
    void readersBehindOneCloudFrontEdge_shouldEachHaveTheirOwnLimits() {
        // Both arrive from the same edge address (CommentCalls.EDGE); CloudFront names each viewer.
        assertThat(api.json(article.id(), "198.51.100.40", valid("Från den ena")).getStatusCode()).isEqualTo(202);
        clock.advance(Duration.ofSeconds(2));

        APIGatewayV2HTTPResponse other = api.json(article.id(), "198.51.100.41",
                "{\"author\": \"Bo\", \"email\": \"bo@example.se\", \"body\": \"Från den andra\"}");

        assertThat(other.getStatusCode()).as(other.getBody()).isEqualTo(202);
        assertThat(comments()).hasSize(2);
    }

    @Test
    void oneClientRotatingItsIpv6Addresses_shouldBeOneClient() {
        assertThat(api.json(article.id(), "2001:db8:1:2::a", valid("Första")).getStatusCode()).isEqualTo(202);
        clock.advance(Duration.ofSeconds(2));

        assertProblem(api.json(article.id(), "2001:db8:1:2:ffff::b", valid("Andra")), 429);
        assertThat(api.json(article.id(), "2001:db8:1:3::a", valid("Tredje")).getStatusCode()).isEqualTo(202);
    }

    @Test
    void aPostNotThroughCloudFront_shouldBe403_whateverViewerItClaims_andStoreNothing() {
        List<String> before = Tables.keys(dynamoDb, table);
        Map<String, String> forged = Map.of("content-type", "application/json",
                CloudFrontOrigin.VIEWER_HEADER, "198.51.100.50:1234");

        assertProblem(api.call(CommentCalls.direct("POST /api/articles/{id}/comments", Map.of("id", article.id()),
                forged, valid("Direkt"), null, "198.51.100.50")), 403);
        Map<String, String> wrongSecret = new HashMap<>(forged);
        wrongSecret.put(CloudFrontOrigin.SECRET_HEADER, "a-guess-of-the-origin-secret");
        assertProblem(api.call(CommentCalls.direct("POST /api/articles/{id}/comments", Map.of("id", article.id()),
                wrongSecret, valid("Gissat"), null, "198.51.100.50")), 403);

        assertThat(Tables.keys(dynamoDb, table)).isEqualTo(before);
    }

    @Test
    void moderatingACommentWhoseArticleIsGone_shouldBe404() {
        String id = post("6.6.6.1", "Karin", "Kvar efter nyheten");
        articles.delete(article.id(), Optional.empty(),
                Articles.SAVE); // the store alone: as if it slipped in during a DELETE

        assertProblem(api.moderate(article.id(), id, "approved"), 404);
        assertThat(comments()).singleElement().satisfies(c -> assertThat(c.get("status").s()).isEqualTo("pending"));
        assertThat(api.delete(article.id(), id).getStatusCode()).isEqualTo(204);
        assertThat(comments()).isEmpty();
    }

    @Test
    void oneClient_shouldGetAtMostTwentyCommentsAnHour() {
        clock = new TestClock(Instant.parse("2019-12-05T08:00:00Z"));
        api = api(Optional.empty());
        for (int i = 0; i < 20; i++) {
            assertThat(api.json(article.id(), "1.1.5.1", valid("Kommentar " + i)).getStatusCode()).isEqualTo(202);
            clock.advance(Duration.ofSeconds(16));
        }

        APIGatewayV2HTTPResponse over = api.json(article.id(), "1.1.5.1", valid("En för mycket"));

        assertProblem(over, 429);
        assertThat(Long.parseLong(over.getHeaders().get("Retry-After"))).isBetween(1L, 3600L);
        assertThat(comments()).hasSize(20);
    }

    @Test
    void moderation_shouldApproveRejectMarkSpamAndDelete_keepingTheQueueToPendingOnes() {
        String first = post("2.2.2.1", "A", "Ett");
        clock.advance(Duration.ofSeconds(1));
        String second = post("2.2.2.2", "B", "Två");
        String third = post("2.2.2.3", "C", "Tre");

        var page = json(api.queue(Map.of("limit", "2")));
        assertThat(page.path("items").findValuesAsText("body")).containsExactly("Ett", "Två");
        assertThat(page.path("items").get(0).path("id").asText()).isEqualTo(first);
        assertThat(page.path("items").get(1).path("id").asText()).isEqualTo(second);
        assertThat(json(api.queue(Map.of("limit", "2", "cursor", page.path("nextCursor").asText())))
                .path("items").findValuesAsText("body")).containsExactly("Tre");

        assertThat(json(api.moderate(article.id(), first, "approved")).path("status").asText()).isEqualTo("approved");
        assertThat(json(api.moderate(article.id(), second, "spam")).path("status").asText()).isEqualTo("spam");
        assertThat(api.delete(article.id(), third).getStatusCode()).isEqualTo(204);

        assertThat(json(api.queue(Map.of())).path("items")).isEmpty();
        assertThat(api.moderate(article.id(), third, "approved").getStatusCode()).isEqualTo(404);
        assertThat(api.moderate(article.id(), first, "publicerad").getStatusCode()).isEqualTo(422);
        assertThat(api.call(CommentCalls.event("GET /api/comments", Map.of(), Map.of(), null, null, "1.1.1.1"))
                .getStatusCode()).isEqualTo(401);
        // The deleted comment's erasure marker went with it; the two kept comments keep theirs.
        assertThat(Tables.keys(dynamoDb, table)).filteredOn(k -> k.startsWith("EMAIL#")).hasSize(2);
    }

    @Test
    void queue_shouldNameAndLinkEachCommentsArticle_readingThemInOneBatchAPage() {
        // GIVEN comments on two articles, the second unpublished since
        Article other = articles.create(Articles.published(Articles.draft("Ny förskola i Förslöv"),
                article.publishedAt().orElseThrow()), false, Articles.SAVE);
        post("4.4.4.1", "Karin", "Ett");
        clock.advance(Duration.ofSeconds(1));
        api.json(other.id(), "4.4.4.2", valid("Två"));
        clock.advance(Duration.ofSeconds(1));
        post("4.4.4.3", "Bo", "Tre");
        articles.update(other, other.toBuilder().status(ArticleStatus.DRAFT).version(other.version() + 1).build(),
                Articles.SAVE);
        CapacityMeter meter = new CapacityMeter(dynamoDb);
        CommentCalls metered = new CommentCalls(new CommentsFunction(new CommentService(
                new DynamoDbArticleStore(meter.client(), table), new DynamoDbCommentStore(meter.client(), table),
                new Hasher("test-salt-of-sufficient-length"), clock, ArticleIds.generator(), Optional.empty()),
                CommentCalls.ORIGIN_SECRET, STOCKHOLM));

        // WHEN
        JsonNode items = json(metered.queue(Map.of())).path("items");

        // THEN oldest first, each naming its article (a link only to a published one), from two reads in all
        assertThat(items.findValuesAsText("body")).containsExactly("Ett", "Två", "Tre");
        assertThat(items.get(0).path("article").toString()).isEqualTo("{\"id\":\"" + article.id()
                + "\",\"title\":\"Politiska styrningen utreds\",\"url\":\"" + article.url() + "\"}");
        assertThat(items.get(1).path("article").path("title").asText()).isEqualTo("Ny förskola i Förslöv");
        assertThat(items.get(1).path("article").path("url").isNull()).isTrue();
        assertThat(items.get(2).path("article").path("id").asText()).isEqualTo(article.id());
        assertThat(items.get(0).path("articleId").asText()).isEqualTo(article.id());
        assertThat(meter.calls()).isEqualTo(2);
    }

    @Test
    void erasure_shouldRemoveEveryCommentOfAnEmail_andNothingElse() {
        Article other = articles.create(Articles.published(Articles.draft("Annan nyhet"), article.publishedAt()
                .orElseThrow()), false, Articles.SAVE);
        post("3.3.3.1", "Karin", "Ett");
        post("3.3.3.2", "Karin", "Två");
        api.json(other.id(), "3.3.3.3", valid("Tre"));
        api.json(article.id(), "3.3.3.4", "{\"author\": \"Bo\", \"email\": \"bo@example.se\", \"body\": \"Bos\"}");

        APIGatewayV2HTTPResponse erased = api.erase("  KARIN@example.se ");

        assertThat(json(erased).path("erased").asInt()).isEqualTo(3);
        assertThat(comments()).extracting(c -> c.get("author").s()).containsExactly("Bo");
        assertThat(Tables.keys(dynamoDb, table)).filteredOn(k -> k.startsWith("EMAIL#")).hasSize(1);
    }

    @Test
    void aThousandReadersAtOnce_shouldAllBeStoredExactlyOnce_withUniqueIds() throws Exception {
        int posts = 1000;
        ExecutorService pool = Executors.newFixedThreadPool(32);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<APIGatewayV2HTTPResponse>> responses = new ArrayList<>();
        for (int i = 0; i < posts; i++) {
            int n = i;
            Callable<APIGatewayV2HTTPResponse> post = () -> {
                start.await();
                return api.json(article.id(), "10.%d.%d.%d".formatted(n / 65536, (n / 256) % 256, n % 256),
                        "{\"author\": \"Läsare " + n + "\", \"email\": \"l" + n + "@example.se\", \"body\": "
                                + "\"Kommentar nummer " + n + "\"}");
            };
            responses.add(pool.submit(post));
        }
        start.countDown();
        Set<String> ids = new HashSet<>();
        for (Future<APIGatewayV2HTTPResponse> response : responses) {
            assertThat(response.get().getStatusCode()).as(response.get().getBody()).isEqualTo(202);
            ids.add(json(response.get()).path("id").asText());
        }
        pool.shutdown();

        assertThat(ids).hasSize(posts);
        List<Map<String, AttributeValue>> stored = comments();
        assertThat(stored).hasSize(posts);
        assertThat(stored.stream().map(c -> c.get("id").s()).toList()).containsExactlyInAnyOrderElementsOf(ids);
    }

    @Test
    void theSameFormSentTwiceAtOnce_shouldBeStoredOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<APIGatewayV2HTTPResponse>> responses = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            responses.add(pool.submit(() -> {
                start.await();
                return api.form(article.id(), "4.4.4.4", fields("Karin", EMAIL, "Dubbelklick"));
            }));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<APIGatewayV2HTTPResponse> r : responses) {
            statuses.add(r.get().getStatusCode());
        }
        pool.shutdown();

        assertThat(statuses).contains(303).hasSize(2);
        assertThat(comments()).hasSize(1);
    }

    @Test
    void fullFlow_shouldShowACommentOnThePageOnlyOnceApproved_inItsThread() {
        SiteRenderer renderer = new SiteRenderer(new SiteSettings("Båstads Kommun", URI.create("https://www.bastad.se"),
                STOCKHOLM), new Labels(Locale.forLanguageTag("sv-SE")));
        DynamoDbSiteContent content = new DynamoDbSiteContent(new DynamoDbSiteReads(dynamoDb, table), STOCKHOLM);
        Page page = new Page.ArticlePage(article.id(), article.slug());

        String first = post("5.5.5.1", "Karin <script>alert(1)</script>", "Läs mer på https://www.bastad.se/ny.");
        assertThat(render(renderer, page, content)).doesNotContain("Karin");

        api.moderate(article.id(), first, "approved");
        clock.advance(Duration.ofMinutes(5));
        String reply = json(reply(first, "5.5.5.2", "Tack!")).path("id").asText();
        api.moderate(article.id(), reply, "approved");

        String html = render(renderer, page, content);
        assertThat(html).contains("Karin &lt;script&gt;alert(1)&lt;/script&gt;")
                .doesNotContain("<script>alert(1)")
                .contains("<a href=\"https://www.bastad.se/ny\" rel=\"nofollow ugc\">https://www.bastad.se/ny</a>.");
        int parentAt = html.indexOf("id=\"kommentar-" + first + "\"");
        int replyAt = html.indexOf("id=\"kommentar-" + reply + "\"");
        assertThat(parentAt).isPositive();
        assertThat(replyAt).isGreaterThan(parentAt);
        assertThat(html.substring(parentAt, replyAt)).contains("<ol class=\"comment-list\">");
    }

    private String post(String ip, String author, String body) {
        APIGatewayV2HTTPResponse response = api.json(article.id(), ip, "{\"author\": \"" + author.replace("\"", "\\\"")
                + "\", \"email\": \"" + EMAIL + "\", \"body\": \"" + body + "\"}");
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(202);
        return json(response).path("id").asText();
    }

    private APIGatewayV2HTTPResponse reply(String parentId, String ip, String body) {
        return api.json(article.id(), ip, "{\"author\": \"Bo\", \"email\": \"bo@example.se\", \"body\": \"" + body
                + "\", \"parentId\": \"" + parentId + "\"}");
    }

    private static String valid(String body) {
        return "{\"author\": \"Karin\", \"email\": \"" + EMAIL + "\", \"body\": \"" + body + "\"}";
    }

    private List<Map<String, AttributeValue>> comments() {
        return Tables.items(dynamoDb, table).stream()
                .filter(i -> "comment".equals(Optional.ofNullable(i.get("type")).map(AttributeValue::s).orElse("")))
                .toList();
    }

    private static String render(SiteRenderer renderer, Page page, DynamoDbSiteContent content) {
        return new String(renderer.render(page, content).orElseThrow().body(), StandardCharsets.UTF_8);
    }

    private static void assertProblem(APIGatewayV2HTTPResponse response, int status, String... fields) {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(status);
        assertThat(response.getHeaders().get("Content-Type")).isEqualTo("application/problem+json");
        if (fields.length > 0) {
            assertThat(json(response).path("errors").findValuesAsText("field")).contains(fields);
        }
    }

    private static List<String> concat(List<String> keys, String... more) {
        List<String> all = new ArrayList<>(keys);
        all.addAll(List.of(more));
        return all.stream().sorted().toList();
    }
}
