package se.newsroom.local;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

import se.newsroom.emulators.Fault;
import se.newsroom.emulators.FaultInjector;
import se.newsroom.emulators.TemplateTable;

/**
 * Readers posting comments and editors creating, editing and publishing articles, all at once over the public HTTP
 * API of the local system, while faults are injected into the functions' DynamoDB and S3 calls; then the faults
 * stop, the render failure queue is redriven, and everything is counted: each accepted write in the table, each
 * published article on the site, and each 5xx against the faults injected under its request id.
 *
 * <p>Readers and editors behave as the API asks: after a 503 they send the same request again after Retry-After
 * (a create with the same Idempotency-Key; a comment from the same address with the same text, so a 409 then says
 * the first attempt was stored, and after a 429 the reader waits Retry-After and sends it once more).
 * {@code bench/faults-under-load.sh} runs it for 60 s and prints the table; {@code FaultLoadIT} runs a short one.
 */
final class FaultLoad {
    private static final String TOKEN = "load-token";
    private static final Pattern TOKEN_IN_TEXT = Pattern.compile("\\[(r\\d+-\\d+)]");
    private static final int MAX_TRIES = 8;

    /** How hard and how long. */
    record Settings(int readers, int editors, Duration duration, double faultRate, long seed) {
    }

    /** One operation's counts. */
    record Row(String operation, long requests, long accepted, long unavailable, long unexplained5xx, long stored,
               long lost, long doubled) {
    }

    /** What a run found. */
    record Report(Settings settings, List<Row> rows, Map<String, Long> faults, int failedBatches, int stillFailing,
                  int siteObjects, List<String> siteDifferences, List<String> problems) {
        /** Nothing lost, nothing doubled, no 5xx without a fault, the site equal to a rebuild. */
        boolean clean() {
            return problems.isEmpty() && siteDifferences.isEmpty() && stillFailing == 0
                    && rows.stream().allMatch(r -> r.lost() == 0 && r.doubled() == 0 && r.unexplained5xx() == 0);
        }

        String table() {
            StringBuilder out = new StringBuilder();
            out.append(String.format("%d readers, %d editors, %d s, fault rate %.0f %% per DynamoDB and S3 call%n%n",
                    settings.readers(), settings.editors(), settings.duration().toSeconds(),
                    settings.faultRate() * 100));
            out.append("| operation | requests | accepted (2xx) | 503 | 5xx without a fault "
                    + "| in the table / on the site | lost | doubled |\n|---|---:|---:|---:|---:|---:|---:|---:|\n");
            for (Row r : rows) {
                out.append(String.format("| %s | %d | %d | %d | %d | %d | %d | %d |%n", r.operation(), r.requests(),
                        r.accepted(), r.unavailable(), r.unexplained5xx(), r.stored(), r.lost(), r.doubled()));
            }
            out.append("\nFaults injected: ").append(faults).append('\n');
            out.append(String.format("Render: %d batch(es) in the failure queue; after the redrive %d still failing; "
                    + "site bucket vs a fresh rebuild: %d objects, %d differences%n", failedBatches, stillFailing,
                    siteObjects, siteDifferences.size()));
            siteDifferences.stream().limit(20).forEach(d -> out.append("  ").append(d).append('\n'));
            problems.stream().limit(20).forEach(p -> out.append("  problem: ").append(p).append('\n'));
            out.append(clean() ? "Nothing lost, nothing doubled, no 5xx without a fault.\n" : "NOT CLEAN\n");
            return out.toString();
        }
    }

    /** What the clients saw, shared by their threads. */
    private static final class Tally {
        final AtomicLong requests = new AtomicLong();
        final AtomicLong unavailable = new AtomicLong();
        final Set<String> fiveXxRequestIds = ConcurrentHashMap.newKeySet();
        final List<String> problems = new CopyOnWriteArrayList<>();

