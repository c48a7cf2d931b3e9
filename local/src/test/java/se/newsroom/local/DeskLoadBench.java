package se.newsroom.local;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

import org.openqa.selenium.By;
import org.openqa.selenium.HasCapabilities;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

import se.newsroom.emulators.TemplateTable;

/**
 * The desk's first-load benchmark (not a test), run by bench/desk-load.sh: in headless Chromium against the seeded
 * local runner, the JavaScript and CSS the article list's first load fetched (raw, and as gzip -9 and brotli -q 11
 * would send them), the time from navigation until the list's first article link is there and takes focus (median
 * of 10, signed in), and the time from the last keyup in the body to the preview iframe loaded (median of 20),
 * beside the desk's own debounce. Prints a table.
 */
public final class DeskLoadBench {
    private static final String TITLE = "Politiska styrningen av Individ och familj utreds";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private DeskLoadBench() {
    }

    public static void main(String[] args) throws Exception {
        int listRuns = Integer.getInteger("bench.listRuns", 10);
        int previewRuns = Integer.getInteger("bench.previewRuns", 20);
        Path repo = TemplateTable.templatePath().getParent();
        LocalRunner.Options options = new LocalRunner.Options(0, Optional.empty(), true, "bench-token", repo);
        try (LocalRunner runner = new LocalRunner(options)) {
            runner.rebuild();
            new Seeder(runner.api(), runner.cloudFront(), "bench-token", repo.resolve("events/articles")).seed();
            run(new DeskBrowser("http://localhost:" + runner.port()), listRuns, previewRuns, repo);
        } catch (Exception | AssertionError e) {
            e.printStackTrace();
            System.exit(1);
        }
        // S3Proxy's and DynamoDB Local's threads would keep the JVM.
        System.exit(0);
    }

    private static void run(DeskBrowser desk, int listRuns, int previewRuns, Path repo) throws Exception {
        try (desk) {
            JavascriptExecutor js = (JavascriptExecutor) desk.driver;
            desk.signIn();
            List<Double> usable = new ArrayList<>();
            List<?> resources = List.of();
            for (int i = 0; i <= listRuns; i++) {
                desk.driver.get("about:blank");
                desk.open("/redaktion/#/artiklar");
                double at = ((Number) js.executeAsyncScript("""
                        const [title, done] = arguments;
                        (function poll() {
                            const link = [...document.querySelectorAll('a, button')]
                                .find(e => e.textContent.includes(title));
                            if (link) {
                                link.focus();
                                if (document.activeElement === link) {
                                    return done(performance.now());
                                }
                            }
                            requestAnimationFrame(poll);
                        })();
                        """, TITLE)).doubleValue();
                if (i == 0) {
                    // The first load after signing in warms the JVM's paths; the ten after it are measured.
                    resources = (List<?>) js.executeScript("""
                            return performance.getEntriesByType('resource')
                                .filter(r => /\\.(js|css)(\\?|$)/.test(r.name)).map(r => r.name);
                            """);
                } else {
                    usable.add(at);
                }
            }

            long raw = 0;
            long gzip = 0;
            long brotli = 0;
            boolean hasBrotli = Files.isExecutable(Path.of("/usr/bin/brotli"));
            StringBuilder files = new StringBuilder();
            for (Object name : resources) {
                byte[] bytes = HTTP.send(HttpRequest.newBuilder(URI.create((String) name)).build(),
                        HttpResponse.BodyHandlers.ofByteArray()).body();
                long g = gzip9(bytes);
                long b = hasBrotli ? brotli11(bytes) : 0;
                raw += bytes.length;
                gzip += g;
                brotli += b;
                files.append(String.format("| %s | %d | %d | %s |%n", URI.create((String) name).getPath(),
                        bytes.length, g, hasBrotli ? Long.toString(b) : "n/a"));
            }

            // Preview: the editor of the seeded article, one character typed at a time.
            desk.button(TITLE).click();
            WebElement body = desk.field("Brödtext");
            desk.until(d -> d.findElements(By.tagName("iframe")).stream()
                    .anyMatch(f -> f.getAttribute("srcdoc") != null && f.getAttribute("srcdoc").contains(TITLE))
                    ? true : null);
            List<Double> preview = new ArrayList<>();
            for (int i = 0; i < previewRuns; i++) {
                js.executeScript("""
                        window.benchPreview = {};
                        const frame = document.querySelector('iframe');
                        arguments[0].addEventListener('keyup', () => { window.benchPreview.keyup = performance.now(); },
                                {once: true});
                        frame.addEventListener('load', () => { window.benchPreview.loaded = performance.now(); },
                                {once: true});
                        """, body);
                body.sendKeys(i % 2 == 0 ? " x" : "y");
                preview.add(desk.until(d -> {
                    Object t = js.executeScript("""
                            const b = window.benchPreview;
                            return b.loaded && b.keyup ? b.loaded - b.keyup : null;
                            """);
                    return t == null ? null : ((Number) t).doubleValue();
                }));
                DeskBrowser.sleep(100);
            }
            Optional<Integer> debounce = debounce(repo);

            System.out.printf("""

                    Desk first load, headless Chromium %s, local runner (no compression on the wire locally)

                    | file | raw bytes | gzip -9 | brotli -q 11 |
                    |---|---:|---:|---:|
                    %s| **JS + CSS, %d files** | **%d** | **%d** | **%s** |

                    | measure | median | min | max | runs |
                    |---|---:|---:|---:|---:|
                    | navigation → article list usable (a link present and focused), signed in \
                    | %.0f ms | %.0f ms | %.0f ms | %d |
                    | last keyup → preview iframe loaded (with the desk's debounce) \
                    | %.0f ms | %.0f ms | %.0f ms | %d |
                    | the desk's debounce (preview.js) | %s | | | |
                    | preview after the debounce: request, render, iframe load | %s | | | |
                    """, desk.driver instanceof HasCapabilities c
                            ? c.getCapabilities().getBrowserVersion() : "", files, resources.size(), raw, gzip,
                    hasBrotli ? Long.toString(brotli) : "n/a (no /usr/bin/brotli)",
                    median(usable), min(usable), max(usable), usable.size(),
                    median(preview), min(preview), max(preview), preview.size(),
                    debounce.map(d -> d + " ms").orElse("not found"),
                    debounce.map(d -> String.format("%.0f ms", median(preview) - d)).orElse("n/a"));
        }
    }

    /** The preview's debounce as the desk declares it ({@code DELAY_MS = 300} in desk/preview.js). */
    private static Optional<Integer> debounce(Path repo) throws IOException {
        Path file = repo.resolve("functions/render/src/main/resources/desk/preview.js");
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        Matcher m = Pattern.compile("DELAY_MS\\s*=\\s*(\\d+)").matcher(Files.readString(file));
        return m.find() ? Optional.of(Integer.parseInt(m.group(1))) : Optional.empty();
    }

    private static long gzip9(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out) {
            {
                def.setLevel(Deflater.BEST_COMPRESSION);
            }
        }) {
            gzip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.size();
    }

    private static long brotli11(byte[] bytes) throws IOException, InterruptedException {
        Path in = Files.createTempFile("desk", ".bin");
        try {
            Files.write(in, bytes);
            Process p = new ProcessBuilder("/usr/bin/brotli", "-c", "-q", "11", in.toString())
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            long n = p.getInputStream().readAllBytes().length;
            if (p.waitFor() != 0) {
                throw new IllegalStateException("brotli failed");
            }
            return n;
        } finally {
            Files.delete(in);
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static double min(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }

    private static double max(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }
}
