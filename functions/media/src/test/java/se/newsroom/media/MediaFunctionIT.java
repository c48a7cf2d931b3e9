package se.newsroom.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.exif.GpsDirectory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Object;

import se.newsroom.content.Media;
import se.newsroom.content.MediaStatus;
import se.newsroom.content.MediaStore;
import se.newsroom.content.MediaVariant;
import se.newsroom.emulators.S3Emulator;
import se.newsroom.emulators.TemplateTable;
import se.newsroom.table.DynamoDbMediaStore;
import se.newsroom.testing.DynamoDbLocal;
import se.newsroom.testing.Tables;

/**
 * Replays every file in {@code events/media/} (the same files {@code sam local invoke} uses) through MediaFunction,
 * each read by the Lambda runtime's own serializer, against DynamoDB Local and S3Proxy.
 */
class MediaFunctionIT {
    private static final Path EVENTS = TemplateTable.templatePath().getParent().resolve("events/media");
    private static final PojoSerializer<S3Event> SERIALIZER =
            LambdaEventSerializers.serializerFor(S3Event.class, MediaFunctionIT.class.getClassLoader());
    private static final String PHOTO = "01JC0000000000000000000001";
    private static final String PDF = "01JC0000000000000000000002";
    private static final String STRAY = "01JC0000000000000000000003";

    private final S3Client s3 = S3Emulator.client();
    private final DynamoDbClient dynamoDb = DynamoDbLocal.embedded().dynamoDbClient();
    private String uploads;
    private String site;
    private DynamoDbMediaStore store;
    private MediaFunction function;

    @BeforeEach
    void setUp() {
        String suffix = Long.toString(System.nanoTime());
        uploads = "uploads-" + suffix;
        site = "site-" + suffix;
        s3.createBucket(b -> b.bucket(uploads));
        s3.createBucket(b -> b.bucket(site));
        String table = Tables.fresh(dynamoDb);
        store = new DynamoDbMediaStore(dynamoDb, table);
        MediaConfig config = new MediaConfig(table, site, uploads, Region.EU_NORTH_1, Optional.empty(),
                Optional.empty());
        function = new MediaFunction(MediaWiring.pictures(config, dynamoDb, s3, System.out::println));
    }

    @Test
    void everyEventFileIsReplayedHere() throws IOException {
        try (Stream<Path> files = Files.list(EVENTS)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactlyInAnyOrder(
                    "upload-photo.json", "upload-not-an-image.json", "upload-without-media-request.json",
                    // MediaFailureFunctionIT replays the on-failure destination's record
                    "failure-retries-exhausted.json");
        }
    }

    @Test
    void uploadedPhoto_shouldBecomeReady_withUprightVariantsWithoutGps_cachedForAYear() throws Exception {
        // GIVEN an editor asked to upload a phone photo (on its side, with a GPS position) and uploaded it
        store.create(Media.pending(PHOTO, "möte.jpg", "image/jpeg", 1, "Redaktör", Instant.now()));
        byte[] photo = TestImages.withExif(TestImages.jpeg(
                TestImages.quarters(2000, 1500, BufferedImage.TYPE_INT_RGB), false), 6);
        s3.putObject(b -> b.bucket(uploads).key("uploads/" + PHOTO), RequestBody.fromBytes(photo));

        // WHEN the upload's event arrives
        replay("upload-photo.json");

        // THEN the item is ready, 1500 × 2000 as shown, with its variants in the site bucket
        Media media = store.find(PHOTO).orElseThrow();
        assertThat(media.status()).isEqualTo(MediaStatus.READY);
        assertThat(media.width()).isEqualTo(1500);
        assertThat(media.height()).isEqualTo(2000);
        assertThat(media.variants()).extracting(MediaVariant::key).containsExactly(
                "media/" + PHOTO + "/480.jpg", "media/" + PHOTO + "/960.jpg");
        for (MediaVariant variant : media.variants()) {
            ResponseBytes<GetObjectResponse> object = s3.getObjectAsBytes(b -> b.bucket(site).key(variant.key()));
            assertThat(object.response().cacheControl()).isEqualTo("public, max-age=31536000, immutable");
            assertThat(object.response().contentType()).isEqualTo("image/jpeg");
            assertThat(object.asByteArray()).hasSize((int) variant.bytes());
            assertThat(ImageMetadataReader.readMetadata(new ByteArrayInputStream(object.asByteArray()))
                    .getDirectoriesOfType(GpsDirectory.class)).isEmpty();
        }
        // and the upload is gone
        assertThat(keys(uploads)).isEmpty();
    }

    @Test
    void uploadedPdf_shouldLeaveTheItemInError_withTheReason_andNoVariants() throws Exception {
        store.create(Media.pending(PDF, "bild.jpg", "image/jpeg", 1, "Redaktör", Instant.now()));
        s3.putObject(b -> b.bucket(uploads).key("uploads/" + PDF),
                RequestBody.fromString("%PDF-1.7\n%%EOF\n", StandardCharsets.US_ASCII));

        replay("upload-not-an-image.json");

        Media media = store.find(PDF).orElseThrow();
        assertThat(media.status()).isEqualTo(MediaStatus.ERROR);
        assertThat(media.reason()).isEqualTo("Filen är inte en bild i JPEG, PNG, WebP eller GIF.");
        assertThat(media.variants()).isEmpty();
        assertThat(keys(site)).isEmpty();
        assertThat(keys(uploads)).isEmpty();
    }