        HttpResponse<String> note(HttpResponse<String> response) {
            requests.incrementAndGet();
            if (response.statusCode() >= 500) {
                if (response.statusCode() == 503) {
                    unavailable.incrementAndGet();
                    if (response.headers().firstValue("retry-after").isEmpty()) {
                        problems.add("503 without Retry-After: " + response.body());
                    }
                }
                String id = response.body().contains("requestId")
                        ? SiteClient.json(response).path("requestId").asText() : "";
                fiveXxRequestIds.add(id.isEmpty() ? "none:" + response.statusCode() + ":" + response.body() : id);
            }
            return response;
        }
    }

    private FaultLoad() {
    }

    static Report run(Settings settings) throws Exception {
        FaultInjector faults = new FaultInjector(settings.seed(), Duration.ofMillis(200));
        try (LocalRunner runner = new LocalRunner(new LocalRunner.Options(0, Optional.empty(), false, TOKEN,
                TemplateTable.templatePath().getParent()), new LocalRunner.Trial(Optional.of(faults), true))) {
            runner.rebuild();
            SiteClient site = new SiteClient(runner.port(), TOKEN);
            // Articles to comment on, published before the faults start.
            List<String> commented = new ArrayList<>();
            for (int i = 1; i <= 5; i++) {
                HttpResponse<String> created = site.editor("POST", "/api/articles", "{\"title\": \"Diskussion "
                        + i + ": Nya cykelvägar\", \"body\": \"Tyck till!\", \"status\": \"published\"}", Map.of());
                if (created.statusCode() != 201) {
                    throw new IllegalStateException("Setting up: " + created.body());
                }
                commented.add(SiteClient.json(created).path("id").asText());
            }
            runner.awaitRendered(Duration.ofSeconds(30));

            List<Fault> all = List.of(Fault.values());
            faults.randomly(settings.faultRate(), all, "dynamodb");
            faults.randomly(settings.faultRate(), all, "s3");
            Tally comments = new Tally();
            Tally articles = new Tally();
            Set<String> acceptedComments = ConcurrentHashMap.newKeySet();
            Set<String> storedBeforeFault = ConcurrentHashMap.newKeySet();
            Map<String, String> createdArticles = new ConcurrentHashMap<>(); // id -> title it must end with
            Map<String, String> publishedUrls = new ConcurrentHashMap<>(); // id -> url, once published
            long deadline = System.nanoTime() + settings.duration().toNanos();
            ExecutorService pool = Executors.newFixedThreadPool(settings.readers() + settings.editors());
            List<Future<?>> running = new ArrayList<>();
            for (int r = 0; r < settings.readers(); r++) {
                int reader = r;
                running.add(pool.submit(() -> reader(site, reader, commented, deadline, comments, acceptedComments,
                        storedBeforeFault)));
            }
            for (int e = 0; e < settings.editors(); e++) {
                int editor = e;
                running.add(pool.submit(() -> editor(site, editor, deadline, articles, createdArticles,
                        publishedUrls)));
            }
            for (Future<?> f : running) {
                f.get();
            }
            pool.shutdown();
            faults.stop();

            // Settle: everything written reaches render; then the failure queue is redriven.
            runner.awaitRendered(Duration.ofSeconds(120));
            int failedBatches = runner.failures().size();
            int stillFailing = runner.redrive();
            runner.rebuildInto("rebuild-check");
            SiteComparison.Result comparison = SiteComparison.compare(runner.s3(), LocalRunner.BUCKET,
                    "rebuild-check");

            List<String> problems = new ArrayList<>(comments.problems);
            problems.addAll(articles.problems);
            Set<String> faulted = faults.injected().stream().flatMap(i -> i.tag().stream())
                    .collect(Collectors.toSet());
            long commentsUnexplained = comments.fiveXxRequestIds.stream().filter(id -> !faulted.contains(id)).count();
            long articlesUnexplained = articles.fiveXxRequestIds.stream().filter(id -> !faulted.contains(id)).count();

            // Comments: every stored one by its token, from the moderation queue (all of them are pending).
            Map<String, Integer> stored = storedComments(site);
            long commentsDoubled = stored.values().stream().filter(n -> n > 1).count();
            long commentsLost = acceptedComments.stream().filter(t -> !stored.containsKey(t)).count()
                    + storedBeforeFault.stream().filter(t -> !stored.containsKey(t)).count();
            stored.keySet().stream().filter(t -> !acceptedComments.contains(t) && !storedBeforeFault.contains(t))
                    .forEach(t -> problems.add("comment " + t + " is stored but its reader was never told so"));

            // Articles: every one in the table by title; each published one on the site with its last title.
            Map<String, Long> titles = listedTitles(site);
            long articlesDoubled = titles.values().stream().filter(n -> n > 1).count();
            long articlesLost = createdArticles.values().stream().filter(t -> !titles.containsKey(t)).count();
            long onSite = 0;
            for (Map.Entry<String, String> published : publishedUrls.entrySet()) {
                HttpResponse<String> page = site.get(published.getValue());
                if (page.statusCode() == 200 && page.body().contains(createdArticles.get(published.getKey()))) {
                    onSite++;
                } else {
                    problems.add("published " + published.getKey() + " is not on the site as last edited");
                }
            }
            List<Row> rows = List.of(
                    new Row("comment post (reader)", comments.requests.get(), acceptedComments.size(),
                            comments.unavailable.get(), commentsUnexplained, stored.size(), commentsLost,
                            commentsDoubled),
                    new Row("create + publish (editor)", articles.requests.get(), createdArticles.size(),
                            articles.unavailable.get(), articlesUnexplained, titles.size(), articlesLost,
                            articlesDoubled),
                    new Row("published article on the site", publishedUrls.size(), publishedUrls.size(), 0, 0,
                            onSite, publishedUrls.size() - onSite, 0));
            Map<String, Long> byKind = new TreeMap<>(faults.injected().stream().collect(Collectors.groupingBy(
                    i -> i.service() + " " + i.fault(), Collectors.counting())));
            return new Report(settings, rows, byKind, failedBatches, stillFailing, comparison.objects(),
                    comparison.differences(), problems);
        }
    }

