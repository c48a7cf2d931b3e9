package se.newsroom.articles;

import static org.assertj.core.api.Assertions.assertThat;
import static se.newsroom.articles.ApiCalls.json;

import java.time.Clock;
import java.time.Instant;
import java.time.Year;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import se.newsroom.content.Comment;
import se.newsroom.content.CommentStatus;
import se.newsroom.content.CommentStore;
import se.newsroom.table.DynamoDbArticleStore;
import se.newsroom.table.DynamoDbCommentStore;
import se.newsroom.testing.Articles;
import se.newsroom.testing.Tables;

/** The article API as an editor uses it, through the handler, on a real emulator chosen by each subclass. */
abstract class ArticlesFunctionContract {
    private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");

    private DynamoDbClient client;
    private String table;
    private ApiCalls api;
    private RendezvousStore store;

    abstract DynamoDbClient client();

    @BeforeEach
    void freshTable() {
        client = client();
        table = Tables.fresh(client);
        store = new RendezvousStore(new DynamoDbArticleStore(client, table));
        api = new ApiCalls(new ArticlesFunction(new ArticleService(store, new DynamoDbCommentStore(client, table),
                Clock.systemUTC(), ArticleIds.generator()), STOCKHOLM));
    }

    @Test
    void create_shouldAnswer201WithLocationAndETag_andTheArticleReadsBackIntact() {
        // WHEN
        APIGatewayV2HTTPResponse created = api.post("""
                {"title": "Politiska styrningen av Individ och familj utreds",
                 "summary": "Ett extra informationsärende.",
                 "body": "– Jag kommer att titta på detta,\\u00a0säger Johan Olsson Swanstein.",
                 "categories": ["Individ och familj"], "status": "published",
                 "publishedAt": "2019-12-04T16:30:00+01:00"}""");

        // THEN
        assertThat(created.getStatusCode()).isEqualTo(201);
        JsonNode body = json(created);
        String id = body.path("id").asText();
        assertThat(created.getHeaders()).containsEntry("Location", "/api/articles/" + id)
                .containsEntry("ETag", "\"1\"");
        assertThat(body.path("slug").asText()).isEqualTo("politiska-styrningen-av-individ-och-familj-utreds");
        assertThat(body.path("url").asText()).isEqualTo("/nyheter/politiska-styrningen-av-individ-och-familj-utreds/");
        assertThat(body.path("publishedAt").asText()).isEqualTo("2019-12-04T16:30:00+01:00");
        assertThat(body.path("author").asText()).isEqualTo("Anna Redaktör");
        assertThat(body.path("version").asLong()).isEqualTo(1);

        APIGatewayV2HTTPResponse read = api.get(id);
        assertThat(read.getStatusCode()).isEqualTo(200);
        assertThat(read.getHeaders()).containsEntry("ETag", "\"1\"");
        assertThat(json(read).path("body").asText())
                .isEqualTo("– Jag kommer att titta på detta,\u00a0säger Johan Olsson Swanstein.");
    }

    @Test
    void create_shouldGiveTheSecondArticleWithTheSameTitleTheSlugWithMinus2() {
        api.post("{\"title\": \"Vinterväghållning i Båstad\"}");

        JsonNode second = json(api.post("{\"title\": \"Vinterväghållning i Båstad\"}"));

        assertThat(second.path("slug").asText()).isEqualTo("vintervaghallning-i-bastad-2");
    }

    @Test
    void list_shouldFilterByStatus_andPageWithAnOpaqueCursor() {
        // GIVEN
        api.post("{\"title\": \"Utkast\"}");
        String older = id(api.post(published("Äldre nyhet", "2019-12-03T10:00:00+01:00")));
        String newer = id(api.post(published("Nyare nyhet", "2019-12-04T10:00:00+01:00")));

        // WHEN
        JsonNode first = json(api.list(Map.of("status", "published", "limit", "1")));
        JsonNode second = json(api.list(Map.of("status", "published", "limit", "1",
                "cursor", first.path("nextCursor").asText())));

        // THEN
        assertThat(first.path("items").get(0).path("id").asText()).isEqualTo(newer);
        assertThat(first.path("items").get(0).has("body")).isFalse();
        assertThat(second.path("items").get(0).path("id").asText()).isEqualTo(older);
        assertThat(json(api.list(Map.of())).path("items")).hasSize(3);
        assertThat(api.list(Map.of("status", "live")).getStatusCode()).isEqualTo(400);
        assertThat(api.list(Map.of("limit", "1000")).getStatusCode()).isEqualTo(400);
        assertThat(api.list(Map.of("cursor", "trasig")).getStatusCode()).isEqualTo(400);
    }

