package se.newsroom.local;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The reader's search in headless Chromium (not a test): the search objects SearchIndexBench wrote, served gzipped as
 * CloudFront serves them, opened cold (a fresh browser each run) at {@code /sok/?q=…}; the time from navigation to
 * the first result shown and to the last shard searched (the script's performance marks), and the bytes fetched by
 * then. Unthrottled (this machine's loopback: the script's own cost) and at 10 Mbit/s with 40 ms latency (Chromium's
 * network emulation). Run with bench/search-index.sh.
 */
public final class SearchFirstResultBench {
    private static final int RUNS = Integer.getInteger("bench.runs", 5);
    private static final int PORT = Integer.getInteger("bench.port", 18413);

    private SearchFirstResultBench() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        System.out.println("| corpus | network | query | hits | first result (min / median / max) | search done"
                + " (min / median / max) | gzip bytes by the first result | gzip bytes for the whole query |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        for (String corpus : List.of("bench", "distinct")) {
            HttpServer server = serve(root.resolve(corpus));
            try {
                for (boolean throttled : new boolean[] {false, true}) {
                    for (String query : List.of("individ", "nyhet 17")) {
                        measure(corpus, throttled, query);
                    }
                }
            } finally {
                server.stop(0);
            }
        }
    }

    private static void measure(String corpus, boolean throttled, String query) throws Exception {
        List<Double> first = new ArrayList<>();
        List<Double> all = new ArrayList<>();
        double firstBytes = 0;
        double allBytes = 0;
        String hits = "";
        for (int run = 0; run < RUNS; run++) {
            ChromeDriver browser = browser();
            try {
                if (throttled) {
                    ChromiumNetworkConditions network = new ChromiumNetworkConditions();
                    network.setLatency(Duration.ofMillis(40));
                    network.setDownloadThroughput(10_000_000 / 8);
                    network.setUploadThroughput(5_000_000 / 8);
                    browser.setNetworkConditions(network);
                }
                browser.get("http://127.0.0.1:" + PORT + "/sok/?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
                new WebDriverWait(browser, Duration.ofMinutes(3)).until(d -> ((JavascriptExecutor) d).executeScript(
                        "return performance.getEntriesByName('sok-klar').length > 0"));
                @SuppressWarnings("unchecked")
                Map<String, Object> marks = (Map<String, Object>) browser.executeScript("""
                        const mark = n => performance.getEntriesByName(n)[0].startTime;
                        const first = mark('sok-forsta-traff'), done = mark('sok-klar');
                        const sum = t => performance.getEntriesByType('resource').concat(
                                performance.getEntriesByType('navigation'))
                            .filter(r => r.responseEnd <= t).reduce((s, r) => s + r.transferSize, 0);
                        return {first, done, firstBytes: sum(first), allBytes: sum(done)};
                        """);
                first.add(((Number) marks.get("first")).doubleValue());
                all.add(((Number) marks.get("done")).doubleValue());
                firstBytes = ((Number) marks.get("firstBytes")).doubleValue();
                allBytes = ((Number) marks.get("allBytes")).doubleValue();
                hits = browser.findElement(By.id("sok-status")).getText();
            } finally {
                browser.quit();
            }
        }
        System.out.printf("| %s | %s | %s | %s | %s | %s | %,.0f B | %,.0f B |%n", corpus,
                throttled ? "10 Mbit/s, 40 ms" : "loopback", query, hits, spread(first), spread(all), firstBytes,
                allBytes);
    }

    private static String spread(List<Double> millis) {
        List<Double> sorted = millis.stream().sorted().toList();
        return "%.0f / %.0f / %.0f ms".formatted(sorted.getFirst(), sorted.get(sorted.size() / 2), sorted.getLast());
    }

    private static ChromeDriver browser() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(DeskBrowser.CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--disable-dev-shm-usage", "--disable-background-networking", "--window-size=1280,1000");
        return new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(DeskBrowser.DRIVER.toFile())
                .build(), options);
    }

    /** The folder over HTTP, compressed with gzip when the browser accepts it, as CloudFront does. */
    private static HttpServer serve(Path folder) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", PORT), 0);
        server.createContext("/", exchange -> {
            try (exchange) {
                respond(exchange, folder);
            }
        });
        server.start();
        return server;
    }

    private static void respond(HttpExchange exchange, Path folder) throws IOException {
        String path = exchange.getRequestURI().getPath();
        Path file = folder.resolve(path.substring(1) + (path.endsWith("/") ? "index.html" : "")).normalize();
        if (!file.startsWith(folder) || !Files.isRegularFile(file)) {
            exchange.sendResponseHeaders(404, -1);
            return;
        }
        byte[] body = Files.readAllBytes(file);
        String name = file.getFileName().toString();
        exchange.getResponseHeaders().set("content-type", name.endsWith(".json") ? "application/json"
                : name.endsWith(".css") ? "text/css; charset=utf-8" : name.endsWith(".js")
                ? "text/javascript; charset=utf-8" : "text/html; charset=utf-8");
        String accepts = exchange.getRequestHeaders().getFirst("accept-encoding");
        if (accepts != null && accepts.contains("gzip")) {
            ByteArrayOutputStream gz = new ByteArrayOutputStream();
            try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
                out.write(body);
            }
            body = gz.toByteArray();
            exchange.getResponseHeaders().set("content-encoding", "gzip");
        }
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
