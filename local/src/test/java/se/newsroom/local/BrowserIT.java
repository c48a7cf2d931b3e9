package se.newsroom.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

import se.newsroom.emulators.TemplateTable;

/**
 * A reader in a real browser (Debian's headless Chromium): opens the seeded article, answers a comment, cancels,
 * answers again and sends — once with JavaScript and once without. Screenshots go to target/screenshots/.
 * Skipped, with the reason printed, where chromium or chromedriver is not installed (.ci/run installs them).
 */
class BrowserIT {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    private static final String ARTICLE = "/nyheter/politiska-styrningen-av-individ-och-familj-utreds/";
    private LocalRunner runner;
    private WebDriver browser;
    private String base;

    @BeforeEach
    void startSystem() throws Exception {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
        if (!present) {
            System.out.println("SKIPPED BrowserIT: " + CHROMIUM + " and " + DRIVER
                    + " are not installed (apt-get install chromium chromium-driver; .ci/run does).");
        }
        assumeTrue(present, "Debian's chromium and chromium-driver are not installed");
        LocalRunner.Options options = new LocalRunner.Options(0, Optional.empty(), true, "browser-token",
                TemplateTable.templatePath().getParent());
        runner = new LocalRunner(options);
        runner.rebuild();
        new Seeder(runner.api(), runner.cloudFront(), "browser-token", options.repository().resolve("events/articles"))
                .seed();
        base = "http://127.0.0.1:" + runner.port();
    }

    @AfterEach
    void stop() throws Exception {
        if (browser != null) {
            // The runner sends the template's Content-Security-Policy: the page must keep to it.
            List<String> refused = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                    .map(LogEntry::getMessage).filter(m -> m.contains("Content Security Policy")).toList();
            browser.quit();
            assertThat(refused).as("what the CSP refused").isEmpty();
        }
        if (runner != null) {
            runner.close();
        }
    }

    @Test
    void withJavaScript_replyMovesTheFormUnderTheComment_cancelMovesItBack_andSendingThanks() throws Exception {
        browser = browser(true);
        open();
        WebElement firstReply = browser.findElements(By.cssSelector(".reply-link")).getFirst();
        String commentId = firstReply.getAttribute("data-comment");

        firstReply.click();
        WebElement respond = browser.findElement(By.id("kommentera"));
        assertThat(browser.findElement(By.id("kommentar-" + commentId)).findElements(By.id("kommentera"))).hasSize(1);
        assertThat(browser.findElement(By.id("avbryt-svar")).isDisplayed()).isTrue();
        assertThat(respond.findElement(By.name("parentId")).getAttribute("value")).isEqualTo(commentId);
        screenshot("js-1-svara");

        browser.findElement(By.id("avbryt-svar")).click();
        assertThat(browser.findElement(By.id("kommentar-" + commentId)).findElements(By.id("kommentera"))).isEmpty();
        assertThat(browser.findElement(By.id("avbryt-svar")).isDisplayed()).isFalse();
        screenshot("js-2-avbryt");

        browser.findElements(By.cssSelector(".reply-link")).getFirst().click();
        fill(browser.findElement(By.id("kommentera")), "Åsa i Båstad", "asa@example.se", "Tack för svaret – bra!");
        browser.findElement(By.id("kommentera")).findElement(By.cssSelector("button[type=submit]")).click();

        thanked("js-3-tack");
    }

    @Test
    void withoutJavaScript_replyOpensItsOwnForm_andSendingThanks() throws Exception {
        browser = browser(false);
        open();
        WebElement firstReply = browser.findElements(By.cssSelector(".reply-link")).getFirst();
        String commentId = firstReply.getAttribute("data-comment");
        WebElement replyForm = browser.findElement(By.id("svara-" + commentId));
        assertThat(replyForm.isDisplayed()).isFalse();

        firstReply.click();
        assertThat(browser.getCurrentUrl()).endsWith("#svara-" + commentId);
        assertThat(replyForm.isDisplayed()).isTrue();
        assertThat(replyForm.findElement(By.linkText("Avbryt")).isDisplayed()).isTrue();
        screenshot("nojs-1-svara");

        fill(replyForm, "Bo utan skript", "bo@example.se", "Fungerar utan JavaScript också.");
        replyForm.findElement(By.cssSelector("button[type=submit]")).click();

        thanked("nojs-2-tack");
    }

    private void open() throws Exception {
        browser.get(base + ARTICLE);
        assertThat(browser.getTitle()).startsWith("Politiska styrningen av Individ och familj utreds");
        screenshot("article");
    }

    private void thanked(String shot) throws Exception {
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().endsWith(ARTICLE + "#tack"));
        WebElement thanks = browser.findElement(By.id("tack"));
        assertThat(thanks.isDisplayed()).isTrue();
        assertThat(thanks.getText()).isEqualTo("Tack! Din kommentar granskas innan den publiceras.");
        screenshot(shot);
    }

    private static void fill(WebElement form, String author, String email, String body) {
        form.findElement(By.name("author")).sendKeys(author);
        form.findElement(By.name("email")).sendKeys(email);
        form.findElement(By.name("body")).sendKeys(body);
    }

    private void screenshot(String name) throws Exception {
        Path dir = Path.of("target/screenshots");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    private static WebDriver browser(boolean javaScript) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=412,1400");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        if (!javaScript) {
            options.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
        }
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .build();
        return new ChromeDriver(service, options);
    }
}
