package se.newsroom.render;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Locale;
import java.util.UUID;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.fasterxml.jackson.databind.JsonNode;

import se.newsroom.article.Article;
import se.newsroom.article.ArticleStatus;
import se.newsroom.aws.SharedHttpClient;
import se.newsroom.aws.SignedCall;
import se.newsroom.config.Env;
import se.newsroom.config.SnapStartPriming;
import se.newsroom.http.PrimingEvents;
import se.newsroom.render.plan.Change;
import se.newsroom.render.plan.Page;
import se.newsroom.render.site.Comment;
import se.newsroom.render.site.SnapshotSiteContent;
import se.newsroom.dynamodb.DynamoDbClients;
import se.newsroom.http.Json;
import se.newsroom.render.output.CloudFrontInvalidator;
import se.newsroom.render.output.Invalidator;
import se.newsroom.render.output.S3SiteWriter;
import se.newsroom.render.output.SiteWriter;
import se.newsroom.render.plan.PagePlanner;
import se.newsroom.render.site.DynamoDbSiteContent;
import se.newsroom.render.site.Labels;
import se.newsroom.render.site.SiteRenderer;
import se.newsroom.render.site.SiteSettings;
import se.newsroom.render.stream.StreamEvents;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The content table's stream into the static site: a batch of records in, partial batch failures out. Invoked
 * directly with {@code {"action":"rebuild"}} it renders every page.
 */
public final class RenderFunction implements RequestStreamHandler {
    /** How many pages are rendered and written at once, in a rebuild and in a stream batch. */
    static final int PAGE_PARALLELISM = 8;

    private final SitePublisher publisher;
    private final DynamoDbSiteContent content;
    private final Rebuilder rebuilder;

    /** Used by the Lambda runtime: builds the clients and templates once per container. */
    public RenderFunction() {
        this(RenderConfig.from(Env.system()));
    }

    private RenderFunction(RenderConfig config) {
        this(Wiring.of(config));
    }

    private RenderFunction(Wiring w) {
        this(w.publisher(), w.content(), w.rebuilder());
        SnapStartPriming.register("RenderFunction", () -> prime(w.renderer()));
    }