    private static void reader(SiteClient site, int reader, List<String> articles, long deadline, Tally tally,
                               Set<String> accepted, Set<String> storedBeforeFault) {
        for (int n = 0; System.nanoTime() < deadline; n++) {
            String token = "r" + reader + "-" + n;
            // A new viewer address per comment, so the flood and hourly limits do not refuse the load.
            String viewer = "10." + reader + "." + (n / 250 % 250) + "." + (n % 250 + 1);
            String json = "{\"author\": \"Läsare " + reader + "\", \"email\": \"lasare" + reader
                    + "@example.se\", \"body\": \"Bra initiativ [" + token + "] – tack!\"}";
            String article = articles.get(n % articles.size());
            boolean faultSeen = false;
            for (int attempt = 0; attempt < MAX_TRIES; attempt++) {
                HttpResponse<String> response = tally.note(site.comment(article, json, viewer));
                int status = response.statusCode();
                if (status == 202) {
                    accepted.add(token);
                    break;
                }
                if (status == 409 && faultSeen) {
                    storedBeforeFault.add(token); // the attempt that failed had been stored
                    break;
                }
                if (status == 429 && faultSeen) {
                    // The failed attempt was counted (its counter's write applied, then the call failed), whether or
                    // not the comment was stored: the reader waits as told and sends it again, and that says which.
                    pause(response);
                    continue;
                }
                if (status != 503) {
                    tally.problems.add("comment " + token + ": " + status + " " + response.body());
                    break;
                }
                faultSeen = true;
                pause(response);
            }
        }
    }

