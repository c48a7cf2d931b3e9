package se.newsroom.articles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static se.newsroom.articles.ApiCalls.EDITOR;
import static se.newsroom.articles.ApiCalls.json;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import se.newsroom.aws.DynamoDbClients;
import se.newsroom.content.ArticleIds;
import se.newsroom.content.ArticleStore;
import se.newsroom.emulators.Fault;
import se.newsroom.emulators.FaultInjector;
import se.newsroom.table.DynamoDbArticleStore;
import se.newsroom.table.DynamoDbCommentStore;
import se.newsroom.testing.DynamoDbLocal;
import se.newsroom.testing.Tables;

/**
 * The editors' create under DynamoDB's faults, injected into the SDK client's HTTP path in front of DynamoDB Local
 * (so the SDK retries them as it would real ones): a clear 503 when the fault outlasts the SDK's retries, and a
 * retry that never makes a second article.
 */
class ArticlesFaultsIT {
    private static final String TITLE = "Vattenläcka på Storgatan";
    private static final String SLUG = "vattenlacka-pa-storgatan";

    private FaultInjector faults;
    private DynamoDbClient client;
    private String table;
    private ApiCalls api;

    @BeforeEach
    void faultyClient() {
        faults = new FaultInjector(11, Duration.ofMillis(50));
        // The functions' own client (retries, call timeout), over an HTTP client that injects the faults.
        client = DynamoDbClients.create(Region.EU_NORTH_1, Optional.of(DynamoDbLocal.endpoint()),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")),
                faults.httpClient("dynamodb", UrlConnectionHttpClient.create()));
        table = Tables.fresh(client);
        api = new ApiCalls(new ArticlesFunction(new ArticleService(new DynamoDbArticleStore(client, table),
                new DynamoDbCommentStore(client, table), Clock.systemUTC(), ArticleIds.generator()),
                ZoneId.of("Europe/Stockholm")));
    }

    @Test
    void create_whenTheConnectionResetsAfterTheWriteWasApplied_answers201_withTheTitlesOwnSlug_andOneArticle() {
        faults.next(1, Fault.RESET_AFTER_WRITE, "dynamodb", "TransactWriteItems");

        APIGatewayV2HTTPResponse created = api.post("{\"title\": \"" + TITLE + "\"}");

        assertThat(faults.injected()).hasSize(1);
        assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(201);
        assertThat(json(created).path("slug").asText()).isEqualTo(SLUG);
        assertThat(articles()).hasSize(1);
        assertThat(slugClaims()).containsExactly("SLUG#" + SLUG);
    }

    @Test
    void create_whenEveryAttemptFails_answers503WithRetryAfterAndTheRequestId_withinTheFunctionsTimeout() {
        for (Fault fault : List.of(Fault.THROTTLING, Fault.SERVER_ERROR, Fault.TIMEOUT)) {
            faults.next(1000, fault, "dynamodb", "TransactWriteItems");

            long started = System.nanoTime();
            APIGatewayV2HTTPResponse refused = api.post("{\"title\": \"" + TITLE + "\"}");
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            faults.stop();
            assertThat(took).as(fault + ": answered before Lambda's 20 s timeout").isLessThan(Duration.ofSeconds(10));
            assertThat(refused.getStatusCode()).as(fault + ": " + refused.getBody()).isEqualTo(503);
            assertThat(refused.getHeaders()).containsEntry("Retry-After", "1");
            assertThat(json(refused).path("requestId").asText()).isEqualTo("test-request");
            assertThat(Tables.keys(client, table)).as(fault + " wrote nothing").isEmpty();
        }
        assertThat(faults.injected()).hasSizeGreaterThan(3);
    }

