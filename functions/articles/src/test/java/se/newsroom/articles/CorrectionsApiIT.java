package se.newsroom.articles;

import static org.assertj.core.api.Assertions.assertThat;
import static se.newsroom.articles.ApiCalls.json;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import se.newsroom.content.Article;
import se.newsroom.content.ArticleIds;
import se.newsroom.record.PublicRecord;
import se.newsroom.record.RecordChain;
import se.newsroom.record.RecordStore;
import se.newsroom.table.DynamoDbArticleStore;
import se.newsroom.table.DynamoDbCommentStore;
import se.newsroom.testing.DynamoDbLocal;
import se.newsroom.testing.Tables;

/** Public corrections through the API (DynamoDB Local), and the public record's route over a record in memory. */
class CorrectionsApiIT {
    private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");
    private static final String PUBLISHED = "{\"title\": \"Mötet hålls den 11 december\", \"body\": \"Text.\", "
            + "\"status\": \"published\", \"publishedAt\": \"2019-12-04T16:30:00+01:00\"}";
    private final Map<String, byte[]> objects = new ConcurrentSkipListMap<>();
    private DynamoDbArticleStore store;
    private ApiCalls api;
    /** The same API with articles saved now rather than an hour ago. */
    private ApiCalls apiNow;

    @BeforeEach
    void freshTable() {
        DynamoDbClient client = DynamoDbLocal.client();
        String table = Tables.fresh(client);
        store = new DynamoDbArticleStore(client, table);
        // Saved an hour ago: past the time a published version may take to reach the record.
        ArticleService service = new ArticleService(store, new DynamoDbCommentStore(client, table),
                Clock.offset(Clock.systemUTC(), Duration.ofHours(-1)), ArticleIds.generator());
        api = new ApiCalls(new ArticlesFunction(service, Optional.empty(),
                Optional.of(new RecordChain(new MemoryStore())), Optional.empty(), Optional.empty(), STOCKHOLM));
        ArticleService now = new ArticleService(store, new DynamoDbCommentStore(client, table), Clock.systemUTC(),
                ArticleIds.generator());
        apiNow = new ApiCalls(new ArticlesFunction(now, Optional.empty(),
                Optional.of(new RecordChain(new MemoryStore())), Optional.empty(), Optional.empty(), STOCKHOLM));
    }

    @Test
    void aCorrection_ofAPublishedArticle_shouldBeKept_andShownInItsJson() {
        // GIVEN a published article
        String id = created(api.post(PUBLISHED));

        // WHEN an editor saves a fix marked as a correction, then an ordinary edit
        APIGatewayV2HTTPResponse corrected = api.put(id, "\"1\"", PUBLISHED.replace("den 11", "den 12")
                .replace("}", ", \"correction\": {\"note\": \"Mötet är den 12\\u00a0december – inte den 11.\"}}"));
        api.put(id, "\"2\"", PUBLISHED.replace("den 11", "den 12").replace("Text", "Mer text"));

        // THEN the correction is part of the article, with its date, after the later edit too
        assertThat(corrected.getStatusCode()).as(corrected.getBody()).isEqualTo(200);
        JsonNode read = json(api.get(id));
        assertThat(read.path("version").asLong()).isEqualTo(3);
        assertThat(read.path("corrections")).hasSize(1);
        assertThat(read.path("corrections").get(0).path("note").asText())
                .isEqualTo("Mötet är den 12\u00a0december – inte den 11.");
        assertThat(read.path("corrections").get(0).path("at").asText()).endsWith("+01:00");
        // AND a client sending the article back with its corrections changes nothing by it
        String echoed = PUBLISHED.replace("}", ", \"corrections\": []}");
        assertThat(api.put(id, "\"3\"", echoed).getStatusCode()).isEqualTo(200);
        assertThat(json(api.get(id)).path("corrections")).hasSize(1);
    }