    @Test
    void list_shouldSearchTitles_foldedForCaseAndDiacritics_withinAStatus() {
        // GIVEN
        String draft = id(api.post("{\"title\": \"Vägarbete på Storgatan\"}"));
        String live = id(api.post(published("VÄGARBETE vid stationen", "2019-12-04T10:00:00+01:00")));
        api.post("{\"title\": \"Badplatser\"}");

        // WHEN / THEN
        assertThat(json(api.list(Map.of("q", "vagarbete"))).path("items").findValuesAsText("id"))
                .containsExactly(draft, live);
        assertThat(json(api.list(Map.of("q", "Väg", "status", "published"))).path("items").findValuesAsText("id"))
                .containsExactly(live);
        assertThat(json(api.list(Map.of("q", "skola"))).path("items")).isEmpty();
        assertThat(api.list(Map.of("q", "x".repeat(201))).getStatusCode()).isEqualTo(400);
    }

    @Test
    void categories_shouldListEveryCategoryOfAnyArticle_withSlugAndCount_inSwedishOrder() {
        // GIVEN three articles, two of them spelling "Trafik" as most do
        api.post("{\"title\": \"Ett\", \"categories\": [\"Äldreomsorg\", \"Trafik\"]}");
        api.post("{\"title\": \"Två\", \"categories\": [\"trafik\", \"Zon\"], \"body\": \"Text\", "
                + "\"status\": \"published\"}");
        api.post("{\"title\": \"Tre\", \"categories\": [\"Trafik\"]}");

        // WHEN
        APIGatewayV2HTTPResponse response = api.call("GET /api/categories", Map.of(), Map.of(), null,
                ApiCalls.EDITOR);

        // THEN
        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(json(response).toString()).isEqualTo("{\"items\":["
                + "{\"name\":\"Trafik\",\"slug\":\"trafik\",\"count\":3},"
                + "{\"name\":\"Zon\",\"slug\":\"zon\",\"count\":1},"
                + "{\"name\":\"Äldreomsorg\",\"slug\":\"aldreomsorg\",\"count\":1}]}");
        assertThat(api.call("GET /api/categories", Map.of(), Map.of(), null, null).getStatusCode()).isEqualTo(401);
    }

    @Test
    void replace_shouldPublishADraft_whenIfMatchIsCurrent() {
        // GIVEN
        String id = id(api.post("{\"title\": \"Öppet hus\", \"body\": \"Välkommen.\"}"));

        // WHEN
        APIGatewayV2HTTPResponse published = api.put(id, "\"1\"",
                "{\"title\": \"Öppet hus\", \"body\": \"Välkommen!\", \"status\": \"published\"}");

        // THEN
        assertThat(published.getStatusCode()).isEqualTo(200);
        assertThat(published.getHeaders()).containsEntry("ETag", "\"2\"");
        assertThat(json(published).path("status").asText()).isEqualTo("published");
        assertThat(json(published).path("publishedAt").asText()).isNotEmpty();
        assertThat(json(api.get(id)).path("body").asText()).isEqualTo("Välkommen!");
    }

    @Test
    void replace_shouldSchedule_whenPublishAtIsInTheFuture() {
        String id = id(api.post("{\"title\": \"Julmarknad\", \"body\": \"Torget.\"}"));

        String nextYear = Year.now().plusYears(1) + "-12-13T10:00:00+01:00";
        JsonNode scheduled = json(api.put(id, "1", """
                {"title": "Julmarknad", "body": "Torget.", "status": "scheduled",
                 "publishAt": "%s"}""".formatted(nextYear)));

        assertThat(scheduled.path("status").asText()).isEqualTo("scheduled");
        assertThat(scheduled.path("publishAt").asText()).isEqualTo(nextYear);
        assertThat(scheduled.has("publishedAt")).isFalse();
    }

