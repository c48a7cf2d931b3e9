package se.newsroom.local;

import java.io.File;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;

import com.amazonaws.services.dynamodbv2.local.embedded.DynamoDBEmbedded;
import com.amazonaws.services.dynamodbv2.local.shared.access.AmazonDynamoDBLocal;

import se.newsroom.article.ArticleIds;
import se.newsroom.article.dynamodb.DynamoDbArticleStore;
import se.newsroom.articles.ArticleService;
import se.newsroom.articles.ArticlesFunction;
import se.newsroom.articles.PublishScheduledFunction;
import se.newsroom.comments.CommentService;
import se.newsroom.comments.CommentsFunction;
import se.newsroom.comments.DynamoDbCommentStore;
import se.newsroom.comments.Hasher;
import se.newsroom.http.HttpApiFunction;
import se.newsroom.render.RenderFunction;
import se.newsroom.render.SiteBuild;
import se.newsroom.render.SitePublisher;
import se.newsroom.render.TableSnapshot;
import se.newsroom.render.output.Invalidator;
import se.newsroom.render.output.S3SiteWriter;
import se.newsroom.render.plan.PagePlanner;
import se.newsroom.render.site.DynamoDbSiteContent;
import se.newsroom.render.site.Labels;
import se.newsroom.render.site.SiteRenderer;
import se.newsroom.render.site.SiteSettings;
import se.newsroom.testing.TemplateTable;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Newsroom on one machine, in one process: {@code local/run [--port 8080] [--data-dir DIR] [--no-seed]
 * [--editor-token TOKEN]}. See the README.
 */
public final class LocalRunner implements AutoCloseable {
    static final String TABLE = "newsroom-content";
    static final String BUCKET = "newsroom-site";
    static final ZoneId ZONE = ZoneId.of("Europe/Stockholm");

