package se.newsroom.comments;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.sun.net.httpserver.HttpServer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Select;

import se.newsroom.content.Article;
import se.newsroom.content.ArticleIds;
import se.newsroom.content.Hasher;
import se.newsroom.table.DynamoDbArticleStore;
import se.newsroom.table.DynamoDbCommentStore;
import se.newsroom.testing.Articles;
import se.newsroom.testing.CapacityMeter;
import se.newsroom.testing.DynamoDbLocal;
import se.newsroom.testing.Tables;

/**
 * The comment ingest benchmark (not a test): the same load of reader posts against Newsroom (CommentsFunction
 * behind a local HTTP front, on DynamoDB Local) and against Isso (its own server and SQLite), at 1, 8 and 32
 * concurrent clients; comments per second, p50 and p99 latency, and a count afterwards. Run with
 * bench/comments-vs-isso.sh, which starts Isso and passes -Dbench.isso=URL -Dbench.isso.db=PATH.
 */
public final class CommentBench {
    private static final int POSTS = Integer.getInteger("bench.posts", 1000);
    private static final int[] CLIENTS = {1, 8, 32};
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final AtomicInteger READER = new AtomicInteger();
    /** Isso answers 202 Accepted when moderation holds a new comment, as Newsroom does. */
    private static final int ISSO_ACCEPTED = 202;

    private CommentBench() {
    }

    record Result(int posted, int accepted, double seconds, double p50, double p99, long counted) {
    }

    public static void main(String[] args) throws Exception {
        DynamoDbClient dynamoDb = DynamoDbLocal.client();
        String table = Tables.fresh(dynamoDb);
        DynamoDbArticleStore articles = new DynamoDbArticleStore(dynamoDb, table);
        // The function's client asks for every write's consumed capacity (ReturnConsumedCapacity INDEXES).
        CapacityMeter meter = new CapacityMeter(dynamoDb);
        CommentsFunction function = new CommentsFunction(new CommentService(
                new DynamoDbArticleStore(meter.client(), table), new DynamoDbCommentStore(meter.client(), table),
                new Hasher("benchmark-salt-of-length"), Clock.systemUTC(), ArticleIds.generator(), Optional.empty()),
                CommentCalls.ORIGIN_SECRET, ZoneId.of("Europe/Stockholm"));
        HttpServer front = front(function);
        String newsroom = "http://127.0.0.1:" + front.getAddress().getPort();
        String isso = System.getProperty("bench.isso");

        List<String> rows = new ArrayList<>();
        List<String> costs = new ArrayList<>();
        for (int clients : CLIENTS) {
            Article article = articles.create(Articles.published(Articles.draft("Bänkad nyhet " + clients),
                    Instant.parse("2019-12-04T10:00:00Z")), false, Articles.SAVE);
            run(newsroom, article, clients, true); // warm-up round, not counted in the figures
            Article measured = articles.create(Articles.published(Articles.draft("Mätt nyhet " + clients),
                    Instant.parse("2019-12-04T10:00:00Z")), false, Articles.SAVE);
            meter.reset();
            Result ours = run(newsroom, measured, clients, false);
            costs.add("| %d | %.2f | %.2f | %.2f |".formatted(clients, meter.writeUnits() / ours.accepted(),
                    (double) meter.refusedWrites() / ours.accepted(), (double) meter.calls() / ours.posted()));
            long stored = countComments(dynamoDb, table, measured.id());
            ours = new Result(ours.posted(), ours.accepted(), ours.seconds(), ours.p50(), ours.p99(), stored);
            rows.add(row("Newsroom (CommentsFunction + DynamoDB Local)", clients, ours));
            if (isso != null) {
                Result theirs = runIsso(isso, clients);
                rows.add(row("Isso " + issoVersion(), clients, theirs));
                rows.add("|  | " + clients + " | ratio Newsroom / Isso |  | **%.2f** |  |  |  |".formatted(
                        (ours.accepted() / ours.seconds()) / (theirs.accepted() / theirs.seconds())));
            }
        }
        front.stop(0);
        System.out.printf("%nComment ingest: %d posts per run, %d cores%n%n", POSTS,
                Runtime.getRuntime().availableProcessors());
        System.out.println("| server | clients | accepted / posted | seconds | comments/s | p50 ms | p99 ms "
                + "| stored |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|");
        rows.forEach(System.out::println);
        System.out.printf("%nDynamoDB per accepted comment (Newsroom's measured runs; a refused write costs 1 unit, "
                + "not reported):%n%n| clients | write units reported | writes refused | calls |%n"
                + "|---:|---:|---:|---:|%n");
        costs.forEach(System.out::println);
        System.exit(0);
    }

    private static String row(String server, int clients, Result r) {
        return "| %s | %d | %d / %d | %.2f | %.0f | %.1f | %.1f | %d |".formatted(server, clients, r.accepted(),
                r.posted(), r.seconds(), r.accepted() / r.seconds(), r.p50(), r.p99(), r.counted());
    }