    @Test
    void create_retriedWithTheSameIdempotencyKey_afterA503ThatHadBeenApplied_answersTheSameArticle_andMakesNoOther() {
        faults.next(100, Fault.RESET_AFTER_WRITE, "dynamodb", "TransactWriteItems");
        String body = "{\"title\": \"" + TITLE + "\", \"body\": \"Vattnet är avstängt.\", \"status\": \"published\"}";

        APIGatewayV2HTTPResponse failed = postWithKey(body, "8e0c7a1e-retry-1");
        faults.stop();
        APIGatewayV2HTTPResponse retried = postWithKey(body, "8e0c7a1e-retry-1");
        APIGatewayV2HTTPResponse again = postWithKey(body, "8e0c7a1e-retry-1");

        assertThat(failed.getStatusCode()).as(failed.getBody()).isEqualTo(503);
        assertThat(retried.getStatusCode()).as(retried.getBody()).isEqualTo(201);
        assertThat(again.getStatusCode()).isEqualTo(201);
        JsonNode article = json(retried);
        assertThat(article.path("slug").asText()).isEqualTo(SLUG);
        assertThat(json(again).path("id").asText()).isEqualTo(article.path("id").asText());
        assertThat(again.getHeaders()).containsEntry("Location", "/api/articles/" + article.path("id").asText());
        assertThat(articles()).hasSize(1);
        assertThat(slugClaims()).containsExactly("SLUG#" + SLUG);
    }

    @Test
    void create_withAKeyUsedForAnotherRequest_is422_andWithAKeyOfAnotherEditor_isItsOwnRequest() {
        postWithKey("{\"title\": \"" + TITLE + "\"}", "k-1");

        APIGatewayV2HTTPResponse reused = postWithKey("{\"title\": \"Något annat\"}", "k-1");
        Map<String, String> otherEditor = new HashMap<>(EDITOR);
        otherEditor.put("sub", "editor-2");
        APIGatewayV2HTTPResponse other = api.call("POST /api/articles", Map.of(),
                Map.of("content-type", "application/json", "idempotency-key", "k-1"),
                "{\"title\": \"" + TITLE + "\"}", otherEditor);
        APIGatewayV2HTTPResponse tooLong = postWithKey("{\"title\": \"" + TITLE + "\"}", "k".repeat(256));

        assertThat(reused.getStatusCode()).as(reused.getBody()).isEqualTo(422);
        assertThat(json(reused).path("errors").path(0).path("field").asText()).isEqualTo("Idempotency-Key");
        assertThat(other.getStatusCode()).isEqualTo(201);
        assertThat(json(other).path("slug").asText()).isEqualTo(SLUG + "-2");
        assertThat(tooLong.getStatusCode()).isEqualTo(400);
        assertThat(articles()).hasSize(2);
    }

    @Test
    void create_afterTheFunctionCrashedBehindItsCommit_isAnsweredByTheEditorsRetryWithTheSameKey_withNoSecondArticle() {
        // A store whose first create commits and then takes the function down, as a crashed runtime would.
        ArticleStore store = new DynamoDbArticleStore(client, table);
        AtomicBoolean crash = new AtomicBoolean(true);
        ArticleStore crashing = (ArticleStore) Proxy.newProxyInstance(ArticleStore.class.getClassLoader(),
                new Class<?>[] {ArticleStore.class}, (proxy, method, args) -> {
                    Object result = method.invoke(store, args);
                    if (method.getName().equals("create") && crash.getAndSet(false)) {
                        throw new OutOfMemoryError("Java heap space (simulated crash after the commit)");
                    }
                    return result;
                });
        api = new ApiCalls(new ArticlesFunction(new ArticleService(crashing, null, Clock.systemUTC(),
                ArticleIds.generator()), ZoneId.of("Europe/Stockholm")));
        String body = "{\"title\": \"" + TITLE + "\"}";

        // API Gateway answers the crash with a 502; the editor sends the same request again.
        assertThatThrownBy(() -> postWithKey(body, "crash-1")).isInstanceOf(OutOfMemoryError.class);
        APIGatewayV2HTTPResponse retried = postWithKey(body, "crash-1");

        assertThat(retried.getStatusCode()).as(retried.getBody()).isEqualTo(201);
        assertThat(json(retried).path("slug").asText()).isEqualTo(SLUG);
        assertThat(articles()).hasSize(1);
    }

    private APIGatewayV2HTTPResponse postWithKey(String body, String key) {
        return api.call("POST /api/articles", Map.of(),
                Map.of("content-type", "application/json", "idempotency-key", key), body, EDITOR);
    }

    private List<String> articles() {
        return Tables.items(client, table).stream().filter(i -> i.get("SK").s().equals("A"))
                .map(i -> i.get("PK").s()).toList();
    }

    private List<String> slugClaims() {
        return Tables.keys(client, table).stream().filter(k -> k.startsWith("SLUG#")).toList();
    }
}