    @Test
    void replace_shouldAnswer412AndChangeNothing_whenIfMatchIsStale() {
        // GIVEN
        String id = id(api.post("{\"title\": \"Rubrik\"}"));
        api.put(id, "\"1\"", "{\"title\": \"Första ändringen\"}");

        // WHEN
        APIGatewayV2HTTPResponse stale = api.put(id, "\"1\"", "{\"title\": \"Andra ändringen\"}");

        // THEN
        assertThat(stale.getStatusCode()).isEqualTo(412);
        assertThat(json(stale).path("detail").asText()).contains("version 2, not 1");
        assertThat(json(api.get(id)).path("title").asText()).isEqualTo("Första ändringen");
    }

    @Test
    void replaceAndDelete_shouldAnswer412AndChangeNothing_whenIfMatchIsWeak() {
        String id = id(api.post("{\"title\": \"Rubrik\"}"));

        APIGatewayV2HTTPResponse weak = api.put(id, "W/\"1\"", "{\"title\": \"Ny\"}");

        assertProblem(weak, 412, "weak");
        assertProblem(api.delete(id, "W/\"1\""), 412, "weak");
        assertThat(json(api.get(id)).path("title").asText()).isEqualTo("Rubrik");
        assertThat(api.put(id, "\"1\"", "{\"title\": \"Ny\"}").getStatusCode()).isEqualTo(200);
    }

    @Test
    void replace_shouldAnswer428_withoutIfMatch_and404_forAnUnknownArticle() {
        String id = id(api.post("{\"title\": \"Rubrik\"}"));

        assertThat(api.put(id, null, "{\"title\": \"Ny\"}").getStatusCode()).isEqualTo(428);
        assertThat(api.put(ArticleIds.generator().get(), "\"1\"", "{\"title\": \"Ny\"}").getStatusCode())
                .isEqualTo(404);
        assertThat(api.put(id, "\"ett\"", "{\"title\": \"Ny\"}").getStatusCode()).isEqualTo(400);
        assertThat(json(api.get(id)).path("title").asText()).isEqualTo("Rubrik");
    }

    @Test
    void replace_shouldLetExactlyOneOfTwoEditorsWin_whenBothSendTheSameIfMatch() throws Exception {
        // GIVEN
        String id = id(api.post("{\"title\": \"Rubrik\"}"));
        store.arm(2);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<Integer>> statuses = new ArrayList<>();

        // WHEN
        for (String title : List.of("Anna skriver", "Bo skriver")) {
            Callable<Integer> edit = () -> {
                start.await();
                return api.put(id, "\"1\"", "{\"title\": \"" + title + "\"}").getStatusCode();
            };
            statuses.add(pool.submit(edit));
        }
        start.countDown();
        List<Integer> results = new ArrayList<>();
        for (Future<Integer> status : statuses) {
            results.add(status.get());
        }
        pool.shutdown();

        // THEN
        assertThat(results).containsExactlyInAnyOrder(200, 412);
        assertThat(json(api.get(id)).path("version").asLong()).isEqualTo(2);
    }

    @Test
    void create_shouldGiveTwoDistinctClaimedSlugs_whenTwoEditorsCreateOneTitleAtOnce() throws Exception {
        // GIVEN
        store.arm(2);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<APIGatewayV2HTTPResponse>> responses = new ArrayList<>();

        // WHEN
        for (int i = 0; i < 2; i++) {
            Callable<APIGatewayV2HTTPResponse> create = () -> {
                start.await();
                return api.post("{\"title\": \"Brandrisk i hela kommunen\"}");
            };
            responses.add(pool.submit(create));
        }
        start.countDown();
        List<String> slugs = new ArrayList<>();
        for (Future<APIGatewayV2HTTPResponse> response : responses) {
            assertThat(response.get().getStatusCode()).isEqualTo(201);
            slugs.add(json(response.get()).path("slug").asText());
        }
        pool.shutdown();

        // THEN
        assertThat(slugs).containsExactlyInAnyOrder("brandrisk-i-hela-kommunen", "brandrisk-i-hela-kommunen-2");
        assertThat(Tables.keys(client, table)).filteredOn(k -> k.startsWith("SLUG#")).containsExactly(
                "SLUG#brandrisk-i-hela-kommunen", "SLUG#brandrisk-i-hela-kommunen-2");
        assertThat(Tables.keys(client, table)).filteredOn(k -> k.startsWith("ARTICLE#")).hasSize(2);
    }

