package se.newsroom.articles;

import static org.assertj.core.api.Assertions.assertThat;
import static se.newsroom.articles.ApiCalls.EDITOR;
import static se.newsroom.articles.ApiCalls.json;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import se.newsroom.content.ArticleIds;
import se.newsroom.content.PrivacyNotice;
import se.newsroom.json.Json;
import se.newsroom.table.DynamoDbArticleStore;
import se.newsroom.table.DynamoDbCommentStore;
import se.newsroom.table.DynamoDbPrivacyNoticeStore;
import se.newsroom.testing.DynamoDbLocal;
import se.newsroom.testing.Tables;

/** GET and PUT /api/privacy-notice through ArticlesFunction, on DynamoDB Local. */
class PrivacyNoticeApiIT {
    private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");
    private static final String CONTACT = "registrator@bastad.se";
    /** Only administrators change the notice (RouteRoles). */
    private static final Map<String, String> ADMIN = Map.of("sub", "admin-1", "cognito:groups", "[admins]",
            "name", "Ada Administratör");

    private DynamoDbClient client;
    private String table;
    private ArticlesFunction function;

    @BeforeEach
    void freshTable() {
        client = DynamoDbLocal.client();
        table = Tables.fresh(client);
        function = new ArticlesFunction(new ArticleService(new DynamoDbArticleStore(client, table),
                new DynamoDbCommentStore(client, table), Clock.systemUTC(), ArticleIds.generator()),
                Optional.empty(), Optional.empty(),
                Optional.of(new PrivacyNoticeService(new DynamoDbPrivacyNoticeStore(client, table),
                Clock.fixed(Instant.parse("2019-12-05T08:00:00Z"), ZoneOffset.UTC), CONTACT)), Optional.empty(),
                STOCKHOLM);
    }

    @Test
    void get_withNothingSaved_shouldGiveTheSwedishDefault_namingTheContact_atVersionZero() {
        APIGatewayV2HTTPResponse response = get();

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getHeaders()).containsEntry("ETag", "\"0\"");
        JsonNode notice = json(response);
        assertThat(notice.path("isDefault").asBoolean()).isTrue();
        assertThat(notice.path("version").asLong()).isZero();
        assertThat(notice.path("updatedAt").isNull()).isTrue();
        assertThat(notice.path("path").asText()).isEqualTo("/integritet/");
        assertThat(notice.path("markdown").asText())
                .contains("Skriv till " + CONTACT)
                .contains("saltad kontrollsumma")
                .contains("högst 20 i timmen")
                .contains("raderas alla dess kommentarer");
    }

    @Test
    void put_shouldSaveTheText_asVersionOne_keepingSwedishCharacters_andAStaleIfMatchBe412() {
        String text = "## Vad vi sparar\n\nNamn, text och tid – inget mer.\u00a0Frågor? Ring växeln.";

        APIGatewayV2HTTPResponse saved = put("\"0\"", text);

        assertThat(saved.getStatusCode()).as(saved.getBody()).isEqualTo(200);
        assertThat(saved.getHeaders()).containsEntry("ETag", "\"1\"");
        assertThat(json(saved).path("markdown").asText()).isEqualTo(text);
        assertThat(json(saved).path("updatedAt").asText()).isEqualTo("2019-12-05T09:00:00+01:00");
        assertThat(json(get()).path("markdown").asText()).isEqualTo(text);
        assertThat(json(get()).path("isDefault").asBoolean()).isFalse();

        APIGatewayV2HTTPResponse stale = put("\"0\"", "Någon annans text");
        assertThat(stale.getStatusCode()).isEqualTo(412);
        assertThat(json(get()).path("markdown").asText()).isEqualTo(text);

        assertThat(put("\"1\"", "Andra versionen").getHeaders()).containsEntry("ETag", "\"2\"");
        assertThat(put("\"1\"", "Tredje, på en gammal version").getStatusCode()).isEqualTo(412);
        assertThat(put("W/\"2\"", "Svag").getStatusCode()).isEqualTo(412);
    }

    @Test
    void put_byAnEditorWhoIsNoAdministrator_shouldBe403NamingTheRole_savingNothing() throws Exception {
        Map<String, String> headers = Map.of("content-type", "application/json", "if-match", "\"0\"");

        APIGatewayV2HTTPResponse refused = function.handle(ApiCalls.event("PUT /api/privacy-notice", Map.of(),
                headers, Json.MAPPER.writeValueAsString(Map.of("markdown", "Min egen text")), EDITOR), null);

        assertThat(refused.getStatusCode()).isEqualTo(403);
        assertThat(json(refused).path("requiredRole").asText()).isEqualTo("admins");
        assertThat(json(get()).path("isDefault").asBoolean()).isTrue();
    }

    @Test
    void put_withoutIfMatch_shouldBe428_andABadTextA422OnMarkdown_savingNothing() {
        assertThat(put(null, "Text").getStatusCode()).isEqualTo(428);

        APIGatewayV2HTTPResponse empty = put("\"0\"", " \n ");
        assertThat(empty.getStatusCode()).isEqualTo(422);
        assertThat(json(empty).path("errors").get(0).path("field").asText()).isEqualTo("markdown");
        APIGatewayV2HTTPResponse tooLong = put("\"0\"", "å".repeat(PrivacyNotice.MAX_MARKDOWN + 1));
        assertThat(tooLong.getStatusCode()).isEqualTo(422);
        assertThat(json(tooLong).path("errors").get(0).path("message").asText()).contains("högst 20000 tecken");
        assertThat(put("\"0\"", "Dold \u202e text").getStatusCode()).isEqualTo(422);

        assertThat(json(get()).path("isDefault").asBoolean()).isTrue();
    }

    private APIGatewayV2HTTPResponse get() {
        return function.handle(ApiCalls.event("GET /api/privacy-notice", Map.of(), Map.of(), null, EDITOR), null);
    }

    private APIGatewayV2HTTPResponse put(String ifMatch, String markdown) {
        Map<String, String> headers = new HashMap<>(Map.of("content-type", "application/json"));
        if (ifMatch != null) {
            headers.put("if-match", ifMatch);
        }
        try {
            return function.handle(ApiCalls.event("PUT /api/privacy-notice", Map.of(), headers,
                    Json.MAPPER.writeValueAsString(Map.of("markdown", markdown)), ADMIN), null);
        } catch (JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }
}