    @Test
    void aCorrection_ofADraft_aNewArticle_orAnUnpublishing_shouldGet422OnCorrection_andWriteNothing() {
        String draft = created(api.post("{\"title\": \"Utkast\"}"));
        String note = ", \"correction\": {\"note\": \"Rättat.\"}}";

        assertProblem(api.put(draft, "\"1\"", "{\"title\": \"Utkast 2\"" + note), "correction");
        assertProblem(api.post(PUBLISHED.replace("}", note)), "correction");
        String live = created(api.post(PUBLISHED));
        assertProblem(api.put(live, "\"1\"", "{\"title\": \"Avpublicerad\", \"status\": \"draft\"" + note),
                "correction");
        assertProblem(api.put(live, "\"1\"", PUBLISHED.replace("}", ", \"correction\": {\"note\": \"\"}}")),
                "correction.note");

        assertThat(json(api.get(draft)).path("version").asLong()).isEqualTo(1);
        assertThat(json(api.get(live)).path("version").asLong()).isEqualTo(1);
    }

    @Test
    void theRecordRoute_shouldListTheVersions_andSayWhetherTheChainHolds() {
        // GIVEN two versions of a published article in the record
        String id = created(api.post(PUBLISHED));
        Article v1 = store.find(id).orElseThrow();
        PublicRecord first = PublicRecord.of(v1, "");
        objects.put(PublicRecord.key(id, 1), first.bytes());
        objects.put(PublicRecord.key(id, 2), PublicRecord.of(v1.toBuilder().version(2).build(), first.hash())
                .bytes());

        // THEN the route lists them, verified
        JsonNode record = json(record(id));
        assertThat(record.path("verified").asBoolean()).isTrue();
        assertThat(record.path("versions")).hasSize(2);
        assertThat(record.has("broken")).isFalse();

        // WHEN the first is changed behind the writer's back
        objects.put(PublicRecord.key(id, 1), new String(first.bytes(), StandardCharsets.UTF_8)
                .replace("Text", "Falsk").getBytes(StandardCharsets.UTF_8));

        // THEN the route names it
        record = json(record(id));
        assertThat(record.path("verified").asBoolean()).isFalse();
        assertThat(record.path("broken").path("version").asLong()).isEqualTo(1);
        // AND an article that does not exist has no record
        assertThat(record(ArticleIds.generator().get()).getStatusCode()).isEqualTo(404);
        // AND an id this system could not have made is a 404 too, never looked up in the bucket
        // (Schemathesis sent "Dk\u0014;", which the local S3 emulator answered with an error: a 500)
        assertThat(record("Dk\u0014;").getStatusCode()).isEqualTo(404);
    }

    @Test
    void aPublishedVersionMissingFromTheRecord_shouldBeReported_onceItHadTimeToArrive() {
        // GIVEN an article published an hour ago whose version never reached the record (or was removed from it)
        String id = created(api.post(PUBLISHED));

        JsonNode record = json(record(id));

        assertThat(record.path("verified").asBoolean()).isFalse();
        assertThat(record.path("broken").path("version").asLong()).isEqualTo(1);
        assertThat(record.path("broken").path("reason").asText()).contains("saknas i registret");
        // AND one published just now is still on its way: not a break
        String fresh = created(apiNow.post(PUBLISHED));
        assertThat(json(apiNow.call(PublicRecordRoute.ROUTE, Map.of("id", fresh), Map.of(), null, ApiCalls.EDITOR))
                .path("verified").asBoolean()).isTrue();
    }

    private APIGatewayV2HTTPResponse record(String id) {
        return api.call(PublicRecordRoute.ROUTE, Map.of("id", id), Map.of(), null, ApiCalls.EDITOR);
    }

    private static String created(APIGatewayV2HTTPResponse response) {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(201);
        return json(response).path("id").asText();
    }

    private static void assertProblem(APIGatewayV2HTTPResponse response, String field) {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(422);
        assertThat(json(response).path("errors").get(0).path("field").asText()).isEqualTo(field);
        assertThat(json(response).path("errors").get(0).path("message").asText()).containsAnyOf("rättelse",
                "Rättelse", "rättades");
    }

    /** The records bucket in memory. */
    private final class MemoryStore implements RecordStore {
        @Override
        public List<String> keys(String prefix) {
            return objects.keySet().stream().filter(k -> k.startsWith(prefix)).toList();
        }

        @Override
        public Optional<byte[]> read(String key) {
            return Optional.ofNullable(objects.get(key));
        }

        @Override
        public boolean writeOnce(String key, byte[] bytes) {
            return objects.putIfAbsent(key, bytes) == null;
        }
    }
}
