package se.newsroom.articles;

import static org.assertj.core.api.Assertions.assertThat;
import static se.newsroom.articles.ApiCalls.json;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import se.newsroom.content.ArticleIds;
import se.newsroom.table.DynamoDbArticleStore;
import se.newsroom.table.DynamoDbCommentStore;
import se.newsroom.testing.DynamoDbLocal;
import se.newsroom.testing.Tables;

/**
 * The review workflow by role, through the handler on DynamoDB Local: a writer's draft goes to review, publishers
 * find it in their queue and publish it; a writer is refused publishing, and everything a published article needs,
 * with a 403 naming the publishers' role.
 */
class ArticleRolesDynamoDbLocalIT {
    private static final Map<String, String> WRITER = claims("writer-1", "writers", "Sara Skribent");
    private static final Map<String, String> PUBLISHER = claims("publisher-1", "publishers", "Per Publicerare");
    private static final Map<String, String> MODERATOR = claims("moderator-1", "moderators", "Mona Moderator");
    private static final String PUBLISHERS_ROLE = "Det här kräver rollen Publicerare (gruppen publishers).";

    private ArticlesFunction function;

    @BeforeEach
    void freshTable() {
        DynamoDbClient client = DynamoDbLocal.client();
        String table = Tables.fresh(client);
        function = new ArticlesFunction(new ArticleService(new DynamoDbArticleStore(client, table),
                new DynamoDbCommentStore(client, table), Clock.systemUTC(), ArticleIds.generator()),
                ZoneId.of("Europe/Stockholm"));
    }

    @Test
    void aWritersDraft_shouldGoToReview_andBePublishedByAPublisher_butNotByTheWriter() {
        // GIVEN a writer's draft
        APIGatewayV2HTTPResponse draft = create(WRITER, "{\"title\": \"Öppet hus på biblioteket\", "
                + "\"body\": \"Välkommen – alla åldrar.\"}");
        assertThat(draft.getStatusCode()).isEqualTo(201);
        String id = json(draft).path("id").asText();
        assertThat(json(draft).path("author").asText()).isEqualTo("Sara Skribent");

        // WHEN the writer submits it for review
        APIGatewayV2HTTPResponse submitted = put(WRITER, id, 1, "{\"title\": \"Öppet hus på biblioteket\", "
                + "\"body\": \"Välkommen – alla åldrar.\", \"status\": \"review\"}");

        // THEN it waits in the publishers' queue, and nowhere among the drafts
        assertThat(submitted.getStatusCode()).as(submitted.getBody()).isEqualTo(200);
        assertThat(json(submitted).path("status").asText()).isEqualTo("review");
        assertThat(ids(list(PUBLISHER, "review"))).containsExactly(id);
        assertThat(ids(list(PUBLISHER, "draft"))).isEmpty();

        // WHEN the writer tries to publish it: refused, naming the role, and nothing changed
        APIGatewayV2HTTPResponse refused = put(WRITER, id, 2, "{\"title\": \"Öppet hus på biblioteket\", "
                + "\"body\": \"Välkommen – alla åldrar.\", \"status\": \"published\"}");
        assertRefusedForPublishers(refused);
        assertThat(json(get(WRITER, id)).path("version").asLong()).isEqualTo(2);

        // WHEN a publisher publishes it
        APIGatewayV2HTTPResponse published = put(PUBLISHER, id, 2, "{\"title\": \"Öppet hus på biblioteket\", "
                + "\"body\": \"Välkommen – alla åldrar.\", \"status\": \"published\"}");

        // THEN it is published, and out of the queue
        assertThat(published.getStatusCode()).as(published.getBody()).isEqualTo(200);
        assertThat(json(published).path("status").asText()).isEqualTo("published");
        assertThat(ids(list(PUBLISHER, "review"))).isEmpty();

        // AND the writer may neither edit, unpublish nor delete it
        assertRefusedForPublishers(put(WRITER, id, 3, "{\"title\": \"Ny rubrik\", \"body\": \"Text.\", "
                + "\"status\": \"published\"}"));
        assertRefusedForPublishers(put(WRITER, id, 3, "{\"title\": \"Öppet hus\", \"status\": \"draft\"}"));
        assertRefusedForPublishers(call(WRITER, "DELETE /api/articles/{id}", id, Map.of("if-match", "\"3\""),
                null));
        assertThat(json(get(WRITER, id)).path("version").asLong()).isEqualTo(3);
    }

