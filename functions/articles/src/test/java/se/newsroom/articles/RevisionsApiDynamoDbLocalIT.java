package se.newsroom.articles;

import static org.assertj.core.api.Assertions.assertThat;
import static se.newsroom.articles.ApiCalls.EDITOR;
import static se.newsroom.articles.ApiCalls.json;

import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import se.newsroom.content.ArticleIds;
import se.newsroom.table.DynamoDbArticleStore;
import se.newsroom.table.DynamoDbAuditLog;
import se.newsroom.table.DynamoDbCommentStore;
import se.newsroom.testing.DynamoDbLocal;
import se.newsroom.testing.Tables;

/** An article's revisions and the audit log through ArticlesFunction, against DynamoDB Local. */
class RevisionsApiDynamoDbLocalIT {
    /** An administrator, who reads the audit log. */
    private static final Map<String, String> ADMIN = Map.of("sub", "admin-1", "cognito:groups", "[admins]",
            "name", "Ada Administratör");
    private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");

    private ArticlesFunction function;
    private ApiCalls api;

    @BeforeEach
    void freshTable() {
        DynamoDbClient client = DynamoDbLocal.client();
        String table = Tables.fresh(client);
        function = new ArticlesFunction(new ArticleService(new DynamoDbArticleStore(client, table),
                new DynamoDbCommentStore(client, table), Clock.systemUTC(), ArticleIds.generator()),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(new DynamoDbAuditLog(client, table)),
                STOCKHOLM);
        api = new ApiCalls(function);
    }

    @Test
    void revisions_shouldListEverySaveNewestFirst_withWhoAndWhatChanged() {
        // GIVEN an article created, then edited twice
        String id = publishedArticleEditedTwice();

        // WHEN
        JsonNode list = json(revisions(id, Map.of()));

        // THEN
        assertThat(list.path("items")).extracting(i -> i.path("version").asLong()).containsExactly(3L, 2L, 1L);
        assertThat(list.path("items")).extracting(i -> i.path("action").asText())
                .containsExactly("edit", "edit", "create");
        JsonNode newest = list.path("items").get(0);
        assertThat(newest.path("savedBy").path("name").asText()).isEqualTo("Anna Redaktör");
        assertThat(newest.path("changed")).extracting(JsonNode::asText).containsExactly("body");
        assertThat(list.path("items").get(1).path("changed")).extracting(JsonNode::asText)
                .containsExactly("title", "slug");
        assertThat(newest.path("savedAt").asText()).endsWith("+01:00");
        assertThat(list.has("nextCursor")).isFalse();
    }

    @Test
    void revision_shouldShowTheArticleAsSaved_andAWordDiffAgainstTheVersionBefore() {
        // GIVEN
        String id = publishedArticleEditedTwice();

        // WHEN
        JsonNode second = json(revision(id, "2", Map.of()));
        JsonNode third = json(revision(id, "3", Map.of("against", "1")));

        // THEN version 2 is compared with 1: the title's changed word, the slug
        assertThat(second.path("article").path("title").asText()).isEqualTo("Nya badplatser i Båstad i sommar");
        assertThat(second.path("against").asLong()).isEqualTo(1);
        JsonNode title = change(second, "title");
        assertThat(title.path("before").asText()).isEqualTo("Nya badplatser i Båstad");
        assertThat(title.path("after").asText()).isEqualTo("Nya badplatser i Båstad i sommar");
        assertThat(title.path("diff")).extracting(d -> d.path("op").asText() + ":" + d.path("text").asText())
                .containsExactly("equal:Nya badplatser i Båstad", "insert: i sommar");
        assertThat(second.path("changes")).extracting(c -> c.path("field").asText()).containsExactly("title", "slug");
        // and version 3 against 1: the body's one changed word, within its line, no-break space intact
        JsonNode body = change(third, "body");
        assertThat(body.path("diff")).extracting(d -> d.path("op").asText() + ":" + d.path("text").asText())
                .containsExactly("equal:Badet öppnar 1\u00a0juni.\nVattnet är ", "delete:kallt", "insert:varmt",
                        "equal:.");
        assertThat(third.path("against").asLong()).isEqualTo(1);
    }