    @Test
    void uploadWithoutMediaRequest_shouldBeDeleted_andNothingWritten() throws Exception {
        s3.putObject(b -> b.bucket(uploads).key("uploads/" + STRAY), RequestBody.fromBytes(TestImages.jpeg(
                TestImages.quarters(600, 400, BufferedImage.TYPE_INT_RGB), false)));

        replay("upload-without-media-request.json");

        assertThat(store.find(STRAY)).isEmpty();
        assertThat(keys(site)).isEmpty();
        assertThat(keys(uploads)).isEmpty();
    }

    @Test
    void aRetriedEvent_shouldNotTouchAFinishedItem() throws Exception {
        store.create(Media.pending(PDF, "bild.jpg", "image/jpeg", 1, "Redaktör", Instant.now()));
        s3.putObject(b -> b.bucket(uploads).key("uploads/" + PDF),
                RequestBody.fromString("%PDF-1.7\n%%EOF\n", StandardCharsets.US_ASCII));
        replay("upload-not-an-image.json");
        // a second file at the same key, then the event again: the item stays as it was decided
        s3.putObject(b -> b.bucket(uploads).key("uploads/" + PDF), RequestBody.fromBytes(TestImages.jpeg(
                TestImages.quarters(600, 400, BufferedImage.TYPE_INT_RGB), false)));

        replay("upload-not-an-image.json");

        assertThat(store.find(PDF).orElseThrow().status()).isEqualTo(MediaStatus.ERROR);
        assertThat(keys(site)).isEmpty();
        assertThat(keys(uploads)).isEmpty();
    }

    @Test
    void anEventFromAnotherBucket_shouldBeRefused_andNothingThereReadOrDeleted() throws Exception {
        // GIVEN a pending item, and a file under its upload key in another bucket of the account
        String other = "other-" + System.nanoTime();
        s3.createBucket(b -> b.bucket(other));
        store.create(Media.pending(PHOTO, "möte.jpg", "image/jpeg", 1, "Redaktör", Instant.now()));
        s3.putObject(b -> b.bucket(other).key("uploads/" + PHOTO), RequestBody.fromBytes(TestImages.jpeg(
                TestImages.quarters(600, 400, BufferedImage.TYPE_INT_RGB), false)));

        // WHEN that bucket's event reaches the function
        replay("upload-photo.json", other);

        // THEN nothing happened: the item is pending, no variant, the other bucket's file still there
        assertThat(store.find(PHOTO).orElseThrow().status()).isEqualTo(MediaStatus.PENDING);
        assertThat(keys(site)).isEmpty();
        assertThat(keys(other)).containsExactly("uploads/" + PHOTO);
    }

    @Test
    void aCrashBeforeTheItemIsMarkedReady_shouldLeaveNothingTheRetryDoesNotFinish() throws Exception {
        // GIVEN a table that fails the first markReady (the attempt stops after writing the variants)
        store.create(Media.pending(PHOTO, "möte.jpg", "image/jpeg", 1, "Redaktör", Instant.now()));
        s3.putObject(b -> b.bucket(uploads).key("uploads/" + PHOTO), RequestBody.fromBytes(TestImages.jpeg(
                TestImages.quarters(2000, 1500, BufferedImage.TYPE_INT_RGB), false)));
        MediaStore failingOnce = failingMarkReadyOnce(store);
        MediaFunction crashing = new MediaFunction(new UploadedPictures(uploads, failingOnce,
                new S3MediaFiles(s3, site), new ImageVariants(), System.out::println));
        String json = Files.readString(EVENTS.resolve("upload-photo.json")).replace("newsroom-uploads-example",
                uploads);
        assertThatThrownBy(() -> crashing.handleRequest(SERIALIZER.fromJson(json), null))
                .isInstanceOf(IllegalStateException.class);
        assertThat(store.find(PHOTO).orElseThrow().status()).isEqualTo(MediaStatus.PENDING);
        List<String> written = keys(site);
        assertThat(written).containsExactly("media/" + PHOTO + "/1600.jpg", "media/" + PHOTO + "/480.jpg",
                "media/" + PHOTO + "/960.jpg");

        // WHEN Lambda retries the event
        crashing.handleRequest(SERIALIZER.fromJson(json), null);

        // THEN the item is ready with exactly the variants in the bucket: the retry overwrote the same keys
        Media media = store.find(PHOTO).orElseThrow();
        assertThat(media.status()).isEqualTo(MediaStatus.READY);
        assertThat(media.variants()).extracting(MediaVariant::key).containsExactlyInAnyOrderElementsOf(written);
        assertThat(keys(site)).isEqualTo(written);
        assertThat(keys(uploads)).isEmpty();
    }

    /** The table, with a first markReady that fails as a lost connection would. */
    private static MediaStore failingMarkReadyOnce(MediaStore store) {
        AtomicBoolean failed = new AtomicBoolean();
        return (MediaStore) Proxy.newProxyInstance(MediaStore.class.getClassLoader(), new Class<?>[] {MediaStore.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("markReady") && failed.compareAndSet(false, true)) {
                        throw new IllegalStateException("DynamoDB did not answer");
                    }
                    try {
                        return method.invoke(store, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private void replay(String file) throws IOException {
        replay(file, uploads);
    }

    private void replay(String file, String bucket) throws IOException {
        // the sample's bucket, as S3 names it, is this test's uploads bucket
        String json = Files.readString(EVENTS.resolve(file)).replace("newsroom-uploads-example", bucket);
        S3Event event = SERIALIZER.fromJson(json);
        function.handleRequest(event, null);
    }

    private List<String> keys(String bucket) {
        return s3.listObjectsV2(b -> b.bucket(bucket)).contents().stream().map(S3Object::key).toList();
    }
}
