package se.newsroom.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

import se.newsroom.emulators.S3Emulator;
import se.newsroom.emulators.TemplateTable;
import se.newsroom.json.Json;
import se.newsroom.render.deploy.DeployRebuild;
import se.newsroom.render.deploy.StackResponse;
import se.newsroom.render.output.S3SiteWriter;
import se.newsroom.render.plan.PagePlanner;
import se.newsroom.render.site.DynamoDbSiteContent;
import se.newsroom.render.site.Labels;
import se.newsroom.render.site.SiteRenderer;
import se.newsroom.render.site.SnapshotSiteContent;
import se.newsroom.table.DynamoDbArticleStore;
import se.newsroom.table.DynamoDbSiteReads;
import se.newsroom.testing.Articles;
import se.newsroom.testing.DynamoDbLocal;
import se.newsroom.testing.Tables;

/**
 * The stack's {@code Custom::SiteBuild} requests (events/render/deploy-*.json) through RenderFunction: the site rebuilt
 * into S3Proxy from DynamoDB Local, and the answer PUT to a local HTTP server standing in for the pre-signed
 * ResponseURL, as CloudFormation reads it.
 */
class DeployRebuildIT {
    private static final Path EVENTS = TemplateTable.templatePath().getParent().resolve("events/render");
    private DynamoDbClient dynamoDb;
    private String table;
    private String bucket;
    private S3Client s3;
    private HttpServer responseUrl;
    private final List<Put> answers = new CopyOnWriteArrayList<>();
    private final List<Integer> refusals = new CopyOnWriteArrayList<>();
    private final List<String> invalidated = new CopyOnWriteArrayList<>();

    /** One PUT the stand-in ResponseURL received. */
    private record Put(String method, String path, List<String> contentType, JsonNode body) {
    }

    @BeforeEach
    void freshTableBucketAndResponseUrl() throws IOException {
        dynamoDb = DynamoDbLocal.embedded().dynamoDbClient();
        table = Tables.fresh(dynamoDb);
        s3 = S3Emulator.client();
        bucket = "deploy-" + table.substring(table.length() - 12).toLowerCase(Locale.ROOT);
        s3.createBucket(r -> r.bucket(bucket));
        responseUrl = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        responseUrl.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            answers.add(new Put(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                    exchange.getRequestHeaders().getOrDefault("Content-Type", List.of()), Json.MAPPER.readTree(body)));
            int status = refusals.isEmpty() ? 200 : refusals.removeFirst();
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        responseUrl.start();
    }

    @AfterEach
    void stopResponseUrl() {
        responseUrl.stop(0);
    }

    @Test
    void create_shouldRebuildEveryPageAndTheCdn_thenAnswerSuccessWithTheRequestsFields() throws Exception {
        // GIVEN the two seed articles in the table and an empty bucket
        Seeds.articles().forEach(a -> new DynamoDbArticleStore(dynamoDb, table).create(a, false, Articles.SAVE));

        // WHEN the stack's create request arrives
        JsonNode returned = invoke(function(), event("deploy-create.json"));

        // THEN every page is in the bucket, the edge is told, and CloudFormation got SUCCESS with the request's fields
        assertThat(keys()).contains("index.html", "feed.xml", "404.html", "assets/site.css",
                "nyheter/politiska-styrningen-av-individ-och-familj-utreds/index.html");
        assertThat(invalidated).containsExactly("/*");
        assertThat(returned.path("Status").asText()).isEqualTo("SUCCESS");
        Put put = answers.getFirst();
        assertThat(answers).hasSize(1);
        assertThat(put.method()).isEqualTo("PUT");
        assertThat(put.path()).endsWith("%7CSiteBuild%7C7d4c6f7e-2a1b-4c3d-9e8f-0a1b2c3d4e5f");
        assertThat(put.contentType()).containsExactly("");
        assertThat(put.body().path("Status").asText()).isEqualTo("SUCCESS");
        assertThat(put.body().path("Reason").asText()).contains("Rebuilt the site");
        assertThat(put.body().path("PhysicalResourceId").asText()).isEqualTo("site-build");
        assertThat(put.body().path("StackId").asText()).isEqualTo(
                "arn:aws:cloudformation:eu-north-1:123456789012:stack/newsroom/5b0d2a40-8f3c-11ef-9a1b-0a1b2c3d4e5f");
        assertThat(put.body().path("RequestId").asText()).isEqualTo("7d4c6f7e-2a1b-4c3d-9e8f-0a1b2c3d4e5f");
        assertThat(put.body().path("LogicalResourceId").asText()).isEqualTo("SiteBuild");
    }

    @Test
    void update_shouldRebuild_andAnswerWithThePhysicalIdItWasGiven() throws Exception {
        invoke(function(), event("deploy-update.json"));

        assertThat(keys()).contains("index.html", "robots.txt");
        assertThat(answers).singleElement().satisfies(put -> {
            assertThat(put.body().path("Status").asText()).isEqualTo("SUCCESS");
            assertThat(put.body().path("PhysicalResourceId").asText()).isEqualTo("site-build");
            assertThat(put.body().path("RequestId").asText()).isEqualTo("8e5d7a8f-3b2c-4d4e-8f9a-1b2c3d4e5f60");
        });
    }

