package se.newsroom.articles;

import java.net.URI;
import java.time.Clock;
import java.util.Optional;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

import se.newsroom.aws.DynamoDbClients;
import se.newsroom.aws.SharedHttpClient;
import se.newsroom.config.Env;
import se.newsroom.config.EnvNames;
import se.newsroom.content.ArticleIds;
import se.newsroom.content.AuditLog;
import se.newsroom.record.RecordChain;
import se.newsroom.record.S3RecordStore;
import se.newsroom.table.DynamoDbArticleStore;
import se.newsroom.table.DynamoDbAuditLog;
import se.newsroom.table.DynamoDbCommentStore;
import se.newsroom.table.DynamoDbMediaStore;
import se.newsroom.table.DynamoDbPrivacyNoticeStore;

/**
 * Puts the articles jar's functions together from their configuration and the table's client: the one place that
 * does, for the Lambda runtime's no-arg constructors and for the local runner alike.
 */
public final class ArticlesWiring {
    /** The placeholder key pair uploads are presigned with against a local S3 emulator (the local runner checks it). */
    public static final AwsBasicCredentials EMULATOR_CREDENTIALS = AwsBasicCredentials.create("local", "local");

    private ArticlesWiring() {
    }

    /** The table's client as a deployed function builds it. */
    static DynamoDbClient dynamoDb(ArticlesConfig config) {
        return DynamoDbClients.create(config.region(), config.dynamoDbEndpoint());
    }

    /** The article service on the content table, with the system clock and ULIDs. */
    public static ArticleService service(ArticlesConfig config, DynamoDbClient dynamoDb) {
        return new ArticleService(new DynamoDbArticleStore(dynamoDb, config.tableName()),
                new DynamoDbCommentStore(dynamoDb, config.tableName()),
                Optional.of(new DynamoDbMediaStore(dynamoDb, config.tableName())), Clock.systemUTC(),
                ArticleIds.generator());
    }

    /** The editors' article API. */
    public static ArticlesFunction articles(ArticlesConfig config, DynamoDbClient dynamoDb) {
        return new ArticlesFunction(service(config, dynamoDb), config.siteZone());
    }

    /** The editors' article API with the media library, the privacy notice and the audit log, without the record. */
    public static ArticlesFunction articles(ArticlesConfig config, DynamoDbClient dynamoDb, MediaApiConfig media) {
        return articles(config, dynamoDb, media, Optional.empty());
    }

    /** The privacy notice on the content table, its default naming the configured contact. */
    public static PrivacyNoticeService privacyNotice(ArticlesConfig config, DynamoDbClient dynamoDb) {
        return new PrivacyNoticeService(new DynamoDbPrivacyNoticeStore(dynamoDb, config.tableName()),
                Clock.systemUTC(), config.privacyContact());
    }

    /** The editors' article API with the media library, the public record's check, the notice and the audit log. */
    public static ArticlesFunction articles(ArticlesConfig config, DynamoDbClient dynamoDb, MediaApiConfig media,
                                            Optional<RecordChain> record) {
        return new ArticlesFunction(service(config, dynamoDb), Optional.of(media(config, dynamoDb, media)), record,
                Optional.of(privacyNotice(config, dynamoDb)), Optional.of(audit(config, dynamoDb)), config.siteZone());
    }

    /** The audit log on the content table. */
    public static AuditLog audit(ArticlesConfig config, DynamoDbClient dynamoDb) {
        return new DynamoDbAuditLog(dynamoDb, config.tableName());
    }

    /**
     * The media library on the content table, with its files on S3, signed with the function's role (the Lambda
     * runtime's environment variables). With an endpoint override (a local S3 emulator, which checks no signature):
     * placeholder credentials, path-style addresses, and checksums only where S3 requires them.
     */
    public static MediaService media(ArticlesConfig config, DynamoDbClient dynamoDb, MediaApiConfig media) {
        AwsCredentialsProvider credentials = media.s3Endpoint().isPresent()
                ? StaticCredentialsProvider.create(EMULATOR_CREDENTIALS)
                : EnvironmentVariableCredentialsProvider.create();
        S3Presigner.Builder presigner = S3Presigner.builder().region(media.region()).credentialsProvider(credentials);
        S3ClientBuilder s3 = S3Client.builder().region(media.region()).credentialsProvider(credentials)
                .httpClient(SharedHttpClient.get());
        media.s3Endpoint().ifPresent(e -> {
            presigner.endpointOverride(e).serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true)
                    .build());
            s3.endpointOverride(e).forcePathStyle(true)
                    .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                    .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        });
        return new MediaService(new DynamoDbMediaStore(dynamoDb, config.tableName()),
                new S3MediaFiles(presigner.build(), s3.build(), media.uploadsBucket(), media.siteBucket()),
                Clock.systemUTC(), ArticleIds.generator());
    }

    /**
     * The public record's check ({@code GET /api/articles/{id}/record}), reading the records bucket with the
     * function's role; none when {@code RECORDS_BUCKET} is unset. With an endpoint override (a local S3 emulator),
     * as for the media library.
     */
    public static Optional<RecordChain> publicRecord(Env env) {
        return env.optional(EnvNames.RECORDS_BUCKET).filter(b -> !b.isBlank()).map(bucket -> {
            Optional<URI> endpoint = env.optionalUri(MediaApiConfig.S3_ENDPOINT);
            S3ClientBuilder s3 = S3Client.builder().region(Region.of(env.required(EnvNames.AWS_REGION)))
                    .credentialsProvider(endpoint.isPresent() ? StaticCredentialsProvider.create(EMULATOR_CREDENTIALS)
                            : EnvironmentVariableCredentialsProvider.create())
                    .httpClient(SharedHttpClient.get());
            endpoint.ifPresent(e -> s3.endpointOverride(e).forcePathStyle(true)
                    .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                    .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED));
            return new RecordChain(new S3RecordStore(s3.build(), bucket));
        });
    }

    /** The every-minute publisher of scheduled articles. */
    public static PublishScheduledFunction publishScheduled(ArticlesConfig config, DynamoDbClient dynamoDb) {
        return new PublishScheduledFunction(service(config, dynamoDb));
    }
}
