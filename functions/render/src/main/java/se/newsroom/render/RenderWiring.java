package se.newsroom.render;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

import se.newsroom.aws.DynamoDbClients;
import se.newsroom.aws.SharedHttpClient;
import se.newsroom.aws.SignedCall;
import se.newsroom.render.desk.DeskFiles;
import se.newsroom.render.output.CloudFrontInvalidator;
import se.newsroom.render.output.Invalidator;
import se.newsroom.render.output.S3SiteWriter;
import se.newsroom.render.output.SiteWriter;
import se.newsroom.render.plan.PagePlanner;
import se.newsroom.render.site.DynamoDbSiteContent;
import se.newsroom.render.site.Labels;
import se.newsroom.render.site.SiteRenderer;
import se.newsroom.render.site.SiteSettings;
import se.newsroom.render.site.SnapshotSiteContent;
import se.newsroom.table.DynamoDbArticleStore;
import se.newsroom.table.DynamoDbSiteReads;

/**
 * Puts RenderFunction together from its configuration and clients: the one place that does, for the Lambda runtime's
 * no-arg constructor and for the local runner alike.
 */
public final class RenderWiring {
    private RenderWiring() {
    }

    /**
     * A RenderFunction's collaborators; the renderer too, which priming drives directly.
     *
     * @param rebuilder renders every page from one scan of the table
     */
    record Parts(SitePublisher publisher, DynamoDbSiteContent content, RenderFunction.Rebuilder rebuilder,
                 SiteRenderer renderer) {
    }

    /** The table's client as the deployed function builds it. */
    static DynamoDbClient dynamoDb(RenderConfig config) {
        return DynamoDbClients.create(config.region(), config.dynamoDbEndpoint());
    }

    /**
     * The site bucket's client. With an endpoint override (a local S3 emulator): path-style addresses, and checksums
     * only where S3 requires them, since the emulators predate the SDK's default trailing checksums.
     */
    public static S3Client s3(Region region, Optional<URI> endpoint, AwsCredentialsProvider credentials) {
        return s3(region, endpoint, credentials, SharedHttpClient.get());
    }

    /** As {@link #s3(Region, Optional, AwsCredentialsProvider)} over {@code http} (the local runner injects faults). */
    public static S3Client s3(Region region, Optional<URI> endpoint, AwsCredentialsProvider credentials,
                              SdkHttpClient http) {
        S3ClientBuilder builder = S3Client.builder().region(region).credentialsProvider(credentials)
                .httpClient(http);
        endpoint.ifPresent(e -> builder.endpointOverride(e).forcePathStyle(true)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED));
        return builder.build();
    }

    /** The render function; {@code log} takes what it reports about failed records and pages. */
    public static RenderFunction render(RenderConfig config, DynamoDbClient dynamoDb, S3Client s3,
                                        Consumer<String> log) {
        Parts parts = parts(config, dynamoDb, s3, log);
        return new RenderFunction(parts.publisher(), parts.content(), parts.rebuilder());
    }

    /** The editors' preview of an article's page. */
    public static PreviewFunction preview(PreviewConfig config, DynamoDbClient dynamoDb) {
        return new PreviewFunction(previews(config, dynamoDb));
    }

    /** Previews from the table, rendered as the site's pages are (the same renderer, settings and words). */
    static ArticlePreviews previews(PreviewConfig config, DynamoDbClient dynamoDb) {
        return new ArticlePreviews(new DynamoDbArticleStore(dynamoDb, config.tableName()),
                new DynamoDbSiteContent(new DynamoDbSiteReads(dynamoDb, config.tableName()), config.zone()),
                renderer(config.siteName(), config.siteUrl(), config.zone(), config.mainCategories(), ""),
                Clock.systemUTC());
    }

    /**
     * The site's renderer: in Swedish, for the site of this name, address, zone and navigation, its default privacy
     * notice naming {@code privacyContact} (a preview shows no privacy notice: "").
     */
    private static SiteRenderer renderer(String siteName, URI siteUrl, ZoneId zone, List<String> mainCategories,
                                         String privacyContact) {
        return new SiteRenderer(new SiteSettings(siteName, siteUrl, zone, mainCategories, SiteSettings.DEFAULT_LOGO,
                privacyContact), new Labels(Locale.forLanguageTag("sv-SE")));
    }

    static Parts parts(RenderConfig config, DynamoDbClient dynamoDb, S3Client s3, Consumer<String> log) {
        SiteWriter writer = new S3SiteWriter(s3, config.bucketName());
        Invalidator invalidator = config.distributionId()
                .<Invalidator>map(id -> new CloudFrontInvalidator(new SignedCall(SharedHttpClient.get(),
                        EnvironmentVariableCredentialsProvider.create()), CloudFrontInvalidator.ENDPOINT, id,
                        () -> UUID.randomUUID().toString()))
                .orElse(Invalidator.none());
        SiteRenderer renderer = renderer(config.siteName(), config.siteUrl(), config.zone(), config.mainCategories(),
                config.privacyContact());
        DynamoDbSiteReads reads = new DynamoDbSiteReads(dynamoDb, config.tableName());
        SitePublisher publisher = new SitePublisher(new PagePlanner(config.zone()), renderer, writer, invalidator, log,
                config.pageParallelism());
        SiteBuild build = new SiteBuild(renderer, writer, config.pageParallelism(), config.zone());
        DeskFiles desk = new DeskFiles(config.deskSignIn());
        // The desk goes with every rebuild, which a deploy triggers: a changed desk or template is live after it.
        RenderFunction.Rebuilder rebuilder = () -> {
            Instant readAt = Instant.now();
            int pages = build.run(SnapshotSiteContent.of(reads.everything(), config.zone()), readAt);
            desk.writeTo(writer);
            return pages;
        };
        return new Parts(publisher, new DynamoDbSiteContent(reads, config.zone()), rebuilder, renderer);
    }
}
