package se.newsroom.local;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

import se.newsroom.json.Json;
import se.newsroom.render.stream.StreamJson;

/**
 * What the event source mapping does, locally: polls the table's stream and hands batches (of the template's
 * size) to the function; when it reports failed records, the batch is tried again from the first of them, up to
 * the template's retry count, and then skipped with a log line (the deployed system sends it to SQS).
 */
public final class StreamPoller implements Runnable {
    private final DynamoDbStreamsClient streams;
    private final String streamArn;
    private final RequestStreamHandler function;
    private final TemplateModel.StreamSource source;
    private final Consumer<String> log;
    private final Map<String, String> iterators = new HashMap<>();
    private final AtomicLong batches = new AtomicLong();
    private volatile boolean running = true;

    public StreamPoller(DynamoDbStreamsClient streams, String streamArn, RequestStreamHandler function,
                        TemplateModel.StreamSource source, Consumer<String> log) {
        this.streams = streams;
        this.streamArn = streamArn;
        this.function = function;
        this.source = source;
        this.log = log;
    }

    /** How many batches the function has handled. */
    public long batches() {
        return batches.get();
    }

    public void stop() {
        running = false;
    }

    @Override
    public void run() {
        while (running) {
            try {
                boolean busy = false;
                for (Shard shard : streams.describeStream(r -> r.streamArn(streamArn)).streamDescription().shards()) {
                    busy |= poll(shard.shardId());
                }
                if (!busy) {
                    Thread.sleep(100);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.accept("Stream poller: " + e);
                sleep();
            }
        }
    }

    private boolean poll(String shardId) {
        String iterator = iterators.computeIfAbsent(shardId, id -> streams.getShardIterator(r -> r
                .streamArn(streamArn).shardId(id).shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator());
        if (iterator == null) {
            return false; // a closed shard, read to its end
        }
        var response = streams.getRecords(r -> r.shardIterator(iterator).limit(source.batchSize()));
        List<Record> records = response.records();
        iterators.put(shardId, response.nextShardIterator());
        if (records.isEmpty()) {
            return false;
        }
        deliver(shardId, records, 0);
        return true;
    }

    private void deliver(String shardId, List<Record> records, int attempt) {
        List<String> failed = invoke(records);
        batches.incrementAndGet();
        if (failed.isEmpty()) {
            return;
        }
        // Sequence numbers are decimal numbers as text: compare them as numbers.
        BigInteger first = failed.stream().map(BigInteger::new)
                .min(BigInteger::compareTo).orElseThrow();
        List<Record> retry = records.stream()
                .filter(r -> new BigInteger(r.dynamodb().sequenceNumber()).compareTo(first) >= 0).toList();
        if (source.maximumRetryAttempts() >= 0 && attempt >= source.maximumRetryAttempts()) {
            log.accept("Stream poller: gave up on " + retry.size() + " record(s) from " + first + " in shard " + shardId
                    + " after " + attempt + " retries (deployed, they would go to the on-failure queue)");
            return;
        }
        sleep();
        deliver(shardId, retry, attempt + 1);
    }

    private List<String> invoke(List<Record> records) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            function.handleRequest(new ByteArrayInputStream(Json.MAPPER.writeValueAsBytes(
                    StreamJson.event(records, streamArn))), out, null);
            JsonNode response = Json.MAPPER.readTree(out.toByteArray());
            return response.path("batchItemFailures").findValuesAsText("itemIdentifier");
        } catch (Exception e) {
            // A function error fails the whole batch, as Lambda treats it.
            log.accept("Stream poller: the function failed: " + e);
            return records.stream().map(r -> r.dynamodb().sequenceNumber()).toList();
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
