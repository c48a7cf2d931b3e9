package se.newsroom.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.UnexpectedAlertBehaviour;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.remote.CapabilityType;
import org.openqa.selenium.support.ui.WebDriverWait;

import se.newsroom.json.Json;

/**
 * An editor's browser on the desk (Debian's headless Chromium through Debian's chromedriver): finds controls as a
 * person does, by their label or their button text (the desk's Swedish vocabulary), signs in through the local
 * sign-in page, runs axe-core over a view, and takes screenshots at a phone's and a desk's width.
 */
final class DeskBrowser implements AutoCloseable {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    static final int PHONE = 390;
    static final int DESK = 1280;
    /** The WCAG 2.1 AA rules of axe-core. */
    static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    private static final Duration WAIT = Duration.ofSeconds(15);

    final WebDriver driver;
    final String base;

    DeskBrowser(String base) {
        this.base = base;
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--lang=sv-SE", "--window-size=" + DESK + ",1000");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        // A "leave the page?" prompt is the desk's to show and the test's to answer, not the driver's to dismiss.
        options.setCapability(CapabilityType.UNHANDLED_PROMPT_BEHAVIOUR, UnexpectedAlertBehaviour.IGNORE);
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "sv-SE,sv"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .build();
        driver = new ChromeDriver(service, options);
    }

    /** Whether Debian's chromium and chromedriver are here; prints why not when they are not. */
    static boolean available(String test) {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
        if (!present) {
            System.out.println("SKIPPED " + test + ": " + CHROMIUM + " and " + DRIVER
                    + " are not installed (apt-get install chromium chromium-driver; .ci/run does).");
        }
        return present;
    }

    void open(String path) {
        driver.get(base + path);
    }

    /** Opens the desk and signs in through the local sign-in page, as an editor does; ends on the article list. */
    void signIn() {
        open("/redaktion/");
        heading("Redaktionen");
        button("Logga in").click();
        until(d -> d.getCurrentUrl().contains("/oauth2/authorize"));
        heading("Lokal inloggning – bara för utveckling på den här datorn");
        button("Logga in som redaktör").click();
        heading("Artiklar");
    }

    /** The visible heading (h1–h3) with this text, waited for. */
    WebElement heading(String text) {
        return until(d -> visible(By.xpath("//*[self::h1 or self::h2 or self::h3][normalize-space(.)="
                + literal(text) + "]")));
    }

    /** The visible form control labelled {@code label} (its label element's text or its aria-label), waited for. */
    WebElement field(String label) {
        return until(d -> control(driver.findElements(By.tagName("body")).getFirst(), label));
    }

    /** The control labelled {@code label} inside {@code scope}. */
    WebElement field(WebElement scope, String label) {
        return until(d -> control(scope, label));
    }

    /** The visible, enabled button (or link) named {@code name}, waited for. */
    WebElement button(String name) {
        return until(d -> clickable(driver.findElements(By.tagName("body")).getFirst(), name));
    }

    /** The button named {@code name} inside {@code scope}. */
    WebElement button(WebElement scope, String name) {
        return until(d -> clickable(scope, name));
    }

    /** Whether a visible heading (h1–h3) with this text is on the page now. */
    boolean hasHeading(String text) {
        return visible(By.xpath("//*[self::h1 or self::h2 or self::h3][normalize-space(.)=" + literal(text) + "]"))
                != null;
    }

    /** Whether a visible button or link named {@code name} is on the page now. */
    boolean hasButton(String name) {
        return clickable(driver.findElement(By.tagName("body")), name) != null;
    }

    /** Waits until the page's polite live region says {@code text}. */
    void status(String text) {
        until(d -> d.findElements(By.cssSelector("[aria-live]")).stream().anyMatch(e -> e.getText().contains(text))
                ? true : null);
    }

    /** Replaces a text field's value as a person does: select all, type. */
    void type(WebElement field, String text) {
        field.click();
        field.sendKeys(Keys.chord(Keys.CONTROL, "a"));
        field.sendKeys(Keys.DELETE);
        field.sendKeys(text);
    }

    /** Runs {@code script} in the page (its {@code arguments}: {@code args}); what it returns. */
    @SuppressWarnings("unchecked")
    <T> T script(String script, Object... args) {
        return (T) ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /**
     * Slows the browser's uploads (Chromium's network emulation, as DevTools' throttling) so that one of
     * {@code bytes} takes about {@code time}: long enough to see its progress.
     */
    void throttleUploads(Duration time, long bytes) {
        ChromiumNetworkConditions slow = new ChromiumNetworkConditions();
        slow.setUploadThroughput((int) Math.max(1, bytes / Math.max(1, time.toSeconds())));
        ((ChromeDriver) driver).setNetworkConditions(slow);
    }

    /** Cuts the browser off the network (Chromium's network emulation, as DevTools' "Offline"). */
    void offline() {
        ChromiumNetworkConditions none = new ChromiumNetworkConditions();
        none.setOffline(true);
        ((ChromeDriver) driver).setNetworkConditions(none);
    }

    /** Ends {@link #throttleUploads} and {@link #offline}. */
    void unthrottle() {
        ((ChromeDriver) driver).deleteNetworkConditions();
    }

    /** Accepts a "leave the page?" prompt if one comes within a second. */
    void acceptLeavePrompt() {
        long deadline = System.nanoTime() + 1_000_000_000L;
        while (System.nanoTime() < deadline) {
            try {
                driver.switchTo().alert().accept();
                return;
            } catch (NoAlertPresentException e) {
                sleep(50);
            }
        }
    }

    <T> T until(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, WAIT).ignoring(StaleElementReferenceException.class)
                .ignoring(NoSuchElementException.class).until(condition);
    }