    @Test
    void revision_shouldAnswer404_forAVersionNotKept_andAnAgainstNotKept() {
        String id = publishedArticleEditedTwice();

        assertThat(revision(id, "9", Map.of()).getStatusCode()).isEqualTo(404);
        assertThat(revision(id, "x", Map.of()).getStatusCode()).isEqualTo(404);
        assertThat(revision(id, "3", Map.of("against", "7")).getStatusCode()).isEqualTo(404);
        assertThat(revision(id, "3", Map.of("against", "-1")).getStatusCode()).isEqualTo(400);
    }

    @Test
    void restore_shouldBringBackTheContentAsANewVersion_keepingTheStatus() {
        // GIVEN
        String id = publishedArticleEditedTwice();

        // WHEN version 1 is restored on top of version 3
        APIGatewayV2HTTPResponse restored = restore(id, "1", "\"3\"");

        // THEN
        assertThat(restored.getStatusCode()).isEqualTo(200);
        assertThat(restored.getHeaders()).containsEntry("ETag", "\"4\"");
        JsonNode article = json(restored);
        assertThat(article.path("title").asText()).isEqualTo("Nya badplatser i Båstad");
        assertThat(article.path("slug").asText()).isEqualTo("nya-badplatser-i-bastad");
        assertThat(article.path("body").asText()).isEqualTo("Badet öppnar 1\u00a0juni.\nVattnet är kallt.");
        assertThat(article.path("status").asText()).isEqualTo("published");
        assertThat(article.path("version").asLong()).isEqualTo(4);
        assertThat(json(api.get(id)).path("title").asText()).isEqualTo("Nya badplatser i Båstad");
        JsonNode newest = json(revisions(id, Map.of())).path("items").get(0);
        assertThat(newest.path("action").asText()).isEqualTo("restore");
        assertThat(newest.path("restoredFrom").asLong()).isEqualTo(1);
    }

    @Test
    void restore_shouldRefuse_withoutIfMatch_withAStaleOne_andForARevisionNotKept() {
        String id = publishedArticleEditedTwice();

        assertThat(restore(id, "1", null).getStatusCode()).isEqualTo(428);
        assertThat(restore(id, "1", "\"2\"").getStatusCode()).isEqualTo(412);
        assertThat(restore(id, "8", "\"3\"").getStatusCode()).isEqualTo(404);
        assertThat(json(api.get(id)).path("version").asLong()).isEqualTo(3);
        assertThat(json(revisions(id, Map.of())).path("items")).hasSize(3);
    }

    @Test
    void put_shouldLeaveOneNewRevision_whenEditorsSaveTheSameVersionAtOnce() throws Exception {
        // GIVEN
        String id = publishedArticleEditedTwice();
        int editors = 6;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(editors);
        List<Future<APIGatewayV2HTTPResponse>> puts = new ArrayList<>();

        // WHEN
        for (int i = 0; i < editors; i++) {
            String body = "{\"title\": \"Badplatser, redaktör " + i + "\", \"body\": \"Text\", \"status\": "
                    + "\"published\"}";
            puts.add(pool.submit(() -> {
                start.await();
                return api.put(id, "\"3\"", body);
            }));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<APIGatewayV2HTTPResponse> put : puts) {
            statuses.add(put.get().getStatusCode());
        }
        pool.shutdown();

        // THEN one 200, the rest 412, and one revision 4: the winner's
        assertThat(statuses).containsOnlyOnce(200).containsOnly(200, 412);
        JsonNode list = json(revisions(id, Map.of()));
        assertThat(list.path("items")).extracting(i -> i.path("version").asLong()).containsExactly(4L, 3L, 2L, 1L);
        assertThat(json(revision(id, "4", Map.of())).path("article").path("title").asText())
                .isEqualTo(json(api.get(id)).path("title").asText());
    }

