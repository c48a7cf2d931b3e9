package se.newsroom.local;

import java.io.File;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import se.newsroom.aws.DynamoDbClients;
import se.newsroom.content.Article;
import se.newsroom.content.ArticleStatus;
import se.newsroom.content.AuditAction;
import se.newsroom.content.Change;
import se.newsroom.emulators.TemplateTable;
import se.newsroom.table.DynamoDbArticleStore;

/**
 * The cold-start benchmark's driver (not a test), run by bench/cold-start.sh with DynamoDB Local and S3Proxy
 * already listening: prepares the table, then times whole JVM processes — each function's deployable jar building
 * its handler and serving a first event — beside a hello-world JVM, median of several runs.
 */
public final class ColdStartBench {
    private static final int RUNS = Integer.getInteger("bench.runs", 5);

    private ColdStartBench() {
    }

    public static void main(String[] args) throws Exception {
        Path repo = TemplateTable.templatePath().getParent();
        String javaCommand = System.getProperty("bench.java");
        Path harness = Path.of(System.getProperty("bench.harness"));
        URI dynamo = URI.create(System.getProperty("bench.dynamodb"));
        String s3 = System.getProperty("bench.s3");

        DynamoDbClient dynamoDb = DynamoDbClients.create(Region.US_EAST_1, Optional.of(dynamo),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")));
        TemplateTable.create(dynamoDb, "bench");
        DynamoDbArticleStore store = new DynamoDbArticleStore(dynamoDb, "bench");
        Instant t = Instant.parse("2019-12-04T15:30:00Z");
        for (String[] a : List.of(
                new String[] {"01DVZ8Y3C4S0K9QH7N2M5X6B1A",
                        "statusuppdatering-angaende-handelser-inom-individ-och-familj"},
                new String[] {"01DW2J6R8T4P3E5F7G9H0K1M2N", "politiska-styrningen-av-individ-och-familj-utreds"})) {
            store.create(new Article(a[0], a[1], "Nyhet " + a[1], "Sammanfattning", "Text – med *Markdown*.",
                    List.of("Individ och familj"), List.of(), ArticleStatus.PUBLISHED, Optional.empty(),
                    Optional.of(t), t, t, "Redaktionen", true, 1, List.of()), true,
                    Change.by("bench", "Bänken", AuditAction.CREATE));
        }

        Map<String, String> env = Map.ofEntries(Map.entry("AWS_REGION", "us-east-1"),
                Map.entry("AWS_ACCESS_KEY_ID", "local"), Map.entry("AWS_SECRET_ACCESS_KEY", "local"),
                Map.entry("TABLE_NAME", "bench"), Map.entry("DYNAMODB_ENDPOINT", dynamo.toString()),
                Map.entry("BUCKET_NAME", "bench-site"), Map.entry("S3_ENDPOINT", s3),
                Map.entry("SITE_NAME", "Båstads Kommun"), Map.entry("SITE_URL", "https://www.bastad.se"),
                Map.entry("HASH_SALT", "benchmark-salt-of-length"),
                Map.entry("ORIGIN_SECRET", "sample-origin-secret-for-events"),
                // As template.yaml's Globals set it for every function (and here for the baseline too).
                Map.entry("JAVA_TOOL_OPTIONS", "-XX:+TieredCompilation -XX:TieredStopAtLevel=1"));

        record Case(String name, Path jar, String handler, Path event) {
        }
        List<Case> cases = List.of(
                new Case("ArticlesFunction (GET /api/articles/{id})",
                        repo.resolve("functions/articles/target/articles-function.jar"),
                        "se.newsroom.articles.ArticlesFunction", repo.resolve("events/articles/get-article.json")),
                new Case("CommentsFunction (GET /api/comments)",
                        repo.resolve("functions/comments/target/comments-function.jar"),
                        "se.newsroom.comments.CommentsFunction", repo.resolve("events/comments/queue.json")),
                new Case("RenderFunction (a stream batch of 2 articles)",
                        repo.resolve("functions/render/target/render-function.jar"),
                        "se.newsroom.render.RenderFunction", repo.resolve("events/render/publish-seeds.json")));

        Path work = harness.getParent(); // bench/cold-start.sh's scratch folder, removed when it exits
        Startup plain = new Startup("fresh JVM", "", List.of(), List.of());
        Startup cached = Startup.aheadOfTime(work);

        List<String> helloCommand = List.of(javaCommand, "-cp", harness.toString(), "Hello");
        double[] hello = {median(() -> run(plain.command(helloCommand, "hello"), env)),
            median(() -> run(cached.trained(helloCommand, helloCommand, "hello", env), env))};
        System.out.printf("%nCold start: a fresh JVM per run (%s), median of %d runs, against DynamoDB Local and "
                + "S3Proxy on loopback; the second pair of columns with %s, trained by a run that only builds the "
                + "handler and runs its SnapStart priming; the last column the first event's own time in a JVM that "
                + "has just run its priming (what a restored SnapStart snapshot pays, the restore excluded), and the "
                + "same event served again right after%n%n",
                javaCommand, RUNS, cached.name());
        System.out.printf("| process | jar size | %s | × hello world | %s | × hello world | first event after "
                + "priming | again |%n", plain.name(), cached.name());
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|");
        System.out.printf("| hello-world JVM | – | %.0f ms | 1.0 | %.0f ms | 1.0 | – | – |%n", hello[0],
                hello[1]);
        for (Case c : cases) {
            String classpath = c.jar() + File.pathSeparator + harness;
            List<String> serve = List.of(javaCommand, "-cp", classpath, "Harness", c.handler(), c.event().toString());
            List<String> prime = List.of(javaCommand, "-cp", classpath, "Harness", "--prime", c.handler());
            List<String> afterPriming = List.of(javaCommand, "-cp", classpath, "Harness", "--after-priming",
                    c.handler(), c.event().toString());
            String key = c.handler().substring(c.handler().lastIndexOf('.') + 1);
            System.err.println(c.name() + " answered: " + run(plain.command(serve, key), env).output().strip());
            double fresh = median(() -> run(plain.command(serve, key), env));
            double withCache = median(() -> run(cached.trained(prime, serve, key, env), env));
            List<double[]> afterPrimingRuns = new ArrayList<>();
            for (int i = 0; i < RUNS; i++) {
                Run run = run(afterPriming, env);
                String[] micros = run.output().lines().filter(l -> l.startsWith("event-micros: ")).findFirst()
                        .orElseThrow(() -> new IllegalStateException("No timing in " + run.output()))
                        .substring("event-micros: ".length()).split(" ");
                afterPrimingRuns.add(new double[] {Long.parseLong(micros[0]) / 1000.0,
                    Long.parseLong(micros[1]) / 1000.0});
            }
            System.out.printf("| %s | %.1f MB | %.0f ms | %.1f | %.0f ms | %.1f | %.1f ms | %.1f ms |%n", c.name(),
                    Files.size(c.jar()) / 1e6, fresh, fresh / hello[0], withCache, withCache / hello[1],
                    medianOf(afterPrimingRuns, 0), medianOf(afterPrimingRuns, 1));
        }
    }

    /**
     * How the JVM starts: plainly, or from an ahead-of-time cache of the classes a training run loaded and linked
     * (JDK 25's AOT cache, JEP 483/514; on JDK 21 to 24 a dynamic AppCDS archive), the local stand-in for what
     * SnapStart's snapshot holds.
     */
    private record Startup(String name, String archive, List<String> trainingOptions, List<String> runOptions) {
        static Startup aheadOfTime(Path work) {
            String archive = work.resolve("%s.aot").toString();
            return Runtime.version().feature() >= 25
                    ? new Startup("fresh JVM + AOT cache", archive, List.of("-XX:AOTCacheOutput=" + archive),
                            List.of("-XX:AOTCache=" + archive))
                    : new Startup("fresh JVM + AppCDS archive", archive,
                            List.of("-XX:ArchiveClassesAtExit=" + archive),
                            List.of("-XX:SharedArchiveFile=" + archive));
        }

        /** {@code command} (java first) with this startup's run options for the archive named {@code key}. */
        List<String> command(List<String> command, String key) {
            return withOptions(command, runOptions, key);
        }

        /** Trains the archive {@code key} once with {@code training}, then returns {@code command} using it. */
        List<String> trained(List<String> training, List<String> command, String key, Map<String, String> env)
                throws Exception {
            if (!archive.isEmpty() && !Files.exists(Path.of(archive.formatted(key)))) {
                System.err.println("training " + key + ": " + run(withOptions(training, trainingOptions, key), env)
                        .output().lines().filter(l -> !l.matches("(?i).*(aot|slf4j|java_tool_options).*")).toList());
            }
            return command(command, key);
        }

        private static List<String> withOptions(List<String> command, List<String> options, String key) {
            List<String> result = new ArrayList<>();
            result.add(command.get(0));
            options.forEach(o -> result.add(o.formatted(key)));
            result.addAll(command.subList(1, command.size()));
            return result;
        }
    }

    private record Run(double millis, String output) {
    }

    private interface Timed {
        Run get() throws Exception;
    }

    private static double medianOf(List<double[]> runs, int column) {
        return median(runs.stream().map(r -> r[column]).toList());
    }

    private static double median(Timed timed) throws Exception {
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            times.add(timed.get().millis());
        }
        return median(times);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private static Run run(List<String> command, Map<String, String> env) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().putAll(env);
        long start = System.nanoTime();
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        int code = process.waitFor();
        double millis = (System.nanoTime() - start) / 1e6;
        if (code != 0) {
            throw new IllegalStateException(command + " failed: " + output);
        }
        return new Run(millis, output);
    }
}
