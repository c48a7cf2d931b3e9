package se.newsroom.local;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;

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
 * the template's retry count, and then goes to the failure queue with its reason, as the deployed mapping sends
 * it to the on-failure SQS queue. {@link #redrive()} hands the queue's batches to the function again.
 */
public final class StreamPoller implements Runnable {
    private final DynamoDbStreamsClient streams;
    private final String streamArn;
    private final RequestStreamHandler function;
    private final TemplateModel.StreamSource source;
    private final Consumer<String> log;
    private final Supplier<String> functionLog;
    private final Map<String, String> iterators = new HashMap<>();
    private final AtomicLong batches = new AtomicLong();
    private final AtomicLong idleRounds = new AtomicLong();
    private final List<FailedBatch> failures = new CopyOnWriteArrayList<>();
    /** The poller and a redrive never hand the function records at the same time, as one shard's mapping does not. */
    private final Object delivering = new Object();
    private volatile boolean running = true;

    /**
     * A batch given up on: what the on-failure destination receives (the deployed one gets the batch's shard and
     * sequence numbers, and reads the records from the stream when redriven; here they are kept).
     *
     * @param condition why it was given up on, as Lambda names it ({@code RetryAttemptsExhausted})
     * @param reason    the function's error, or the records it reported failed and its last log line
     */
    public record FailedBatch(String shardId, String startSequenceNumber, String endSequenceNumber, int batchSize,
                              String condition, String reason, Instant at, List<Record> records) {
        public FailedBatch {
            records = List.copyOf(records);
        }
    }

    /** {@code functionLog}: the function's last log line, for a failed batch's reason. */
    public StreamPoller(DynamoDbStreamsClient streams, String streamArn, RequestStreamHandler function,
                        TemplateModel.StreamSource source, Consumer<String> log, Supplier<String> functionLog) {
        this.streams = streams;
        this.streamArn = streamArn;
        this.function = function;
        this.source = source;
        this.log = log;
        this.functionLog = functionLog;
    }

    /** The failure queue: every batch given up on and not redriven since. */
    public List<FailedBatch> failures() {
        return List.copyOf(failures);
    }

    /**
     * Hands each batch of the failure queue to the function again, once, as a redrive of the on-failure queue
     * would; a batch whose records all succeed leaves the queue, the rest stay with their new reason.
     *
     * @return how many batches are still in the queue
     */
    public int redrive() {
        for (FailedBatch batch : failures()) {
            failures.remove(batch);
            Invocation outcome;
            synchronized (delivering) {
                outcome = invoke(batch.records());
            }
            if (!outcome.failed().isEmpty()) {
                List<Record> still = batch.records().stream()
                        .filter(r -> outcome.failed().contains(r.dynamodb().sequenceNumber())).toList();
                failures.add(failedBatch(batch.shardId(), still, outcome, "RedriveFailed"));
            }
        }
        return failures.size();
    }

    /** Waits until the poller has found the stream empty after everything written before this call. */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        long target = idleRounds.get() + 2;
        long deadline = System.nanoTime() + timeout.toNanos();
        while (idleRounds.get() < target) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
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
                    idleRounds.incrementAndGet();
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
        Invocation outcome;
        synchronized (delivering) {
            outcome = invoke(records);
        }
        batches.incrementAndGet();
        List<String> failed = outcome.failed();
        if (failed.isEmpty()) {
            return;
        }
        // Sequence numbers are decimal numbers as text: compare them as numbers.
        BigInteger first = failed.stream().map(BigInteger::new)
                .min(BigInteger::compareTo).orElseThrow();
        List<Record> retry = records.stream()
                .filter(r -> new BigInteger(r.dynamodb().sequenceNumber()).compareTo(first) >= 0).toList();
        if (source.maximumRetryAttempts() >= 0 && attempt >= source.maximumRetryAttempts()) {
            FailedBatch batch = failedBatch(shardId, retry, outcome, "RetryAttemptsExhausted");
            failures.add(batch);
            log.accept("Stream poller: gave up on " + retry.size() + " record(s) from " + first + " in shard " + shardId
                    + " after " + attempt + " retries; in the failure queue: " + batch.reason());
            return;
        }
        sleep();
        deliver(shardId, retry, attempt + 1);
    }

    /** What one invocation answered: the records that failed, and the function's error when it threw. */
    private record Invocation(List<String> failed, Optional<String> error) {
    }

    private FailedBatch failedBatch(String shardId, List<Record> records, Invocation outcome, String condition) {
        String reason = outcome.error().map(e -> "the function failed: " + e)
                .orElseGet(() -> "the function reported " + outcome.failed().size() + " record(s) of the batch "
                        + "failed; its last log line: " + functionLog.get());
        return new FailedBatch(shardId, records.getFirst().dynamodb().sequenceNumber(),
                records.getLast().dynamodb().sequenceNumber(), records.size(), condition, reason, Instant.now(),
                records);
    }

    private Invocation invoke(List<Record> records) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            function.handleRequest(new ByteArrayInputStream(Json.MAPPER.writeValueAsBytes(
                    StreamJson.event(records, streamArn))), out, null);
            JsonNode response = Json.MAPPER.readTree(out.toByteArray());
            return new Invocation(response.path("batchItemFailures").findValuesAsText("itemIdentifier"),
                    Optional.empty());
        } catch (Exception | Error e) {
            // A function error, or its runtime's crash, fails the whole batch, as Lambda treats it.
            log.accept("Stream poller: the function failed: " + e);
            return new Invocation(records.stream().map(r -> r.dynamodb().sequenceNumber()).toList(),
                    Optional.of(e.toString()));
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