    @Test
    void audit_shouldListAnArticlesActionsAndAnEditorsNewestFirst_keptAfterTheArticleIsDeleted() {
        // GIVEN an article created, edited twice, restored and deleted
        String id = publishedArticleEditedTwice();
        restore(id, "1", "\"3\"");
        assertThat(api.delete(id, "\"4\"").getStatusCode()).isEqualTo(204);

        // WHEN
        JsonNode byArticle = json(audit(Map.of("articleId", id)));
        JsonNode byEditor = json(audit(Map.of("editor", "editor-1", "limit", "2")));

        // THEN
        assertThat(byArticle.path("items")).extracting(i -> i.path("action").asText())
                .containsExactly("delete", "restore", "edit", "edit", "create");
        assertThat(byArticle.path("items")).allSatisfy(i -> {
            assertThat(i.path("editor").asText()).isEqualTo("editor-1");
            assertThat(i.path("editorName").asText()).isEqualTo("Anna Redaktör");
            assertThat(i.path("articleId").asText()).isEqualTo(id);
        });
        assertThat(byEditor.path("items")).hasSize(2);
        assertThat(byEditor.path("nextCursor").asText()).isNotEmpty();
        assertThat(json(revisions(id, Map.of())).path("items")).hasSize(4);
        assertThat(audit(Map.of()).getStatusCode()).isEqualTo(400);
        assertThat(audit(Map.of("articleId", id, "editor", "editor-1")).getStatusCode()).isEqualTo(400);
        // An id no article could have, or an editor id longer than any, is a 400 (not DynamoDB's 500 on a long key).
        assertThat(audit(Map.of("articleId", "x".repeat(3000))).getStatusCode()).isEqualTo(400);
        assertThat(audit(Map.of("editor", "e".repeat(3000))).getStatusCode()).isEqualTo(400);
        // An editor who is no administrator may not read it: 403 naming the role.
        APIGatewayV2HTTPResponse refused = call("GET /api/audit", Map.of(), Map.of(), Map.of("articleId", id));
        assertThat(refused.getStatusCode()).isEqualTo(403);
        assertThat(json(refused).path("requiredRole").asText()).isEqualTo("admins");
    }

    /** An article published at version 1, retitled at 2, its body's one word changed at 3. */
    private String publishedArticleEditedTwice() {
        APIGatewayV2HTTPResponse created = api.post("""
                {"title": "Nya badplatser i Båstad", "body": "Badet öppnar 1\\u00a0juni.\\nVattnet är kallt.",
                 "status": "published"}""");
        assertThat(created.getStatusCode()).isEqualTo(201);
        String id = json(created).path("id").asText();
        assertThat(api.put(id, "\"1\"", """
                {"title": "Nya badplatser i Båstad i sommar", "slug": "nya-badplatser-i-bastad-i-sommar",
                 "body": "Badet öppnar 1\\u00a0juni.\\nVattnet är kallt.", "status": "published"}""")
                .getStatusCode()).isEqualTo(200);
        assertThat(api.put(id, "\"2\"", """
                {"title": "Nya badplatser i Båstad i sommar", "body": "Badet öppnar 1\\u00a0juni.\\nVattnet är varmt.",
                 "status": "published"}""").getStatusCode()).isEqualTo(200);
        return id;
    }

    private static JsonNode change(JsonNode revision, String field) {
        for (JsonNode change : revision.path("changes")) {
            if (change.path("field").asText().equals(field)) {
                return change;
            }
        }
        throw new AssertionError("No change of " + field + " in " + revision);
    }

    private APIGatewayV2HTTPResponse revisions(String id, Map<String, String> query) {
        return call("GET /api/articles/{id}/revisions", Map.of("id", id), Map.of(), query);
    }

    private APIGatewayV2HTTPResponse revision(String id, String version, Map<String, String> query) {
        return call("GET /api/articles/{id}/revisions/{version}", Map.of("id", id, "version", version), Map.of(),
                query);
    }

    private APIGatewayV2HTTPResponse restore(String id, String version, String ifMatch) {
        return call("POST /api/articles/{id}/revisions/{version}/restore", Map.of("id", id, "version", version),
                ifMatch == null ? Map.of() : Map.of("if-match", ifMatch), Map.of());
    }

    /** The audit log, as an administrator reads it (RouteRoles: admins only). */
    private APIGatewayV2HTTPResponse audit(Map<String, String> query) {
        return call("GET /api/audit", Map.of(), Map.of(), query, ADMIN);
    }

    private APIGatewayV2HTTPResponse call(String route, Map<String, String> path, Map<String, String> headers,
                                          Map<String, String> query) {
        return call(route, path, headers, query, EDITOR);
    }

    private APIGatewayV2HTTPResponse call(String route, Map<String, String> path, Map<String, String> headers,
                                          Map<String, String> query, Map<String, String> claims) {
        APIGatewayV2HTTPEvent event = ApiCalls.event(route, path, headers, null, claims);
        event.setQueryStringParameters(query);
        return function.handle(event, null);
    }
}
