package se.newsroom.local;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.SsmClientBuilder;

import se.newsroom.comments.CommentsConfig;
import se.newsroom.importer.ImportTarget;
import se.newsroom.importer.MediaImport;
import se.newsroom.table.DynamoDbMediaStore;

/**
 * An import into a deployed stack: its content table, the hashing salt from Parameter Store (the parameter the
 * comments function reads) or HASH_SALT, pictures into its uploads bucket (the bucket's event makes them, as for an
 * editor's upload), and the one rebuild as a synchronous invoke of its render function ({@link LambdaRebuild}).
 * Credentials and region are the AWS SDK's usual ones (environment, profile); {@code --endpoint} points every client
 * elsewhere (LocalStack).
 */
final class AwsImport {
    /** A full rebuild of a large site may take most of the function's 15 minutes. */
    static final Duration REBUILD_TIMEOUT = Duration.ofMinutes(15);

    private AwsImport() {
    }

    /**
     * Opens the clients (the table's through {@link ImportTarget#client}, whose retries outlast throttling) and reads
     * the salt; the import checks that the table answers before it writes ({@link ImportTarget#check}).
     *
     * @throws ImportSession.TargetException when the region or the salt cannot be had
     */
    static ImportSession open(ImportArguments args, Map<String, String> env) {
        SdkHttpClient http = UrlConnectionHttpClient.builder().socketTimeout(REBUILD_TIMEOUT)
                .connectionTimeout(Duration.ofSeconds(10)).build();
        Region region = args.region().map(Region::of).orElseGet(AwsImport::defaultRegion);
        AwsCredentialsProvider credentials = DefaultCredentialsProvider.builder().build();
        DynamoDbClient dynamoDb = ImportTarget.client(region, args.endpoint(), credentials);
        String table = args.table().orElseThrow();
        String salt = salt(args, region, credentials, env, http);
        Optional<S3Client> s3 = args.uploads().map(u -> {
            S3ClientBuilder builder = S3Client.builder().httpClient(http).credentialsProvider(credentials);
            configure(args, region, builder::region, e -> builder.endpointOverride(e).forcePathStyle(true));
            return builder.build();
        });
        Optional<PictureImport> pictures = s3.map(client -> new PictureImport(new DynamoDbMediaStore(dynamoDb, table),
                client, args.uploadsBucket().orElseThrow(), key -> { }, Clock.systemUTC()));
        Optional<Runnable> lambda = args.renderFunction().map(name -> new LambdaRebuild(http, credentials, region,
                args.endpoint(), name));
        Runnable rebuild = lambda.orElse(() -> { });
        ImportSession session = new ImportSession(r -> ImportTarget.dynamoDb(dynamoDb, table,
                pictures.map(MediaImport.class::cast), r), pictures, rebuild, salt, () -> {
                    dynamoDb.close();
                    s3.ifPresent(S3Client::close);
                    http.close();
                });
        if (lambda.isEmpty()) {
            session.note("Ingen --render-function: sajten byggs inte om. Anropa renderingsfunktionen med"
                    + " {\"action\":\"rebuild\"} när importen är klar.");
        }
        return session;
    }

    private static String salt(ImportArguments args, Region region, AwsCredentialsProvider credentials,
                               Map<String, String> env, SdkHttpClient http) {
        if (args.saltParameter().isPresent()) {
            SsmClientBuilder builder = SsmClient.builder().httpClient(http).credentialsProvider(credentials);
            configure(args, region, builder::region, builder::endpointOverride);
            String name = args.saltParameter().get();
            try (SsmClient ssm = builder.build()) {
                return ssm.getParameter(r -> r.name(name).withDecryption(true)).parameter().value();
            } catch (SdkException e) {
                throw new ImportSession.TargetException("Saltet kunde inte läsas från Parameter Store (" + name
                        + "): " + reason(e), e);
            }
        }
        String salt = env.getOrDefault(CommentsConfig.HASH_SALT, "");
        if (salt.isBlank() && !args.dryRun()) {
            throw new ImportSession.TargetException("Ange --salt-parameter (stackens parameter HashSaltParameterName,"
                    + " som standard /newsroom/hash-salt) eller miljövariabeln " + CommentsConfig.HASH_SALT
                    + ": kommentarernas e-postadresser sparas bara som hash med kommentarsfunktionens salt.", null);
        }
        return salt;
    }

    private static void configure(ImportArguments args, Region region, Consumer<Region> regionSetter,
                                  Consumer<URI> endpoint) {
        regionSetter.accept(region);
        args.endpoint().ifPresent(endpoint);
    }

    private static Region defaultRegion() {
        try {
            return DefaultAwsRegionProviderChain.builder().build().getRegion();
        } catch (SdkException e) {
            throw new ImportSession.TargetException("Ingen AWS-region: ange --region (stackens region) eller"
                    + " AWS_REGION.", e);
        }
    }

    /** The SDK's reason, in one line. */
    static String reason(SdkException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.lines().findFirst().orElse(message);
    }
}