    /**
     * The runner's options.
     *
     * @param dataDir where data is kept between runs; empty keeps everything in memory
     */
    public record Options(int port, Optional<Path> dataDir, boolean seed, String editorToken, Path repository) {
        static Options parse(String[] args) {
            int port = 8080;
            Optional<Path> dataDir = Optional.empty();
            boolean seed = true;
            String token = Optional.ofNullable(System.getenv("NEWSROOM_EDITOR_TOKEN")).filter(t -> !t.isBlank())
                    .orElseGet(() -> "local-" + HexFormat.of().formatHex(new SecureRandom().generateSeed(12)));
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--port" -> port = Integer.parseInt(args[++i]);
                    case "--data-dir" -> dataDir = Optional.of(Path.of(args[++i]).toAbsolutePath());
                    case "--no-seed" -> seed = false;
                    case "--editor-token" -> token = args[++i];
                    default -> throw new IllegalArgumentException("Unknown option " + args[i]
                            + "; use --port N, --data-dir DIR, --no-seed, --editor-token TOKEN");
                }
            }
            return new Options(port, dataDir, seed, token, TemplateTable.templatePath().getParent());
        }
    }

    private final AmazonDynamoDBLocal dynamoDbLocal;
    private final S3Proxy s3Proxy;
    private final SiteServer server;
    private final StreamPoller poller;
    private final Thread pollerThread;
    private final ApiGateway api;
    private final RenderFunction render;
    private final java.util.concurrent.ScheduledExecutorService scheduler;

    public LocalRunner(Options options) throws Exception {
        TemplateModel template = new TemplateModel(options.repository().resolve("template.yaml"));
        // DynamoDB Local, embedded: AWS's own emulator, in this process, without its HTTP server.
        dynamoDbLocal = options.dataDir().map(d -> DynamoDBEmbedded.create(dir(d.resolve("dynamodb")), true))
                .orElseGet(() -> DynamoDBEmbedded.create(true));
        DynamoDbClient dynamoDb = dynamoDbLocal.dynamoDbClient();
        if (!dynamoDb.listTables().tableNames().contains(TABLE)) {
            TemplateTable.create(dynamoDb, TABLE);
        }
        // S3Proxy with jclouds' in-memory or file-system blob store: an S3 API on a loopback port.
        Properties blobs = new Properties();
        String provider = "transient";
        if (options.dataDir().isPresent()) {
            provider = "filesystem";
            blobs.setProperty("jclouds.filesystem.basedir", dir(options.dataDir().get().resolve("s3")).getPath());
        }
        BlobStoreContext context = ContextBuilder.newBuilder(provider).credentials("local", "local").overrides(blobs)
                .build(BlobStoreContext.class);
        s3Proxy = S3Proxy.builder().blobStore(context.getBlobStore()).endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.NONE, null, null).build();
        s3Proxy.start();
        while (!"STARTED".equals(s3Proxy.getState())) {
            Thread.sleep(10);
        }
        S3Client s3 = S3Client.builder().region(Region.US_EAST_1)
                .endpointOverride(URI.create("http://127.0.0.1:" + s3Proxy.getPort())).forcePathStyle(true)
                .credentialsProvider(AnonymousCredentialsProvider.create())
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .httpClient(UrlConnectionHttpClient.create()).build();
        if (s3.listBuckets().buckets().stream().noneMatch(b -> b.name().equals(BUCKET))) {
            s3.createBucket(r -> r.bucket(BUCKET));
        }

        // The real handlers, with local collaborators (their second constructors).
        var articles = new DynamoDbArticleStore(dynamoDb, TABLE);
        String salt = Optional.ofNullable(System.getenv("HASH_SALT")).orElse("local-development-salt-" + TABLE);
        ArticleService articleService = new ArticleService(articles, Clock.systemUTC(), ArticleIds.generator());
        ArticlesFunction articlesFunction = new ArticlesFunction(articleService, ZONE);
        // The template's every-minute schedule: scheduled articles go live without traffic.
        PublishScheduledFunction publishScheduled = new PublishScheduledFunction(articleService);
        scheduler = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform()
                .daemon().name("schedule").unstarted(r));
        scheduler.scheduleAtFixedRate(() -> {
            try {
                publishScheduled.handleRequest(Map.of(), null);
            } catch (RuntimeException e) {
                System.err.println("schedule: " + e);
            }
        }, 60, 60, java.util.concurrent.TimeUnit.SECONDS);
        CommentsFunction commentsFunction = new CommentsFunction(new CommentService(articles,
                new DynamoDbCommentStore(dynamoDb, TABLE), new Hasher(salt), Clock.systemUTC(), ArticleIds.generator(),
                Optional.empty()), ZONE);
        Map<String, HttpApiFunction> handlers = Map.of(
                ArticlesFunction.class.getName(), articlesFunction, CommentsFunction.class.getName(), commentsFunction);
        api = new ApiGateway(template.routes(), handlers, options.editorToken());
        server = new SiteServer(options.port(), api, s3, BUCKET);

        SiteSettings site = new SiteSettings(template.parameterDefault("SiteName"),
                URI.create("http://localhost:" + server.port()), ZONE);
        SiteRenderer renderer = new SiteRenderer(site, new Labels(Locale.forLanguageTag("sv-SE")));
        S3SiteWriter writer = new S3SiteWriter(s3, BUCKET);
        SiteBuild build = new SiteBuild(renderer, writer, 4, ZONE);
        render = new RenderFunction(new SitePublisher(new PagePlanner(ZONE), renderer, writer, Invalidator.none(),
                line -> System.err.println("render: " + line), 4), new DynamoDbSiteContent(dynamoDb, TABLE, ZONE),
                () -> build.run(new TableSnapshot(dynamoDb, TABLE, ZONE).load()));
        TemplateModel.StreamSource source = template.streamSources().stream()
                .filter(s -> s.handlerClass().equals(RenderFunction.class.getName())).findFirst()
                .orElseThrow(() -> new IllegalStateException("template.yaml feeds no RenderFunction from the stream"));
        String streamArn = dynamoDb.describeTable(r -> r.tableName(TABLE)).table().latestStreamArn();
        poller = new StreamPoller(dynamoDbLocal.dynamoDbStreamsClient(), streamArn, render, source,
                line -> System.err.println(line));
        pollerThread = Thread.ofPlatform().daemon().name("stream-poller").start(poller);
        server.start();
    }

    /** The site's port. */
    public int port() {
        return server.port();
    }

    /** The API, for seeding through it as an editor would. */
    ApiGateway api() {
        return api;
    }

    /** Renders every page (the assets, 404 and robots.txt come only from a rebuild). */
    void rebuild() throws Exception {
        var out = new java.io.ByteArrayOutputStream();
        render.handleRequest(new java.io.ByteArrayInputStream("{\"action\":\"rebuild\"}".getBytes()), out, null);
    }

    @Override
    public void close() throws Exception {
        scheduler.shutdownNow();
        poller.stop();
        pollerThread.interrupt();
        server.stop();
        s3Proxy.stop();
        dynamoDbLocal.shutdown();
    }

    public static void main(String[] args) throws Exception {
        long started = System.nanoTime();
        Options options = Options.parse(args);
        LocalRunner runner = new LocalRunner(options);
        runner.rebuild();
        if (options.seed()) {
            new Seeder(runner.api(), options.editorToken(), options.repository().resolve("events/articles")).seed();
        }
        String site = "http://localhost:" + runner.port();
        System.out.printf("""

                Newsroom is running (started in %.1f s).
                  Site:  %s/
                  API:   %s/api/articles   (editor token: %s)
                  Data:  %s

                Create an article as an editor:
                  curl -s -X POST %s/api/articles -H 'Authorization: Bearer %s' \\
                    -H 'Content-Type: application/json' \\
                    -d '{"title":"Nytt från kommunen","body":"Hej *Båstad*!","status":"published"}'

                Press Ctrl+C to stop.
                """, (System.nanoTime() - started) / 1e9, site, site, options.editorToken(),
                options.dataDir().map(Path::toString).orElse("in memory (use --data-dir DIR to keep it)"),
                site, options.editorToken());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                runner.close();
            } catch (Exception e) {
                // exiting anyway
            }
        }));
        Thread.currentThread().join();
    }

    private static File dir(Path path) {
        try {
            Files.createDirectories(path);
            return path.toFile();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

}