    private static void editor(SiteClient site, int editor, long deadline, Tally tally, Map<String, String> created,
                               Map<String, String> published) {
        for (int n = 0; System.nanoTime() < deadline; n++) {
            String title = "Nyhet " + editor + "-" + n + " från förvaltningen";
            String key = UUID.randomUUID().toString();
            HttpResponse<String> response = retried(tally, () -> site.editor("POST", "/api/articles",
                    "{\"title\": \"" + title + "\", \"body\": \"Utkast.\", \"status\": \"draft\"}",
                    Map.of("Idempotency-Key", key)));
            if (response.statusCode() != 201) {
                tally.problems.add("create " + title + ": " + response.statusCode() + " " + response.body());
                continue;
            }
            String id = SiteClient.json(response).path("id").asText();
            created.put(id, title);
            String edited = title + " (uppdaterad)";
            HttpResponse<String> put = retried(tally, () -> site.editor("PUT", "/api/articles/" + id,
                    "{\"title\": \"" + edited + "\", \"body\": \"Publicerad text.\", \"status\": \"published\"}",
                    Map.of("If-Match", "\"1\"")));
            if (put.statusCode() == 412) {
                // A 503 hid a PUT that had been applied: the article says which.
                JsonNode now = SiteClient.json(retried(tally, () -> site.editor("GET", "/api/articles/" + id, null,
                        Map.of())));
                if (!now.path("title").asText().equals(edited)) {
                    tally.problems.add("edit of " + id + ": 412 but the edit is not there");
                    continue;
                }
                published.put(id, now.path("url").asText());
                created.put(id, edited);
            } else if (put.statusCode() == 200) {
                created.put(id, edited);
                published.put(id, SiteClient.json(put).path("url").asText());
            } else {
                tally.problems.add("edit of " + id + ": " + put.statusCode() + " " + put.body());
            }
        }
    }

    private static HttpResponse<String> retried(Tally tally,
                                                Supplier<HttpResponse<String>> request) {
        HttpResponse<String> response = null;
        for (int attempt = 0; attempt < MAX_TRIES; attempt++) {
            response = tally.note(request.get());
            if (response.statusCode() != 503) {
                return response;
            }
            pause(response);
        }
        return response;
    }

    private static void pause(HttpResponse<String> response) {
        long seconds = response.headers().firstValue("retry-after").map(Long::parseLong).orElse(1L);
        try {
            Thread.sleep(Duration.ofSeconds(seconds));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Every stored comment's token, with how often it is stored. */
    private static Map<String, Integer> storedComments(SiteClient site) {
        Map<String, Integer> tokens = new TreeMap<>();
        String cursor = null;
        do {
            HttpResponse<String> page = site.editor("GET", "/api/comments?status=pending&limit=100"
                    + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8)), null,
                    Map.of());
            JsonNode json = SiteClient.json(page);
            for (JsonNode item : json.path("items")) {
                Matcher m = TOKEN_IN_TEXT.matcher(item.path("body").asText());
                if (m.find()) {
                    tokens.merge(m.group(1), 1, Integer::sum);
                }
            }
            cursor = json.path("nextCursor").isTextual() ? json.path("nextCursor").asText() : null;
        } while (cursor != null);
        return tokens;
    }

    /** Every article the editors made (by title), with how many articles carry it. */
    private static Map<String, Long> listedTitles(SiteClient site) {
        Map<String, Long> titles = new TreeMap<>();
        String cursor = null;
        do {
            HttpResponse<String> page = site.editor("GET", "/api/articles?limit=100"
                    + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8)), null,
                    Map.of());
            JsonNode json = SiteClient.json(page);
            for (JsonNode item : json.path("items")) {
                String title = item.path("title").asText();
                if (title.startsWith("Nyhet ")) {
                    titles.merge(title, 1L, Long::sum);
                }
            }
            cursor = json.path("nextCursor").isTextual() ? json.path("nextCursor").asText() : null;
        } while (cursor != null);
        return titles;
    }
}