    private static Result run(String base, Article article, int clients, boolean warmUp) throws Exception {
        URI uri = URI.create(base + "/api/articles/" + article.id() + "/comments");
        return load(clients, warmUp ? POSTS / 4 : POSTS, n -> {
            int reader = READER.incrementAndGet();
            return HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                    .header("X-Forwarded-For", address(reader))
                    .POST(HttpRequest.BodyPublishers.ofString(body(reader, n, "body"))).build();
        }, 202);
    }

    private static Result runIsso(String base, int clients) throws Exception {
        String thread = "/nyheter/isso-" + clients + "/";
        URI uri = URI.create(base + "/new?uri=" + URLEncoder.encode(thread, StandardCharsets.UTF_8));
        load(clients, POSTS / 4, n -> HttpRequest.newBuilder(URI.create(base + "/new?uri=%2Fvarm-" + clients + "%2F"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body(READER.incrementAndGet(), n, "text"))).build(),
                ISSO_ACCEPTED);
        Result r = load(clients, POSTS, n -> HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body(READER.incrementAndGet(), n, "text"))).build(),
                ISSO_ACCEPTED);
        return new Result(r.posted(), r.accepted(), r.seconds(), r.p50(), r.p99(), countIsso(thread));
    }

    private interface Requests {
        HttpRequest make(int n);
    }

    private static Result load(int clients, int posts, Requests requests, int okStatus) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        AtomicInteger next = new AtomicInteger();
        List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger accepted = new AtomicInteger();
        long start = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            workers.add(pool.submit(() -> {
                int n;
                while ((n = next.getAndIncrement()) < posts) {
                    long t = System.nanoTime();
                    HttpResponse<String> response = HTTP.send(requests.make(n), HttpResponse.BodyHandlers.ofString());
                    latencies.add((System.nanoTime() - t) / 1e6);
                    if (response.statusCode() == okStatus) {
                        accepted.incrementAndGet();
                    } else if (accepted.get() == 0 && n < 3) {
                        System.err.println("Unexpected " + response.statusCode() + ": " + response.body());
                    }
                }
                return null;
            }));
        }
        for (Future<?> w : workers) {
            w.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        List<Double> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        return new Result(posts, accepted.get(), seconds, percentile(sorted, 50), percentile(sorted, 99), 0);
    }

    private static String body(int reader, int n, String textField) {
        return "{\"author\": \"Läsare %d\", \"email\": \"lasare%d@example.se\", \"%s\": \"Kommentar %d om nyheten – "
                .formatted(reader, reader, textField, n)
                + "med å, ä och ö.\"" + (textField.equals("text") ? ", \"title\": \"Bänk\"" : "") + "}";
    }

    /** Each post comes from another reader's address, as on a real site (so per-client limits do not trip). */
    private static String address(int r) {
        return "10.%d.%d.%d".formatted((r >> 16) & 255, (r >> 8) & 255, r & 255);
    }

    private static double percentile(List<Double> sorted, int p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    /** CommentsFunction behind a local HTTP front, building the HTTP API's event as API Gateway would. */
    private static HttpServer front(CommentsFunction function) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
        server.setExecutor(Executors.newFixedThreadPool(64));
        server.createContext("/api/articles/", exchange -> {
            String[] parts = exchange.getRequestURI().getPath().split("/");
            Map<String, String> headers = new HashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v.getFirst()));
            String ip = headers.getOrDefault("x-forwarded-for", "127.0.0.1");
            APIGatewayV2HTTPEvent event = CommentCalls.event("POST /api/articles/{id}/comments", Map.of("id", parts[3]),
                    headers, new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8), null, ip);
            APIGatewayV2HTTPResponse response = function.handle(event, null);
            byte[] body = response.getBody() == null ? new byte[0]
                    : response.getBody().getBytes(StandardCharsets.UTF_8);
            response.getHeaders().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            exchange.sendResponseHeaders(response.getStatusCode(), body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        return server;
    }

    private static long countComments(DynamoDbClient dynamoDb, String table, String articleId) {
        return dynamoDb.queryPaginator(r -> r.tableName(table)
                .keyConditionExpression("PK = :pk AND begins_with(SK, :c)")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("ARTICLE#" + articleId),
                        ":c", AttributeValue.fromS("C#"))).select(Select.COUNT).consistentRead(true))
                .stream().mapToLong(p -> p.count()).sum();
    }

    private static long countIsso(String thread) throws Exception {
        Process p = new ProcessBuilder(System.getProperty("bench.python", "python3"), "-c",
                "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); print(c.execute('select count(*) from comments "
                        + "join threads on comments.tid = threads.id where threads.uri = ?', (sys.argv[2],))"
                        + ".fetchone()[0])",
                System.getProperty("bench.isso.db"), thread).start();
        String out = new String(p.getInputStream().readAllBytes()).strip();
        p.waitFor();
        return Long.parseLong(out);
    }

    private static String issoVersion() {
        return System.getProperty("bench.isso.version", "");
    }
}
