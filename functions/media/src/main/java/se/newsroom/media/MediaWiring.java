package se.newsroom.media;

import java.util.function.Consumer;

import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

import se.newsroom.aws.DynamoDbClients;
import se.newsroom.aws.SharedHttpClient;
import se.newsroom.config.Env;
import se.newsroom.table.DynamoDbMediaStore;

/**
 * Puts the media pipeline together from its configuration and clients: the one place that does, for the Lambda
 * runtime's no-arg constructor and for the local runner alike.
 */
public final class MediaWiring {
    private MediaWiring() {
    }

    /**
     * What the local runner calls with an upload's key after each upload it forwards, since its S3 emulator sends no
     * event: the same work as the deployed function's S3 event. A failure is logged, and then handled as the deployed
     * MediaFailureFunction handles an event whose retries are exhausted: the item in error, its variants and the
     * upload gone.
     *
     * @param env           the variables template.yaml would set (the runner's local overrides included)
     * @param uploadsBucket the bucket the runner forwards uploads to
     */
    public static Consumer<String> function(Env env, String uploadsBucket, DynamoDbClient dynamoDb, S3Client s3,
                                            Consumer<String> log) {
        UploadedPictures pictures = pictures(MediaConfig.from(env), dynamoDb, s3, log);
        FailedUploads failed = failedUploads(MediaConfig.from(env), dynamoDb, s3, log);
        return key -> {
            try {
                pictures.process(uploadsBucket, key);
            } catch (RuntimeException e) {
                log.accept("MediaFunction failed on " + key + ": " + e);
                try {
                    failed.giveUp(uploadsBucket, key);
                } catch (RuntimeException again) {
                    log.accept("MediaFailureFunction failed on " + key + ": " + again);
                }
            }
        };
    }

    /** The pipeline as the deployed function builds it. */
    static UploadedPictures pictures(MediaConfig config, Consumer<String> log) {
        return pictures(config, DynamoDbClients.create(config.region(), config.dynamoDbEndpoint()), s3(config), log);
    }

    /** The failure handler as the deployed MediaFailureFunction builds it. */
    static FailedUploads failedUploads(MediaConfig config, Consumer<String> log) {
        return failedUploads(config, DynamoDbClients.create(config.region(), config.dynamoDbEndpoint()), s3(config),
                log);
    }

    /** The failure handler over these clients. */
    public static FailedUploads failedUploads(MediaConfig config, DynamoDbClient dynamoDb, S3Client s3,
                                              Consumer<String> log) {
        return new FailedUploads(config.uploadsBucket(), new DynamoDbMediaStore(dynamoDb, config.tableName()),
                new S3MediaFiles(s3, config.siteBucket()), log);
    }

    private static S3Client s3(MediaConfig config) {
        S3ClientBuilder s3 = S3Client.builder().region(config.region()).httpClient(SharedHttpClient.get())
                .credentialsProvider(EnvironmentVariableCredentialsProvider.create());
        config.s3Endpoint().ifPresent(e -> s3.endpointOverride(e).forcePathStyle(true)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED));
        return s3.build();
    }

    /** The pipeline over these clients. */
    public static UploadedPictures pictures(MediaConfig config, DynamoDbClient dynamoDb, S3Client s3,
                                            Consumer<String> log) {
        return new UploadedPictures(config.uploadsBucket(), new DynamoDbMediaStore(dynamoDb, config.tableName()),
                new S3MediaFiles(s3, config.siteBucket()), new ImageVariants(), log);
    }
}