    @Test
    void aWriter_shouldBeRefusedCreatingAPublishedOrScheduledArticle_andAModeratorAnyArticle() {
        assertRefusedForPublishers(create(WRITER, "{\"title\": \"Direkt ut\", \"body\": \"Text.\", "
                + "\"status\": \"published\"}"));
        assertRefusedForPublishers(create(WRITER, "{\"title\": \"Senare\", \"body\": \"Text.\", "
                + "\"status\": \"scheduled\", \"publishAt\": \"2099-01-01T10:00:00+01:00\"}"));

        APIGatewayV2HTTPResponse moderator = create(MODERATOR, "{\"title\": \"Moderatorns utkast\"}");

        assertThat(moderator.getStatusCode()).isEqualTo(403);
        assertThat(json(moderator).path("requiredRole").asText()).isEqualTo("writers");
        assertThat(json(moderator).path("detail").asText())
                .isEqualTo("Det här kräver rollen Skribent (gruppen writers).");
        assertThat(ids(list(PUBLISHER, null))).isEmpty();
    }

    @Test
    void aPublishedArticle_shouldNotGoStraightToReview_butBackToDraftFirst() {
        String id = json(create(PUBLISHER, "{\"title\": \"Publicerad\", \"body\": \"Text.\", "
                + "\"status\": \"published\"}")).path("id").asText();

        APIGatewayV2HTTPResponse toReview = put(PUBLISHER, id, 1, "{\"title\": \"Publicerad\", \"body\": \"Text.\", "
                + "\"status\": \"review\"}");

        assertThat(toReview.getStatusCode()).isEqualTo(422);
        assertThat(json(toReview).path("detail").asText())
                .isEqualTo("En publicerad nyhet kan inte skickas till granskning.");
        assertThat(json(toReview).path("errors").get(0).path("field").asText()).isEqualTo("status");
        assertThat(put(PUBLISHER, id, 1, "{\"title\": \"Publicerad\", \"status\": \"draft\"}").getStatusCode())
                .isEqualTo(200);
        assertThat(put(WRITER, id, 2, "{\"title\": \"Publicerad\", \"status\": \"review\"}").getStatusCode())
                .isEqualTo(200);
    }

    private static void assertRefusedForPublishers(APIGatewayV2HTTPResponse response) {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(403);
        assertThat(response.getHeaders()).containsEntry("Content-Type", "application/problem+json");
        JsonNode problem = json(response);
        assertThat(problem.path("requiredRole").asText()).isEqualTo("publishers");
        assertThat(problem.path("detail").asText()).isEqualTo(PUBLISHERS_ROLE);
    }

    private APIGatewayV2HTTPResponse create(Map<String, String> who, String body) {
        return call(who, "POST /api/articles", null, Map.of("content-type", "application/json"), body);
    }

    private APIGatewayV2HTTPResponse put(Map<String, String> who, String id, long version, String body) {
        return call(who, "PUT /api/articles/{id}", id, Map.of("content-type", "application/json",
                "if-match", "\"" + version + "\""), body);
    }

    private APIGatewayV2HTTPResponse get(Map<String, String> who, String id) {
        return call(who, "GET /api/articles/{id}", id, Map.of(), null);
    }

    private JsonNode list(Map<String, String> who, String status) {
        APIGatewayV2HTTPEvent event = ApiCalls.event("GET /api/articles", Map.of(), Map.of(), null, who);
        event.setQueryStringParameters(status == null ? Map.of() : Map.of("status", status));
        APIGatewayV2HTTPResponse response = function.handle(event, null);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        return json(response);
    }

    private APIGatewayV2HTTPResponse call(Map<String, String> who, String route, String id,
                                          Map<String, String> headers, String body) {
        return function.handle(ApiCalls.event(route, id == null ? Map.of() : Map.of("id", id), headers, body, who),
                null);
    }

    private static List<String> ids(JsonNode listing) {
        return listing.path("items").findValuesAsText("id");
    }

    private static Map<String, String> claims(String sub, String group, String name) {
        return Map.of("sub", sub, "cognito:groups", "[" + group + "]", "name", name);
    }
}