    @Test
    void delete_shouldAnswer204_andTheArticleAndItsSlugAreGone() {
        // GIVEN
        String id = id(api.post("{\"title\": \"Tillfällig nyhet\"}"));

        // WHEN
        APIGatewayV2HTTPResponse deleted = api.delete(id, "\"1\"");

        // THEN
        assertThat(deleted.getStatusCode()).isEqualTo(204);
        assertThat(api.get(id).getStatusCode()).isEqualTo(404);
        assertThat(api.delete(id, null).getStatusCode()).isEqualTo(404);
        assertThat(Tables.keys(client, table)).isEmpty();
    }

    @Test
    void datesOutsideTheSitesRange_shouldGet422NamingTheField_andWriteNothing() {
        List<String> before = Tables.keys(client, table);

        assertProblem(api.post("""
                {"title": "Långt fram", "body": "Text.", "status": "scheduled",
                 "publishAt": "+999999999-12-31T23:59:59Z"}"""), 422, "problem");
        assertProblem(api.post("""
                {"title": "Långt fram", "body": "Text.", "status": "scheduled", "publishAt": "+10000-01-01T00:00:00Z"}
                """), 422, "problem");
        APIGatewayV2HTTPResponse old = api.post(published("Förr", "1000-01-01T00:00:00Z"));
        assertProblem(old, 422, "problem");
        assertThat(json(old).path("errors").get(0).path("field").asText()).isEqualTo("publishedAt");

        assertThat(Tables.keys(client, table)).isEqualTo(before);
    }

    @Test
    void aStoredDateBeyondYear9999_shouldNotBreakTheListingOrTheArticle() {
        // GIVEN an article an older version stored scheduled for year 999999999
        String id = id(api.post("{\"title\": \"Julmarknad\", \"body\": \"Torget.\", \"status\": \"scheduled\", "
                + "\"publishAt\": \"" + Year.now().plusYears(1) + "-12-13T10:00:00+01:00\"}"));
        client.updateItem(r -> r.tableName(table).key(Map.of("PK", AttributeValue.fromS("ARTICLE#" + id),
                        "SK", AttributeValue.fromS("A")))
                .updateExpression("SET publishAt = :t, statusSort = :sort")
                .expressionAttributeValues(Map.of(":t", AttributeValue.fromS("+999999999-12-31T23:59:59.000Z"),
                        ":sort", AttributeValue.fromS("+999999999-12-31T23:59:59.000Z#" + id))));

        // WHEN / THEN
        APIGatewayV2HTTPResponse listed = api.list(Map.of());
        assertThat(listed.getStatusCode()).as(listed.getBody()).isEqualTo(200);
        assertThat(json(listed).path("items").get(0).path("publishAt").asText())
                .isEqualTo("+999999999-12-31T23:59:59Z");
        assertThat(api.get(id).getStatusCode()).isEqualTo(200);
    }

    @Test
    void replacingAnArticleWhoseStoredPublishedAtIsBeyondYear9999_shouldAsk422ForANewDate_thenTakeIt() {
        // GIVEN a published article an older version stored as published in year 10000
        String id = id(api.post(published("Valvaka", "2019-12-03T10:00:00+01:00")));
        client.updateItem(r -> r.tableName(table).key(Map.of("PK", AttributeValue.fromS("ARTICLE#" + id),
                        "SK", AttributeValue.fromS("A")))
                .updateExpression("SET publishedAt = :t")
                .expressionAttributeValues(Map.of(":t", AttributeValue.fromS("+10000-01-01T00:00:00.000Z"))));

        // WHEN the editor saves it without a date, THEN a 422 names publishedAt and nothing changes
        APIGatewayV2HTTPResponse kept = api.put(id, "\"1\"", "{\"title\": \"Valvaka\", \"body\": \"Text.\", "
                + "\"status\": \"published\"}");
        assertThat(kept.getStatusCode()).as(kept.getBody()).isEqualTo(422);
        assertThat(json(kept).path("errors").get(0).path("field").asText()).isEqualTo("publishedAt");
        assertThat(json(api.get(id)).path("version").asLong()).isEqualTo(1);

        // WHEN with a date in range, THEN saved
        APIGatewayV2HTTPResponse fixed = api.put(id, "\"1\"", published("Valvaka", "2019-12-03T10:00:00+01:00"));
        assertThat(fixed.getStatusCode()).as(fixed.getBody()).isEqualTo(200);
        assertThat(json(fixed).path("publishedAt").asText()).startsWith("2019-12-03");
    }

