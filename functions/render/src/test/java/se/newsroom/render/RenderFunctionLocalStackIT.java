package se.newsroom.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.localstack.LocalStackContainer;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.s3.S3Client;

import se.newsroom.config.Env;
import se.newsroom.config.EnvNames;
import se.newsroom.json.Json;
import se.newsroom.render.stream.StreamJson;
import se.newsroom.table.DynamoDbArticleStore;
import se.newsroom.testing.Articles;
import se.newsroom.testing.LocalStack;
import se.newsroom.testing.RequiresDocker;
import se.newsroom.testing.Tables;

/**
 * The table's stream as LocalStack serves it (DynamoDB Streams over kinesis-mock) through RenderFunction, wired from
 * its environment as the deployed function is, into LocalStack's S3; skipped, with the reason, without Docker.
 */
@RequiresDocker
class RenderFunctionLocalStackIT {
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private DynamoDbClient dynamoDb;
    private DynamoDbStreamsClient streams;
    private S3Client s3;
    private String table;
    private String bucket;
    private String streamArn;
    private String iterator;
    private final List<String> log = new ArrayList<>();

    @BeforeEach
    void freshTableBucketAndLiveStream() throws InterruptedException {
        LocalStackContainer c = LocalStack.container();
        dynamoDb = LocalStack.dynamoDb();
        streams = LocalStack.dynamoDbStreams();
        table = Tables.fresh(dynamoDb);
        bucket = "site-" + table.substring(table.length() - 12);
        s3 = RenderWiring.s3(Region.of(c.getRegion()), Optional.of(c.getEndpoint()), LocalStack.credentials());
        s3.createBucket(r -> r.bucket(bucket));
        streamArn = dynamoDb.describeTable(r -> r.tableName(table)).table().latestStreamArn();
        String shard = streams.describeStream(r -> r.streamArn(streamArn)).streamDescription().shards().getFirst()
                .shardId();
        iterator = streams.getShardIterator(r -> r.streamArn(streamArn).shardId(shard)
                .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
        // kinesis-mock makes the stream active half a second after the table, and drops what is written before:
        // a probe item is written until its record comes through, so the test's own writes are all recorded.
        Instant until = Instant.now().plus(PATIENCE);
        List<Record> probe = List.of();
        for (int n = 0; probe.isEmpty() && Instant.now().isBefore(until); n++) {
            int attempt = n;
            dynamoDb.putItem(r -> r.tableName(table).item(Map.of("PK", AttributeValue.fromS("PROBE"),
                    "SK", AttributeValue.fromS("PROBE"), "attempt", AttributeValue.fromN(Integer.toString(attempt)))));
            Thread.sleep(250);
            probe = records();
        }
        assertThat(probe).as("the table's stream in LocalStack delivers a record").isNotEmpty();
    }

    @Test
    void publishing_shouldPutThePagesInTheBucket_fromTheRecordsOfLocalStacksStream() throws Exception {
        // GIVEN the function as template.yaml configures it, pointed at LocalStack
        LocalStackContainer c = LocalStack.container();
        RenderFunction function = RenderWiring.render(RenderConfig.from(new Env(Map.of(
                EnvNames.TABLE_NAME, table, RenderConfig.BUCKET_NAME, bucket,
                RenderConfig.SITE_NAME, "Kommunen", RenderConfig.SITE_URL, "https://www.kommunen.se",
                EnvNames.AWS_REGION, c.getRegion(), EnvNames.DYNAMODB_ENDPOINT, c.getEndpoint().toString(),
                RenderConfig.S3_ENDPOINT, c.getEndpoint().toString()))), dynamoDb, s3, log::add);

        // WHEN the two example articles are published and the stream's records reach the function
        DynamoDbArticleStore store = new DynamoDbArticleStore(dynamoDb, table);
        Seeds.articles().forEach(a -> store.create(a, false, Articles.SAVE));
        List<Record> batch = recordsOf(Seeds.articles().stream().map(a -> "ARTICLE#" + a.id()).toList());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        function.handleRequest(new ByteArrayInputStream(Json.MAPPER.writeValueAsBytes(
                StreamJson.event(batch, streamArn))), out, null);

        // THEN every record is handled, and the pages are in the bucket
        JsonNode response = Json.MAPPER.readTree(out.toByteArray());
        assertThat(response.path("batchItemFailures")).as(String.join("\n", log)).isEmpty();
        assertThat(object("nyheter/politiska-styrningen-av-individ-och-familj-utreds/index.html"))
                .contains("Politiska styrningen av Individ och familj utreds", "4 december 2019", "Läs mer:");
        assertThat(object("index.html")).contains("Statusuppdatering");
        assertThat(object("feed.xml")).contains("Politiska styrningen av Individ och familj utreds");
    }

    /** The records that have come since the last read. */
    private List<Record> records() {
        var response = streams.getRecords(r -> r.shardIterator(iterator));
        iterator = response.nextShardIterator();
        return response.records();
    }

    /** Reads the stream until it holds a record of each of these partitions, then what came with them. */
    private List<Record> recordsOf(List<String> partitions) throws InterruptedException {
        List<Record> read = new ArrayList<>();
        Instant until = Instant.now().plus(PATIENCE);
        while (!read.stream().map(r -> r.dynamodb().keys().get("PK").s()).toList().containsAll(partitions)
                && Instant.now().isBefore(until)) {
            read.addAll(records());
            Thread.sleep(100);
        }
        // the same writes' other items (slug claims, category entries) are in the same transactions
        Thread.sleep(500);
        read.addAll(records());
        return read;
    }

    private String object(String key) {
        return s3.getObjectAsBytes(r -> r.bucket(bucket).key(key)).asString(StandardCharsets.UTF_8);
    }
}
