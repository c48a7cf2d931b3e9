package se.newsroom.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.amazonaws.services.dynamodbv2.local.embedded.DynamoDBEmbedded;
import com.amazonaws.services.dynamodbv2.local.shared.access.AmazonDynamoDBLocal;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import se.newsroom.emulators.TemplateTable;
import se.newsroom.json.Json;

/**
 * The local event source mapping when the render function crashes (an Error escapes it, as when its runtime dies
 * mid-batch): the batch is handed over again, as Lambda retries a function error; past the retries it goes to the
 * failure queue with its reason, and a redrive hands it over again.
 */
class StreamPollerIT {
    private AmazonDynamoDBLocal local;
    private DynamoDbClient dynamoDb;
    private String streamArn;
    private final List<List<String>> seen = new CopyOnWriteArrayList<>();
    private final AtomicInteger crashes = new AtomicInteger();

    @BeforeEach
    void table() {
        local = DynamoDBEmbedded.create(true);
        dynamoDb = local.dynamoDbClient();
        TemplateTable.create(dynamoDb, LocalRunner.TABLE);
        streamArn = dynamoDb.describeTable(r -> r.tableName(LocalRunner.TABLE)).table().latestStreamArn();
    }

    @AfterEach
    void stop() {
        local.shutdown();
    }

    /** A render function that crashes its first {@code crashes} invocations and then handles every batch. */
    private RequestStreamHandler crashing() {
        return (in, out, context) -> {
            JsonNode event = Json.MAPPER.readTree(in);
            seen.add(event.path("Records").findValuesAsText("SequenceNumber"));
            if (crashes.getAndDecrement() > 0) {
                throw new OutOfMemoryError("Java heap space (simulated crash)");
            }
            out.write("{\"batchItemFailures\": []}".getBytes(StandardCharsets.UTF_8));
        };
    }

    private StreamPoller poller(int retries) {
        return new StreamPoller(local.dynamoDbStreamsClient(), streamArn, crashing(),
                new TemplateModel.StreamSource("render", 50, retries), line -> { }, () -> "");
    }

    private void write(String id) {
        dynamoDb.putItem(r -> r.tableName(LocalRunner.TABLE).item(Map.of("PK", AttributeValue.fromS("X#" + id),
                "SK", AttributeValue.fromS("X"))));
    }

    @Test
    void aCrashedBatch_isHandedOverAgain_andNothingReachesTheFailureQueue() throws Exception {
        crashes.set(2);
        StreamPoller poller = poller(5);
        write("1");
        write("2");
        Thread thread = Thread.ofPlatform().daemon().start(poller);

        assertThat(poller.awaitIdle(Duration.ofSeconds(20))).isTrue();
        poller.stop();
        thread.join(5_000);

        assertThat(seen).hasSize(3);
        assertThat(seen.get(2)).isEqualTo(seen.get(0)).hasSize(2);
        assertThat(poller.failures()).isEmpty();
    }

    @Test
    void aBatchThatCrashesThroughEveryRetry_isQueuedWithItsReason_laterRecordsGoOn_andARedriveHandsItOverAgain()
            throws Exception {
        crashes.set(3);
        StreamPoller poller = poller(2);
        write("1");
        Thread thread = Thread.ofPlatform().daemon().start(poller);

        assertThat(poller.awaitIdle(Duration.ofSeconds(20))).isTrue();
        List<StreamPoller.FailedBatch> queued = poller.failures();
        write("2");
        assertThat(poller.awaitIdle(Duration.ofSeconds(20))).isTrue();
        poller.stop();
        thread.join(5_000);
        int redriven = poller.redrive();

        assertThat(queued).singleElement().satisfies(batch -> {
            assertThat(batch.condition()).isEqualTo("RetryAttemptsExhausted");
            assertThat(batch.reason()).contains("OutOfMemoryError", "simulated crash");
            assertThat(batch.batchSize()).isEqualTo(1);
        });
        assertThat(seen.get(3)).as("the records after the queued batch are handed over").hasSize(1)
                .doesNotContainAnyElementsOf(seen.get(0));
        assertThat(redriven).isZero();
        assertThat(seen).hasSize(5);
        assertThat(seen.get(4)).isEqualTo(seen.get(0));
        assertThat(poller.failures()).isEmpty();
    }
}