    @Test
    void delete_shouldWriteNothing_andAnswerSuccess() throws Exception {
        Seeds.articles().forEach(a -> new DynamoDbArticleStore(dynamoDb, table).create(a, false, Articles.SAVE));

        invoke(function(), event("deploy-delete.json"));

        assertThat(keys()).isEmpty();
        assertThat(invalidated).isEmpty();
        assertThat(answers).singleElement().satisfies(put -> {
            assertThat(put.body().path("Status").asText()).isEqualTo("SUCCESS");
            assertThat(put.body().path("PhysicalResourceId").asText()).isEqualTo("site-build");
        });
    }

    @Test
    void aRebuildThatThrows_shouldBeAnsweredFailed_withTheReason() throws Exception {
        RenderFunction function = function(() -> {
            throw new IllegalStateException("S3 answered AccessDenied for index.html");
        });

        JsonNode returned = invoke(function, event("deploy-update.json"));

        assertThat(returned.path("Status").asText()).isEqualTo("FAILED");
        assertThat(invalidated).isEmpty();
        assertThat(answers).singleElement().satisfies(put -> {
            assertThat(put.body().path("Status").asText()).isEqualTo("FAILED");
            assertThat(put.body().path("Reason").asText()).contains("The rebuild failed",
                    "S3 answered AccessDenied for index.html");
            assertThat(put.body().path("RequestId").asText()).isEqualTo("8e5d7a8f-3b2c-4d4e-8f9a-1b2c3d4e5f60");
        });
    }

    @Test
    void aRebuildOutlastingTheFunctionsTime_shouldBeAnsweredFailed_beforeTheFunctionTimesOut() throws Exception {
        // GIVEN a rebuild that would take a minute, and an invocation with 1.5 s left beyond the reserve
        DeployRebuild deploy = new DeployRebuild(() -> {
            sleep(Duration.ofMinutes(1));
            return 1;
        }, invalidated::addAll, StackResponse::jdk, System.out::println);
        long deadline = System.nanoTime() + DeployRebuild.RESERVE.toNanos() + Duration.ofMillis(1500).toNanos();

        // WHEN
        long start = System.nanoTime();
        DeployRebuild.Answer answer = deploy.handle(event("deploy-create.json"),
                () -> (deadline - System.nanoTime()) / 1_000_000, "2025/10/01/[$LATEST]abc");

        // THEN answered FAILED, naming the timeout and the log, well inside the function's time
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(answer.status()).isEqualTo("FAILED");
        assertThat(answers).singleElement().satisfies(put -> {
            assertThat(put.body().path("Status").asText()).isEqualTo("FAILED");
            assertThat(put.body().path("Reason").asText()).contains("did not finish", "Timeout",
                    "2025/10/01/[$LATEST]abc");
        });
        assertThat(invalidated).isEmpty();
    }

    @Test
    void aResponseUrlThatFailsBriefly_shouldBeTriedAgain() throws Exception {
        refusals.addAll(List.of(503, 500));

        invoke(function(), event("deploy-delete.json"));

        assertThat(answers).hasSize(3).allSatisfy(put -> assertThat(put.body().path("Status").asText())
                .isEqualTo("SUCCESS"));
    }

    @Test
    void aResponseUrlThatKeepsRefusing_shouldFailTheInvocation_soLambdaRetriesIt() throws Exception {
        refusals.addAll(List.of(403, 403, 403));
        RenderFunction function = function();
        ObjectNode event = event("deploy-delete.json");

        assertThatThrownBy(() -> invoke(function, event)).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("refused the answer 3 times").hasMessageContaining("HTTP 403");
    }

    private RenderFunction function() {
        SiteBuild build = new SiteBuild(renderer(), new S3SiteWriter(s3, bucket), 4, Seeds.STOCKHOLM);
        return function(() -> build.run(SnapshotSiteContent.of(new DynamoDbSiteReads(dynamoDb, table).everything(),
                Seeds.STOCKHOLM)));
    }

    private RenderFunction function(RenderFunction.Rebuilder rebuilder) {
        DynamoDbSiteContent content = new DynamoDbSiteContent(new DynamoDbSiteReads(dynamoDb, table),
                Seeds.STOCKHOLM);
        SitePublisher publisher = new SitePublisher(new PagePlanner(Seeds.STOCKHOLM), renderer(),
                new S3SiteWriter(s3, bucket), invalidated::addAll, System.out::println, 4);
        // As RenderWiring builds it: the deploy's invalidation goes through the publisher, retried as a batch's.
        return new RenderFunction(publisher, content, rebuilder);
    }

    private static SiteRenderer renderer() {
        return new SiteRenderer(Seeds.SITE, new Labels(Locale.forLanguageTag("sv-SE")));
    }

    /** The sample event as sam local invoke would send it, answered to the stand-in instead of S3. */
    private ObjectNode event(String file) throws IOException {
        ObjectNode event = (ObjectNode) Json.MAPPER.readTree(Files.readString(EVENTS.resolve(file)));
        String url = event.path("ResponseURL").asText();
        event.put("ResponseURL", "http://127.0.0.1:" + responseUrl.getAddress().getPort()
                + url.substring(url.indexOf('/', "https://".length())));
        return event;
    }

    private static JsonNode invoke(RenderFunction function, ObjectNode event) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        function.handleRequest(new ByteArrayInputStream(Json.MAPPER.writeValueAsBytes(event)), out, null);
        return Json.MAPPER.readTree(out.toString(StandardCharsets.UTF_8));
    }

    private List<String> keys() {
        List<String> keys = new ArrayList<>();
        s3.listObjectsV2Paginator(r -> r.bucket(bucket)).contents().stream().map(S3Object::key).forEach(keys::add);
        return keys;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