    /** axe-core's WCAG 2.1 AA violations on the page as it is now, one readable line each; empty when none. */
    List<String> axeViolations() {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        js.executeScript(AxeSource.SCRIPT);
        Object result = js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, iframes: false})
                    .then(r => done(JSON.stringify(r.passes.length > 0 ? r.violations
                        : {error: 'no rule passed: axe did not look at the page'})))
                    .catch(e => done(JSON.stringify({error: String(e)})));
                """, WCAG_21_AA);
        JsonNode violations;
        try {
            violations = Json.MAPPER.readTree((String) result);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (violations.has("error")) {
            throw new IllegalStateException("axe failed: " + violations.path("error").asText());
        }
        return violations.valueStream().flatMap(v -> v.path("nodes").valueStream().map(n -> v.path("id").asText()
                + " (" + v.path("impact").asText() + "): " + v.path("help").asText() + " — "
                + n.path("target").toString() + " " + n.path("html").asText() + "\n    "
                + n.path("failureSummary").asText().replace("\n", "\n    "))).toList();
    }

    /** What the page's Content-Security-Policy refused since the last call (the console's reports). */
    List<String> cspRefusals() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage)
                .filter(m -> m.contains("Content Security Policy")).toList();
    }

    /** Screenshots at a phone's and a desk's width: target/screenshots/desk-{name}-{width}.png. */
    void screenshots(String name) {
        screenshots(name, Optional.empty());
    }

    /** Screenshots at both widths, each scrolled so that {@code shown} is in the middle of the window. */
    void screenshots(String name, Optional<By> shown) {
        Dimension before = driver.manage().window().getSize();
        for (int width : new int[] {PHONE, DESK}) {
            driver.manage().window().setSize(new Dimension(width, width == PHONE ? 844 : 1000));
            sleep(150);
            shown.ifPresent(by -> script("arguments[0].scrollIntoView({block: 'center'})", driver.findElement(by)));
            screenshot(name + "-" + width);
        }
        driver.manage().window().setSize(before);
    }

    void screenshot(String name) {
        try {
            Path dir = Path.of("target/screenshots");
            Files.createDirectories(dir);
            Files.write(dir.resolve("desk-" + name + ".png"),
                    ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }

    private static WebElement control(WebElement scope, String label) {
        String l = literal(label);
        for (WebElement candidate : scope.findElements(By.xpath(".//label[normalize-space(text()[1])=" + l
                + " or normalize-space(.)=" + l + "]"))) {
            String id = candidate.getAttribute("for");
            Optional<WebElement> control = id != null && !id.isEmpty()
                    ? scope.findElements(By.xpath("//*[@id=" + literal(id) + "]")).stream().findFirst()
                    : candidate.findElements(By.cssSelector("input, textarea, select")).stream().findFirst();
            if (control.isPresent() && shown(control.get())) {
                return control.get();
            }
        }
        return scope.findElements(By.xpath(".//*[(self::input or self::textarea or self::select) and @aria-label="
                + l + "]")).stream().filter(DeskBrowser::shown).findFirst().orElse(null);
    }

    private static WebElement clickable(WebElement scope, String name) {
        String n = literal(name);
        return scope.findElements(By.xpath(".//*[(self::button or self::a or @role='button' or @role='tab') and "
                + "(normalize-space(.)=" + n + " or @aria-label=" + n + ")]")).stream()
                .filter(e -> e.isDisplayed() && e.isEnabled()).findFirst().orElse(null);
    }

    private WebElement visible(By by) {
        return driver.findElements(by).stream().filter(WebElement::isDisplayed).findFirst().orElse(null);
    }

    /** A checkbox or radio button is often drawn hidden behind its label: shown means its label or it is. */
    private static boolean shown(WebElement control) {
        return control.isDisplayed() || "checkbox".equals(control.getAttribute("type"))
                || "radio".equals(control.getAttribute("type"));
    }

    /** An XPath string literal of any text (XPath 1.0 has no escapes: concat() around the quotes). */
    static String literal(String text) {
        if (!text.contains("'")) {
            return "'" + text + "'";
        }
        if (!text.contains("\"")) {
            return "\"" + text + "\"";
        }
        return "concat('" + text.replace("'", "', \"'\", '") + "')";
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String lines(List<String> lines) {
        return lines.stream().collect(Collectors.joining("\n"));
    }

    /** axe-core's browser script, from the axe-core jar on the test class path. */
    private static final class AxeSource {
        static final String SCRIPT = read();

        private static String read() {
            try (InputStream in = DeskBrowser.class.getClassLoader().getResourceAsStream("axe.min.js")) {
                if (in == null) {
                    throw new IllegalStateException("axe.min.js is not on the class path (com.deque.html.axe-core)");
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
