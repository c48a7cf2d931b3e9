package se.newsroom.render.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.s3.S3Client;

import se.newsroom.content.Article;
import se.newsroom.content.ArticleStatus;
import se.newsroom.content.Correction;
import se.newsroom.emulators.S3Emulator;
import se.newsroom.json.Json;
import se.newsroom.record.PublicRecord;
import se.newsroom.record.RecordChain;
import se.newsroom.record.S3RecordStore;
import se.newsroom.render.Seeds;
import se.newsroom.render.stream.StreamJson;
import se.newsroom.table.DynamoDbArticleStore;
import se.newsroom.testing.Articles;
import se.newsroom.testing.DynamoDbLocal;
import se.newsroom.testing.Tables;

/**
 * The table's real stream (DynamoDB Local) through PublicRecordFunction into an S3 emulator (S3Proxy, which has no
 * Object Lock: the tampering below is what Object Lock forbids in AWS, and what the chain check must still catch).
 */
class PublicRecordFunctionIT {
    private DynamoDbClient dynamoDb;
    private DynamoDbStreamsClient streams;
    private DynamoDbArticleStore store;
    private S3Client s3;
    private String bucket;
    private String streamArn;
    private String iterator;
    private RecordChain chain;
    private final List<String> log = new ArrayList<>();

    @BeforeEach
    void freshTableBucketAndStream() {
        dynamoDb = DynamoDbLocal.embedded().dynamoDbClient();
        streams = DynamoDbLocal.embedded().dynamoDbStreamsClient();
        String table = Tables.fresh(dynamoDb);
        store = new DynamoDbArticleStore(dynamoDb, table);
        s3 = S3Emulator.client();
        bucket = "records-" + table.substring(table.length() - 12);
        s3.createBucket(r -> r.bucket(bucket));
        chain = new RecordChain(new S3RecordStore(s3, bucket));
        streamArn = dynamoDb.describeTable(r -> r.tableName(table)).table().latestStreamArn();
        String shard = streams.describeStream(r -> r.streamArn(streamArn)).streamDescription().shards().getFirst()
                .shardId();
        iterator = streams.getShardIterator(r -> r.streamArn(streamArn).shardId(shard)
                .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
    }

    @Test
    void threePublishedVersions_shouldBeRecordedOnceEach_chained_andVerified() throws Exception {
        // GIVEN an article published, edited as a draft (not public: not recorded), republished, then corrected
        Article v3 = publishThreeVersions();

        // WHEN the stream's records reach the function, and the same batch is delivered again (a retry)
        ObjectNode batch = nextBatch();
        assertThat(invoke(batch).path("batchItemFailures")).isEmpty();
        assertThat(invoke(batch).path("batchItemFailures")).isEmpty();

        // THEN the three published versions are recorded, once, chained, and the chain holds
        RecordChain.Check check = chain.verify(v3.id());
        assertThat(check.verified()).isTrue();
        assertThat(check.versions()).extracting(RecordChain.Version::version).containsExactly(1L, 3L, 4L);
        assertThat(check.versions().get(1).previousHash()).isEqualTo(check.versions().getFirst().hash());
        assertThat(check.versions().getLast().corrections()).isEqualTo(1);
        assertThat(log).filteredOn(l -> l.contains("wrote")).hasSize(3);
        PublicRecord corrected = PublicRecord.parse(object(PublicRecord.key(v3.id(), 4)));
        assertThat(corrected.text("title")).isEqualTo("Politiska styrningen av Individ och familj utreds – rättad");
        assertThat(new String(object(PublicRecord.key(v3.id(), 4)), StandardCharsets.UTF_8))
                .contains("\"note\":\"Fel datum – mötet är den 12\u00a0december.\"");
    }

    @Test
    void tamperingWithAStoredVersion_shouldBeReported_withThatVersion() throws Exception {
        // GIVEN the three versions recorded
        Article v3 = publishThreeVersions();
        invoke(nextBatch());
        String middle = PublicRecord.key(v3.id(), 3);

        // WHEN someone with the bucket's keys (and no Object Lock in the way) rewrites the middle version's body
        String forged = new String(object(middle), StandardCharsets.UTF_8).replace("Socialnämnden", "Kommunstyrelsen");
        assertThat(forged).isNotEqualTo(new String(object(middle), StandardCharsets.UTF_8));
        s3.putObject(r -> r.bucket(bucket).key(middle), RequestBody.fromString(forged, StandardCharsets.UTF_8));

        // THEN the check names that version
        RecordChain.Check check = chain.verify(v3.id());
        assertThat(check.verified()).isFalse();
        assertThat(check.broken()).map(RecordChain.Broken::version).contains(3L);
    }

    @Test
    void deletingAMiddleVersion_shouldBeReported_atTheVersionAfterIt() throws Exception {
        Article v3 = publishThreeVersions();
        invoke(nextBatch());

        s3.deleteObject(r -> r.bucket(bucket).key(PublicRecord.key(v3.id(), 3)));

        RecordChain.Check check = chain.verify(v3.id());
        assertThat(check.versions()).extracting(RecordChain.Version::version).containsExactly(1L, 4L);
        assertThat(check.broken()).map(RecordChain.Broken::version).contains(4L);
        assertThat(check.broken().orElseThrow().reason()).contains("saknas");
    }

    /** Versions 1 (published), 2 (a draft), 3 (published again), 4 (published, a correction); returns the last. */
    private Article publishThreeVersions() {
        Article v1 = store.create(Seeds.articles().getLast().toBuilder().related(List.of()).build(), false,
                Articles.SAVE);
        Instant t = v1.updatedAt();
        Article v2 = store.update(v1, v1.toBuilder().status(ArticleStatus.DRAFT).body(v1.body() + "\n\nUtkast.")
                .updatedAt(t.plusSeconds(60)).version(2).build(), Articles.SAVE);
        Article v3 = store.update(v2, v2.toBuilder().status(ArticleStatus.PUBLISHED)
                .body(v1.body() + "\n\nSocialnämnden svarar.").updatedAt(t.plusSeconds(120)).version(3).build(),
                Articles.SAVE);
        return store.update(v3, v3.toBuilder().title(v3.title() + " – rättad").updatedAt(t.plusSeconds(180))
                .version(4).corrections(List.of(new Correction(t.plusSeconds(180),
                        "Fel datum – mötet är den 12\u00a0december."))).build(), Articles.SAVE);
    }

    private JsonNode invoke(ObjectNode event) throws Exception {
        PublicRecordFunction function = new PublicRecordFunction(new PublicRecordWriter(new S3RecordStore(s3,
                bucket)), log::add);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        function.handleRequest(new ByteArrayInputStream(Json.MAPPER.writeValueAsBytes(event)), out, null);
        return Json.MAPPER.readTree(out.toByteArray());
    }

    private ObjectNode nextBatch() {
        var response = streams.getRecords(r -> r.shardIterator(iterator));
        iterator = response.nextShardIterator();
        return StreamJson.event(response.records(), streamArn);
    }

    private byte[] object(String key) {
        return s3.getObjectAsBytes(r -> r.bucket(bucket).key(key)).asByteArray();
    }
}
