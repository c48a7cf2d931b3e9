package se.newsroom.local;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import com.amazonaws.services.dynamodbv2.local.embedded.DynamoDBEmbedded;
import com.amazonaws.services.dynamodbv2.local.shared.access.AmazonDynamoDBLocal;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

import se.newsroom.articles.ArticlesConfig;
import se.newsroom.articles.ArticlesFunction;
import se.newsroom.articles.ArticlesWiring;
import se.newsroom.articles.MediaApiConfig;
import se.newsroom.articles.PublishScheduledFunction;
import se.newsroom.aws.SharedHttpClient;
import se.newsroom.comments.CommentsConfig;
import se.newsroom.comments.CommentsFunction;
import se.newsroom.comments.CommentsWiring;
import se.newsroom.config.Env;
import se.newsroom.config.EnvNames;
import se.newsroom.emulators.FaultInjector;
import se.newsroom.emulators.TemplateTable;
import se.newsroom.emulators.WebsiteRedirects;
import se.newsroom.http.HttpApiFunction;
import se.newsroom.media.MediaWiring;
import se.newsroom.render.PreviewConfig;
import se.newsroom.render.PreviewFunction;
import se.newsroom.render.RenderConfig;
import se.newsroom.render.RenderFunction;
import se.newsroom.render.RenderWiring;

/**
 * Newsroom on one machine, in one process: {@code local/run [--port 8080] [--data-dir DIR] [--no-seed]
 * [--editor-token TOKEN] [--import EXPORT [--uploads DIR]]}. See the README.
 */
public final class LocalRunner implements AutoCloseable {
    static final String TABLE = "newsroom-content";
    static final String BUCKET = "newsroom-site";
    static final String UPLOADS_BUCKET = "newsroom-uploads";
    /** The region the emulators are addressed in; they accept any. */
    static final Region REGION = Region.US_EAST_1;