    /**
     * The hot paths, run before the SnapStart snapshot: a stream batch read and planned (its one record is of no
     * page); a sample article's publication rehearsed against the table — planned with the real look-ups, each of
     * its pages rendered from the real reads — and the bucket asked for an object render never writes; and every
     * template rendered from the sample in memory (Markdown, sanitizer, comments, feed and sitemap writers).
     * Nothing is written to the table or the bucket.
     */
    void prime(SiteRenderer renderer) {
        try {
            ByteArrayOutputStream ignored = new ByteArrayOutputStream();
            handleRequest(new java.io.ByteArrayInputStream(PRIMING_BATCH.getBytes(StandardCharsets.UTF_8)), ignored,
                    null);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Instant t = Instant.parse("2019-12-04T15:30:00Z");
        Article sample = new Article(PrimingEvents.ABSENT_ID, "forhandsvisning", "Förhandsvisning", "Sammanfattning",
                "Text med *Markdown* – och en [länk](https://example.se).", List.of("Kommun"), List.of(),
                ArticleStatus.PUBLISHED, Optional.empty(), Optional.of(t), t, t, "Redaktionen", true, 1, List.of());
        SnapshotSiteContent snapshot = new SnapshotSiteContent(List.of(sample), Map.of(PrimingEvents.ABSENT_ID,
                List.of(new Comment("C", Optional.empty(), "Läsare", "Hej https://example.se", t))), ZoneOffset.UTC);
        publisher.rehearse(new Change.ArticleChanged(Optional.empty(), Optional.of(sample)), content);
        for (Page page : List.of(new Page.ArticlePage(sample.id(), sample.slug()), new Page.Front(), new Page.Feed(),
                new Page.SitemapYear(2019), new Page.NotFound())) {
            renderer.render(page, snapshot);
        }
    }

    /** For tests and the local runner. */
    public RenderFunction(SitePublisher publisher, DynamoDbSiteContent content, Rebuilder rebuilder) {
        this.publisher = publisher;
        this.content = content;
        this.rebuilder = rebuilder;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        JsonNode event = Json.MAPPER.readTree(input);
        if (event != null && event.has("action")) {
            if (!"rebuild".equals(event.path("action").asText())) {
                throw new IllegalArgumentException("Unknown action " + event.path("action") + "; the one action is "
                        + "\"rebuild\".");
            }
            Json.MAPPER.writeValue(output, java.util.Map.of("pages", rebuilder.rebuild()));
            return;
        }
        // On Lambda the invocation's logger writes JSON lines carrying the request id (LogFormat: JSON).
        SitePublisher.Outcome outcome = context != null && context.getLogger() != null
                ? publisher.publish(StreamEvents.records(event), content, context.getLogger()::log)
                : publisher.publish(StreamEvents.records(event), content);
        StreamsEventResponse response = new StreamsEventResponse(outcome.failedSequenceNumbers().stream()
                .map(StreamsEventResponse.BatchItemFailure::new).toList());
        Json.MAPPER.writeValue(output, response);
    }

    private static final String PRIMING_BATCH = "{\"Records\": [{\"eventName\": \"MODIFY\", \"dynamodb\": {"
            + "\"SequenceNumber\": \"1\", \"Keys\": {\"PK\": {\"S\": \"PRIMING#\"}, \"SK\": {\"S\": \"P\"}}, "
            + "\"NewImage\": {\"PK\": {\"S\": \"PRIMING#\"}, \"n\": {\"N\": \"1\"}, \"l\": {\"L\": [{\"BOOL\": true}]}}}}]}";

    /** Renders the whole site; returns how many pages. */
    @FunctionalInterface
    public interface Rebuilder {
        int rebuild();
    }

    /** The real collaborators, built from configuration. */
    private record Wiring(SitePublisher publisher, DynamoDbSiteContent content, Rebuilder rebuilder,
                          SiteRenderer renderer) {
        static Wiring of(RenderConfig config) {
            DynamoDbClient dynamoDb = DynamoDbClients.create(config.region(), config.dynamoDbEndpoint());
            var s3Builder = S3Client.builder().region(config.region())
                    .credentialsProvider(EnvironmentVariableCredentialsProvider.create())
                    .httpClient(SharedHttpClient.get());
            // Local S3 emulators predate the SDK's default trailing checksums.
            config.s3Endpoint().ifPresent(e -> s3Builder.endpointOverride(e).forcePathStyle(true)
                    .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                    .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED));
            SiteWriter writer = new S3SiteWriter(s3Builder.build(), config.bucketName());
            Invalidator invalidator = config.distributionId()
                    .<Invalidator>map(id -> new CloudFrontInvalidator(new SignedCall(SharedHttpClient.get(),
                            EnvironmentVariableCredentialsProvider.create()), CloudFrontInvalidator.ENDPOINT, id,
                            () -> UUID.randomUUID().toString()))
                    .orElse(Invalidator.none());
            SiteSettings site = new SiteSettings(config.siteName(), config.siteUrl(), config.zone());
            SiteRenderer renderer = new SiteRenderer(site, new Labels(Locale.forLanguageTag("sv-SE")));
            DynamoDbSiteContent content = new DynamoDbSiteContent(dynamoDb, config.tableName(), config.zone());
            SitePublisher publisher = new SitePublisher(new PagePlanner(config.zone()), renderer, writer,
                    invalidator, System.out::println, PAGE_PARALLELISM);
            SiteBuild build = new SiteBuild(renderer, writer, PAGE_PARALLELISM, config.zone());
            Rebuilder rebuilder = () -> build.run(new TableSnapshot(dynamoDb, config.tableName(), config.zone()).load());
            return new Wiring(publisher, content, rebuilder, renderer);
        }
    }
}