    @Test
    void aRenamedArticle_shouldShowItsEarlierSlugs_whoseAddressesRedirectToIt() {
        // GIVEN
        String id = id(api.post("{\"title\": \"Öppet hus\"}"));

        // WHEN
        JsonNode renamed = json(api.put(id, "\"1\"", "{\"title\": \"Öppet hus\", \"slug\": \"oppet-hus-i-maj\"}"));

        // THEN
        assertThat(renamed.path("previousSlugs").toString()).isEqualTo("[\"oppet-hus\"]");
        assertThat(json(api.get(id)).path("previousSlugs").toString()).isEqualTo("[\"oppet-hus\"]");
        assertThat(json(api.list(Map.of())).path("items").get(0).path("previousSlugs").toString())
                .isEqualTo("[\"oppet-hus\"]");
    }

    @Test
    void manySlugChanges_thenDelete_shouldAllSucceed_andLeaveNothingBehind() {
        // GIVEN an article with categories and related articles, renamed 120 times
        String related = id(api.post(published("Läs också", "2019-12-03T10:00:00+01:00")));
        String id = id(api.post("{\"title\": \"Ny förskola\", \"body\": \"Text.\", \"status\": \"published\", "
                + "\"categories\": [\"Skola\", \"Barn\"], \"related\": [\"" + related + "\"]}"));
        for (int i = 1; i <= 120; i++) {
            APIGatewayV2HTTPResponse renamed = api.put(id, "\"" + i + "\"", "{\"title\": \"Ny förskola\", "
                    + "\"body\": \"Text.\", \"status\": \"published\", \"slug\": \"ny-forskola-" + i + "\", "
                    + "\"categories\": [\"Skola\", \"Barn\"], \"related\": [\"" + related + "\"]}");
            assertThat(renamed.getStatusCode()).as(renamed.getBody()).isEqualTo(200);
        }
        assertThat(Tables.keys(client, table)).filteredOn(k -> k.startsWith("SLUG#")).hasSize(122);

        // WHEN
        APIGatewayV2HTTPResponse deleted = api.delete(id, "\"121\"");

        // THEN only the related article and its slug remain
        assertThat(deleted.getStatusCode()).as(deleted.getBody()).isEqualTo(204);
        assertThat(Tables.keys(client, table)).containsExactly("ARTICLE#" + related, "SLUG#las-ocksa");
    }

    @Test
    void delete_shouldEraseTheArticlesCommentsOfEveryStatus_withTheirMarkers_butNotOnAStaleVersion() {
        // GIVEN an article with more comments than one transaction or one page could hold
        String id = id(api.post(published("Kommenterad nyhet", "2019-12-04T16:30:00+01:00")));
        DynamoDbCommentStore comments = new DynamoDbCommentStore(client, table);
        Instant now = Instant.parse("2019-12-05T08:00:00Z");
        for (int i = 0; i < 120; i++) {
            Comment c = new Comment(ArticleIds.generator().get(), id, Optional.empty(), "Läsare " + i, "Text " + i,
                    CommentStatus.PENDING, now, 1);
            comments.post(c, new CommentStore.Hashes("email-" + i, "client-" + i, "text-" + i),
                    new CommentStore.Limits(15, 20), now);
            if (i % 2 == 0) {
                CommentStatus status = i % 4 == 0 ? CommentStatus.APPROVED : CommentStatus.SPAM;
                comments.moderate(id, c.id(), status, Articles.moderated(id, c.id(), status));
            }
        }
        List<String> before = Tables.keys(client, table);

        // WHEN / THEN
        assertThat(api.delete(id, "\"7\"").getStatusCode()).isEqualTo(412);
        assertThat(Tables.keys(client, table)).isEqualTo(before);
        assertThat(api.delete(id, "\"1\"").getStatusCode()).isEqualTo(204);
        assertThat(Tables.keys(client, table)).allMatch(k -> k.startsWith("RATE#"), "only rate counters (TTL) left");
        assertThat(comments.pending(100, Optional.empty()).items()).isEmpty();
    }