    /**
     * The runner's options.
     *
     * @param dataDir        where data is kept between runs; empty keeps everything in memory
     * @param tokenLifetime  the {@code expires_in} of the local sign-in's tokens
     * @param schedulePeriod how often the scheduled publisher runs (the template's schedule: every minute)
     */
    public record Options(int port, Optional<Path> dataDir, boolean seed, String editorToken, Path repository,
                          Duration tokenLifetime, Duration schedulePeriod) {
        static final Duration TOKEN_LIFETIME = Duration.ofHours(1);
        static final Duration SCHEDULE_PERIOD = Duration.ofMinutes(1);

        public Options(int port, Optional<Path> dataDir, boolean seed, String editorToken, Path repository) {
            this(port, dataDir, seed, editorToken, repository, TOKEN_LIFETIME, SCHEDULE_PERIOD);
        }

        /** These options with the scheduled publisher run every {@code period} (a test's, not a minute). */
        public Options withSchedulePeriod(Duration period) {
            return new Options(port, dataDir, seed, editorToken, repository, tokenLifetime, period);
        }

        /** These options with the local sign-in's tokens expiring after {@code lifetime}. */
        public Options withTokenLifetime(Duration lifetime) {
            return new Options(port, dataDir, seed, editorToken, repository, lifetime, schedulePeriod);
        }

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
                            + "; use --port N, --data-dir DIR, --no-seed, --editor-token TOKEN,"
                            + " --import EXPORT [--uploads DIR]");
                }
            }
            return new Options(port, dataDir, seed, token, TemplateTable.templatePath().getParent());
        }
    }

    /**
     * What a fault or load test changes in the runner.
     *
     * @param faults           injected into the functions' DynamoDB and S3 calls; not into the site server's reads
     *                         (they stand for CloudFront) nor the stream's polling (it stands for Lambda's event
     *                         source mapping)
     * @param forwardedViewers a request's viewer address is the first of its X-Forwarded-For (see {@link SiteServer})
     */
    public record Trial(Optional<FaultInjector> faults, boolean forwardedViewers) {
        static final Trial NONE = new Trial(Optional.empty(), false);
    }

    private final AmazonDynamoDBLocal dynamoDbLocal;
    private final DynamoDbClient dynamoDb;
    private final S3Client s3;
    private final Map<String, String> variables;
    private final AtomicReference<String> lastRenderLine = new AtomicReference<>("");
    private final S3Proxy s3Proxy;
    private final SiteServer server;
    private final StreamPoller poller;
    private final Thread pollerThread;
    private final ApiGateway api;
    private final CloudFrontHeaders cloudFront;
    private final RenderFunction render;
    private final ScheduledExecutorService scheduler;
    private final UploadForwarder uploads;
    private final Consumer<String> mediaFunction;

    public LocalRunner(Options options) throws Exception {
        this(options, Trial.NONE);
    }

    public LocalRunner(Options options, Trial trial) throws Exception {
        TemplateModel template = new TemplateModel(options.repository().resolve("template.yaml"));
        // DynamoDB Local, embedded: AWS's own emulator, in this process, without its HTTP server. Given a File, it
        // opens that file as its SQLite database (a folder is "unable to open database file").
        dynamoDbLocal = options.dataDir()
                .map(d -> DynamoDBEmbedded.create(new File(dir(d.resolve("dynamodb")), "content.db"), true))
                .orElseGet(() -> DynamoDBEmbedded.create(true));
        dynamoDb = dynamoDbLocal.dynamoDbClient();
        DynamoDbClient functionsDynamoDb = trial.faults().map(f -> f.dynamoDb(dynamoDb)).orElse(dynamoDb);
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
        URI s3Endpoint = URI.create("http://127.0.0.1:" + s3Proxy.getPort());
        // S3Proxy refuses S3's website redirect header: kept as user metadata below the SDK, so that a renamed
        // article's old address answers 301 here as on AWS.
        SdkHttpClient s3Http = WebsiteRedirects.over(SharedHttpClient.get());
        s3 = RenderWiring.s3(REGION, Optional.of(s3Endpoint), AnonymousCredentialsProvider.create(), s3Http);
        S3Client renderS3 = trial.faults().map(f -> RenderWiring.s3(REGION, Optional.of(s3Endpoint),
                AnonymousCredentialsProvider.create(), f.httpClient("s3", s3Http))).orElse(s3);
        for (String bucket : List.of(BUCKET, UPLOADS_BUCKET)) {
            if (s3.listBuckets().buckets().stream().noneMatch(b -> b.name().equals(bucket))) {
                s3.createBucket(r -> r.bucket(bucket));
            }
        }

        // The real handlers, put together by their functions' own wiring from what template.yaml would set, with
        // the local overrides: the emulators' endpoints, a salt, the site's local address.
        // What the local CloudFront (SiteServer) sends to the API in its origin header, fresh on every start.
        cloudFront = new CloudFrontHeaders(UUID.randomUUID().toString());
        variables = new HashMap<>(Map.of(
                EnvNames.TABLE_NAME, TABLE,
                EnvNames.AWS_REGION, REGION.id(),
                EnvNames.SITE_TIME_ZONE, template.parameterDefault("SiteTimeZone"),
                CommentsConfig.HASH_SALT, Optional.ofNullable(System.getenv(CommentsConfig.HASH_SALT))
                        .orElse("local-development-salt-" + TABLE),
                CommentsConfig.ORIGIN_SECRET, cloudFront.originSecret(),
                RenderConfig.BUCKET_NAME, BUCKET,
                RenderConfig.SITE_NAME, template.parameterDefault("SiteName"),
                RenderConfig.SITE_MAIN_CATEGORIES, template.parameterDefault("SiteMainCategories"),
                RenderConfig.S3_ENDPOINT, s3Endpoint.toString(),
                MediaApiConfig.UPLOADS_BUCKET, UPLOADS_BUCKET));
        ArticlesConfig articlesConfig = ArticlesConfig.from(new Env(variables));
        // The template's every-minute schedule: scheduled articles go live without traffic.
        PublishScheduledFunction publishScheduled = ArticlesWiring.publishScheduled(articlesConfig,
                functionsDynamoDb);
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().daemon().name("schedule")
                .unstarted(r));
        scheduler.scheduleAtFixedRate(() -> {
            try {
                publishScheduled.handleRequest(Map.of(), null);
            } catch (RuntimeException e) {
                System.err.println("schedule: " + e);
            }
        }, options.schedulePeriod().toMillis(), options.schedulePeriod().toMillis(), TimeUnit.MILLISECONDS);
        DeferredFunction preview = new DeferredFunction();
        Map<String, HttpApiFunction> handlers = Map.of(
                ArticlesFunction.class.getName(), ArticlesWiring.articles(articlesConfig, functionsDynamoDb,
                        MediaApiConfig.from(new Env(variables))),
                CommentsFunction.class.getName(), CommentsWiring.comments(CommentsConfig.from(new Env(variables)),
                        functionsDynamoDb),
                PreviewFunction.class.getName(), preview);
        api = trial.faults().map(f -> new ApiGateway(template.routes(), handlers, options.editorToken(),
                        f::tagged))
                .orElseGet(() -> new ApiGateway(template.routes(), handlers, options.editorToken()));
        // S3Proxy sends no S3 events: the upload's ObjectCreated is this hook, the media function's own work (tests
        // may plug in another with onUpload).
        mediaFunction = MediaWiring.function(new Env(variables), UPLOADS_BUCKET, functionsDynamoDb, renderS3,
                line -> System.err.println("media: " + line));
        uploads = new UploadForwarder(s3, UPLOADS_BUCKET, new UploadForwarder.Signing(s3Endpoint, REGION,
                ArticlesWiring.EMULATOR_CREDENTIALS), Clock.systemUTC(), mediaFunction);
        server = new SiteServer(options.port(), api, cloudFront, s3, BUCKET, trial.forwardedViewers(),
                template.securityHeaders(), new LocalSignIn(options.editorToken(), options.tokenLifetime(),
                        Clock.systemUTC()), uploads);

        variables.put(RenderConfig.SITE_URL, "http://localhost:" + server.port());
        preview.bind(RenderWiring.preview(PreviewConfig.from(new Env(variables)), functionsDynamoDb));
        render = RenderWiring.render(RenderConfig.from(new Env(variables)), functionsDynamoDb, renderS3, line -> {
            lastRenderLine.set(line);
            System.err.println("render: " + line);
        });
        TemplateModel.StreamSource source = template.streamSources().stream()
                .filter(s -> s.handlerClass().equals(RenderFunction.class.getName())).findFirst()
                .orElseThrow(() -> new IllegalStateException("template.yaml feeds no RenderFunction from the stream"));
        String streamArn = dynamoDb.describeTable(r -> r.tableName(TABLE)).table().latestStreamArn();
        poller = new StreamPoller(dynamoDbLocal.dynamoDbStreamsClient(), streamArn, render, source,
                line -> System.err.println(line), lastRenderLine::get);
        pollerThread = Thread.ofPlatform().daemon().name("stream-poller").start(poller);
        server.start();
    }

    /** What is told the key of each upload the site forwards, after the media function has processed it. */
    void onUpload(Consumer<String> hook) {
        uploads.onUpload(hook);
    }

    /** Hands the upload at {@code key} in the uploads bucket to the media function, as S3's event would. */
    void uploaded(String key) {
        mediaFunction.accept(key);
    }

    /** The salt the comments function hashes emails with, for an import's commenters. */
    String hashSalt() {
        return variables.get(CommentsConfig.HASH_SALT);
    }

    /** The site's port. */
    public int port() {
        return server.port();
    }

    /** The API, for seeding through it as an editor would. */
    ApiGateway api() {
        return api;
    }

    /** What the local CloudFront adds to the API's requests, for seeding as a reader's browser would post. */
    CloudFrontHeaders cloudFront() {
        return cloudFront;
    }

    /** The failure queue: stream batches the render function failed on through every retry. */
    List<StreamPoller.FailedBatch> failures() {
        return poller.failures();
    }

    /** Hands the failure queue's batches to the render function again; returns how many still fail. */
    int redrive() {
        return poller.redrive();
    }

    /** Waits until every table change made before this call has been handed to the render function. */
    boolean awaitRendered(Duration timeout) throws InterruptedException {
        return poller.awaitIdle(timeout);
    }

    /** The emulators' own clients, without faults: what a test reads the outcome with. */
    DynamoDbClient dynamoDb() {
        return dynamoDb;
    }

    S3Client s3() {
        return s3;
    }

    /** Renders the whole site afresh into another bucket (created here), to compare with the site bucket. */
    void rebuildInto(String bucket) throws Exception {
        s3.createBucket(r -> r.bucket(bucket));
        Map<String, String> other = new HashMap<>(variables);
        other.put(RenderConfig.BUCKET_NAME, bucket);
        RenderWiring.render(RenderConfig.from(new Env(other)), dynamoDb, s3, line -> System.err.println("rebuild: "
                + line)).handleRequest(new ByteArrayInputStream("{\"action\":\"rebuild\"}"
                .getBytes(StandardCharsets.UTF_8)), new ByteArrayOutputStream(), null);
    }

    /** Renders every page (the assets, 404 and robots.txt come only from a rebuild). */
    void rebuild() throws Exception {
        render.handleRequest(new ByteArrayInputStream("{\"action\":\"rebuild\"}".getBytes(StandardCharsets.UTF_8)),
                new ByteArrayOutputStream(), null);
    }

    @Override
    public void close() throws Exception {
        scheduler.shutdownNow();
        // Let a batch being rendered finish (interrupted, its pages would be left half-written), then stop.
        poller.stop();
        pollerThread.join(10_000);
        pollerThread.interrupt();
        server.stop();
        s3Proxy.stop();
        dynamoDbLocal.shutdown();
    }

    public static void main(String[] args) throws Exception {
        long started = System.nanoTime();
        ImportRequest importing = ImportRequest.parse(args);
        Options options = Options.parse(importing.rest());
        LocalRunner runner = new LocalRunner(options);
        if (importing.export().isPresent()) {
            // Instead of the seed: the export, then the one rebuild (the import's own, or a rebuild here).
            int status = new ImportCommand(System.out, System.err, System.getenv(), ImportProgress.onTerminal())
                    .runOver(runner, importing.export().get(), importing.uploads());
            if (status > ImportCommand.SOME_FAILED) {
                runner.close();
                System.exit(status);
            }
        } else {
            runner.rebuild();
        }
        if (options.seed() && importing.export().isEmpty()) {
            new Seeder(runner.api(), runner.cloudFront(), options.editorToken(),
                    options.repository().resolve("events/articles")).seed();
        }
        String site = "http://localhost:" + runner.port();
        System.out.printf("""

                Newsroom is running (started in %.1f s).
                  Site:        %s/
                  Redaktionen: %s/redaktion/   (the editors' desk; sign in with the local button)
                  API:         %s/api/articles   (editor token: %s)
                  Roles:       that token is the old all-round editor; append .writers, .publishers,
                               .moderators or .admins to it for one role's token (the sign-in page offers them)
                  Data:        %s

                Create an article as an editor:
                  curl -s -X POST %s/api/articles -H 'Authorization: Bearer %s' \\
                    -H 'Content-Type: application/json' \\
                    -d '{"title":"Nytt från kommunen","body":"Hej *Båstad*!","status":"published"}'

                Press Ctrl+C to stop.
                """, (System.nanoTime() - started) / 1e9, site, site, site, options.editorToken(),
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

    /**
     * {@code --import EXPORT [--uploads DIR]}: a WordPress export imported instead of the seed (see
     * {@link ImportCommand#runOver}), and the other options.
     */
    record ImportRequest(Optional<Path> export, Optional<Path> uploads, String[] rest) {
        static ImportRequest parse(String[] args) {
            Optional<Path> export = Optional.empty();
            Optional<Path> uploads = Optional.empty();
            List<String> rest = new ArrayList<>();
            Path base = Path.of(Optional.ofNullable(System.getenv("NEWSROOM_CALLER_DIR")).orElse(""));
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--import" -> export = Optional.of(base.resolve(value(args, ++i)).toAbsolutePath());
                    case "--uploads" -> uploads = Optional.of(base.resolve(value(args, ++i)).toAbsolutePath());
                    default -> rest.add(args[i]);
                }
            }
            if (uploads.isPresent() && export.isEmpty()) {
                throw new IllegalArgumentException("--uploads DIR belongs to --import EXPORT");
            }
            return new ImportRequest(export, uploads, rest.toArray(String[]::new));
        }

        private static String value(String[] args, int i) {
            if (i >= args.length) {
                throw new IllegalArgumentException(args[i - 1] + " needs a value");
            }
            return args[i];
        }
    }

    private static File dir(Path path) {
        try {
            Files.createDirectories(path);
            return path.toFile();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
