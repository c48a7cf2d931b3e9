package se.newsroom.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

import se.newsroom.config.Env;
import se.newsroom.content.Media;
import se.newsroom.content.MediaStatus;
import se.newsroom.content.MediaVariant;
import se.newsroom.emulators.S3Emulator;
import se.newsroom.emulators.TemplateTable;
import se.newsroom.table.DynamoDbMediaStore;
import se.newsroom.testing.DynamoDbLocal;
import se.newsroom.testing.Tables;

/**
 * MediaFailureFunction, MediaFunction's on-failure destination, given {@code events/media/failure-*.json} (Lambda's
 * record of an upload event whose retries are exhausted) against DynamoDB Local and S3Proxy.
 */
class MediaFailureFunctionIT {
    private static final Path EVENT = TemplateTable.templatePath().getParent()
            .resolve("events/media/failure-retries-exhausted.json");
    /** The picture the record names. */
    private static final String PHOTO = "01JC0000000000000000000001";
    private static final String OTHER = "01JC0000000000000000000009";

    private final S3Client s3 = S3Emulator.client();
    private final DynamoDbClient dynamoDb = DynamoDbLocal.embedded().dynamoDbClient();
    private final List<String> log = new ArrayList<>();
    private String uploads;
    private String site;
    private DynamoDbMediaStore store;
    private MediaConfig config;
    private MediaFailureFunction function;

    @BeforeEach
    void setUp() {
        String suffix = Long.toString(System.nanoTime());
        uploads = "uploads-" + suffix;
        site = "site-" + suffix;
        s3.createBucket(b -> b.bucket(uploads));
        s3.createBucket(b -> b.bucket(site));
        String table = Tables.fresh(dynamoDb);
        store = new DynamoDbMediaStore(dynamoDb, table);
        config = new MediaConfig(table, site, uploads, Region.EU_NORTH_1, Optional.empty(), Optional.empty());
        function = new MediaFailureFunction(MediaWiring.failedUploads(config, dynamoDb, s3, log::add));
    }

    @Test
    void aPendingPictureWhoseRetriesAreExhausted_shouldEndInError_withItsVariantsAndUploadGone() throws Exception {
        // GIVEN a pending picture whose attempts wrote variants (and something else under its prefix) and then
        // failed, its upload still there, and another picture's variant beside it
        store.create(Media.pending(PHOTO, "möte.jpg", "image/jpeg", 1, "Redaktör", Instant.now()));
        put(uploads, "uploads/" + PHOTO);
        put(site, "media/" + PHOTO + "/480.jpg");
        put(site, "media/" + PHOTO + "/960.jpg");
        put(site, "media/" + PHOTO + "/1600.webp");
        put(site, "media/" + OTHER + "/480.jpg");

        // WHEN Lambda delivers the record of the event it gave up on
        replay();

        // THEN the item is in error with the reason the desk shows, and nothing of the picture is left
        Media media = store.find(PHOTO).orElseThrow();
        assertThat(media.status()).isEqualTo(MediaStatus.ERROR);
        assertThat(media.reason()).isEqualTo("Bilden kunde inte behandlas. Försök ladda upp den igen.");
        assertThat(media.variants()).isEmpty();
        assertThat(keys(site)).containsExactly("media/" + OTHER + "/480.jpg");
        assertThat(keys(uploads)).isEmpty();
    }

    @Test
    void theSameRecordTwice_shouldChangeNothingMore() throws Exception {
        store.create(Media.pending(PHOTO, "möte.jpg", "image/jpeg", 1, "Redaktör", Instant.now()));
        put(uploads, "uploads/" + PHOTO);
        put(site, "media/" + PHOTO + "/480.jpg");
        replay();
        Media first = store.find(PHOTO).orElseThrow();

        replay();

        assertThat(store.find(PHOTO).orElseThrow()).isEqualTo(first);
        assertThat(first.status()).isEqualTo(MediaStatus.ERROR);
        assertThat(keys(site)).isEmpty();
        assertThat(keys(uploads)).isEmpty();
    }