    @Test
    void badRequests_shouldGetProblemResponses_andLeaveNothingBehind() {
        // GIVEN
        String existing = id(api.post("{\"title\": \"Befintlig\"}"));
        List<String> before = Tables.keys(client, table);

        // WHEN / THEN
        assertProblem(api.post("{\"title\": \"Trasig\""), 400, "not valid JSON");
        assertProblem(api.post("{\"title\": \"x\", \"rubrik\": \"y\"}"), 400, "rubrik");
        assertProblem(api.call("POST /api/articles", Map.of(), Map.of("content-type", "text/plain"), "Rubrik",
                ApiCalls.EDITOR), 415, "application/json");
        assertProblem(api.post("{\"title\": \"" + "å".repeat(600_000) + "\"}"), 413, "1 MiB");
        assertProblem(api.post("{\"title\": \"\", \"status\": \"scheduled\", \"body\": \"x\"}"), 422, "2 problems");
        assertProblem(api.post("{\"title\": \"Relaterad\", \"related\": [\"" + ArticleIds.generator().get() + "\"]}"),
                422, "Related articles must exist");
        assertProblem(api.put(existing, "\"1\"", "{\"title\": \"\"}"), 422, "problem");
        assertProblem(api.get(ArticleIds.generator().get()), 404, "no article");
        assertProblem(api.get("../../etc/passwd"), 404, "no article");
        assertProblem(api.call("POST /api/articles", Map.of(), Map.of("content-type", "application/json"),
                "{\"title\": \"x\"}", null), 401, "Sign in");
        assertProblem(api.call("POST /api/articles", Map.of(), Map.of("content-type", "application/json"),
                "{\"title\": \"x\"}", Map.of("sub", "reader", "cognito:groups", "[readers]")), 403, "editors");
        assertThat(Tables.keys(client, table)).isEqualTo(before);
    }

    @Test
    void anImportedArticle_shouldShowItsOldAddresses_whichAnEditorsSaveKeepsAndCannotChange() {
        // GIVEN an article with its old site's addresses, as the importer stores it
        Instant at = Instant.parse("2019-12-04T15:30:00Z");
        Article imported = store.create(Article.builder().id(ArticleIds.generator().get()).slug("forskola-i-ljusdal")
                .title("Förskola i Ljusdal").summary("").body("Text.").categories(List.of()).related(List.of())
                .status(ArticleStatus.PUBLISHED).publishAt(Optional.empty()).publishedAt(Optional.of(at))
                .createdAt(at).updatedAt(at).author("Anna").commentsOpen(true).version(1).previousSlugs(List.of())
                .legacyPaths(List.of("/2019/12/04/forskola-i-ljusdal/", "/?p=123")).build(), true, Articles.SAVE);

        // WHEN an editor reads it
        JsonNode read = json(api.get(imported.id()));

        // THEN its old addresses are shown
        assertThat(read.path("legacyPaths").toString()).isEqualTo("[\"/2019/12/04/forskola-i-ljusdal/\",\"/?p=123\"]");

        // WHEN the editor saves it with other addresses sent along (a client sending back what it read)
        APIGatewayV2HTTPResponse saved = api.put(imported.id(), "\"1\"", """
                {"title": "Förskolan i Ljusdal", "body": "Text.", "status": "published",
                 "legacyPaths": ["/annan-adress/"]}""");

        // THEN the save succeeds and keeps the old addresses: they are read-only
        assertThat(saved.getStatusCode()).as(saved.getBody()).isEqualTo(200);
        assertThat(json(saved).path("legacyPaths").toString())
                .isEqualTo("[\"/2019/12/04/forskola-i-ljusdal/\",\"/?p=123\"]");
        // AND a listing, which the index serves, does not carry them
        assertThat(json(api.list(Map.of())).path("items").get(0).has("legacyPaths")).isFalse();
        // AND an article made here shows none
        assertThat(json(api.post("{\"title\": \"Ny\"}")).path("legacyPaths").toString()).isEqualTo("[]");
    }

    private static void assertProblem(APIGatewayV2HTTPResponse response, int status, String detail) {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(status);
        assertThat(response.getHeaders()).containsEntry("Content-Type", "application/problem+json");
        JsonNode problem = json(response);
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("detail").asText()).contains(detail).doesNotContain("Exception");
    }

    private static String published(String title, String at) {
        return "{\"title\": \"" + title + "\", \"body\": \"Text.\", \"status\": \"published\", \"publishedAt\": \""
                + at + "\"}";
    }

    private static String id(APIGatewayV2HTTPResponse response) {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(201);
        return json(response).path("id").asText();
    }
}