    @Test
    void aPictureThatIsReady_shouldBeLeftAlone() throws Exception {
        // GIVEN the last attempt finished (the item is ready with its variants) but its answer was lost
        store.create(Media.pending(PHOTO, "möte.jpg", "image/jpeg", 1, "Redaktör", Instant.now()));
        put(site, "media/" + PHOTO + "/480.jpg");
        assertThat(store.markReady(PHOTO, 600, 400,
                List.of(new MediaVariant(480, 320, "media/" + PHOTO + "/480.jpg", "image/jpeg", 5)))).isTrue();
        Media ready = store.find(PHOTO).orElseThrow();

        replay();

        assertThat(store.find(PHOTO).orElseThrow()).isEqualTo(ready);
        assertThat(keys(site)).containsExactly("media/" + PHOTO + "/480.jpg");
    }

    @Test
    void anUnknownPicture_shouldChangeNothing() throws Exception {
        // GIVEN no media item with the record's id (never requested, or deleted since), an upload under its key
        put(uploads, "uploads/" + PHOTO);
        put(site, "media/" + OTHER + "/480.jpg");

        replay();

        assertThat(store.find(PHOTO)).isEmpty();
        assertThat(keys(uploads)).containsExactly("uploads/" + PHOTO);
        assertThat(keys(site)).containsExactly("media/" + OTHER + "/480.jpg");
    }

    @Test
    void aRecordNamingAnotherBucket_shouldChangeNothing() throws Exception {
        String other = "other-" + System.nanoTime();
        s3.createBucket(b -> b.bucket(other));
        store.create(Media.pending(PHOTO, "möte.jpg", "image/jpeg", 1, "Redaktör", Instant.now()));
        put(other, "uploads/" + PHOTO);
        put(site, "media/" + PHOTO + "/480.jpg");

        replay(other);

        assertThat(store.find(PHOTO).orElseThrow().status()).isEqualTo(MediaStatus.PENDING);
        assertThat(keys(other)).containsExactly("uploads/" + PHOTO);
        assertThat(keys(site)).containsExactly("media/" + PHOTO + "/480.jpg");
    }

    @Test
    void locally_aMediaFunctionThatFails_shouldLeaveThePictureInError_asTheDestinationWould() throws Exception {
        // GIVEN the local runner's hook, over a site bucket that refuses every write (it does not exist)
        store.create(Media.pending(PHOTO, "möte.jpg", "image/jpeg", 1, "Redaktör", Instant.now()));
        s3.putObject(b -> b.bucket(uploads).key("uploads/" + PHOTO), RequestBody.fromBytes(TestImages.jpeg(
                TestImages.quarters(600, 400, BufferedImage.TYPE_INT_RGB), false)));
        Env env = new Env(Map.of("TABLE_NAME", config.tableName(), "BUCKET_NAME", site + "-missing",
                "UPLOADS_BUCKET", uploads, "AWS_REGION", "eu-north-1"));

        // WHEN the upload is forwarded and the media function fails on it
        MediaWiring.function(env, uploads, dynamoDb, s3, log::add).accept("uploads/" + PHOTO);

        // THEN the item is in error with the reason, as MediaFailureFunction leaves it once Lambda gives up
        assertThat(store.find(PHOTO).orElseThrow().reason()).isEqualTo(FailedUploads.REASON);
        assertThat(log).anyMatch(line -> line.startsWith("MediaFunction failed on uploads/" + PHOTO));
    }

    private void replay() throws IOException {
        replay(uploads);
    }

    private void replay(String bucket) throws IOException {
        // the sample's bucket is this test's uploads bucket
        String json = Files.readString(EVENT).replace("newsroom-uploads-example", bucket);
        function.handleRequest(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)),
                new ByteArrayOutputStream(), null);
    }

    private void put(String bucket, String key) {
        s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromString("bytes", StandardCharsets.US_ASCII));
    }

    private List<String> keys(String bucket) {
        return s3.listObjectsV2(b -> b.bucket(bucket)).contents().stream().map(S3Object::key).toList();
    }
}
