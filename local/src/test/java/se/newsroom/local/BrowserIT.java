package se.newsroom.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
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
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
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
import se.newsroom.json.Json;

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

    @Test
    void anArticleWithATable_shouldShowNavigationBreadcrumbsNeighboursAndUpdated_withNoAxeViolations_onAPhoneAndADesk()
            throws Exception {
        // GIVEN an editor publishes opening hours as a table, dated after the seeds, and the site renders it
        String article = publishOpeningHours();
        try (DeskBrowser reader = new DeskBrowser(base)) {
            // WHEN a reader opens it, on a phone and on a desk
            for (int width : List.of(DeskBrowser.PHONE, DeskBrowser.DESK)) {
                reader.driver.manage().window().setSize(new Dimension(width, 1400));
                reader.open(article);
                WebDriver page = reader.driver;
                assertThat(page.getTitle()).startsWith("Nya öppettider på biblioteket");

                // THEN the site's navigation, breadcrumbs, the previous article, "Uppdaterad" and the table show
                WebElement nav = page.findElement(By.cssSelector("nav[aria-label='Huvudmeny']"));
                assertThat(nav.findElements(By.tagName("a"))).extracting(WebElement::getText)
                        .containsExactly("Kommunen", "Politik", "Individ och familj", "Sök", "Arkiv");
                assertThat(nav.findElement(By.linkText("Kommunen")).getAttribute("aria-current")).isEqualTo("true");
                for (WebElement link : nav.findElements(By.tagName("a"))) {
                    // every link on screen, none cut off at a phone's width
                    assertThat(link.isDisplayed()).isTrue();
                    assertThat(link.getRect().getX() + link.getRect().getWidth()).isLessThanOrEqualTo(width);
                }
                assertThat(page.findElement(By.cssSelector("nav[aria-label='Brödsmulor']")).getText())
                        .contains("Startsida", "Kommunen", "Nya öppettider på biblioteket");
                assertThat(page.findElement(By.cssSelector("a[rel=prev]")).getText())
                        .contains("Föregående nyhet", "Politiska styrningen av Individ och familj utreds");
                assertThat(page.findElement(By.cssSelector(".updated")).getText()).startsWith("Uppdaterad ");
                WebElement region = page.findElement(By.cssSelector(".table-wrap[role=region]"));
                assertThat(region.getAttribute("aria-label")).isEqualTo("Tabell: Dag, Båstad, Torekov");
                assertThat(region.findElements(By.cssSelector("th[scope=col]"))).hasSize(3);
                assertThat(page.findElement(By.tagName("body")).getText()).doesNotContain("|---");
                List<String> violations = reader.axeViolations();
                assertThat(violations).as("axe-core's WCAG 2.1 AA violations at " + width + " px:\n"
                        + String.join("\n", violations)).isEmpty();
                Path dir = Path.of("target/screenshots");
                Files.createDirectories(dir);
                Files.write(dir.resolve("site-article-" + width + ".png"), fullPage(page));
                // the skip link is the keyboard's first stop; the table's region is one too, so it can scroll
                page.findElement(By.tagName("body")).sendKeys(Keys.TAB);
                assertThat(page.switchTo().activeElement().getText()).isEqualTo("Hoppa till innehållet");
                assertThat(region.getAttribute("tabindex")).isEqualTo("0");
                reader.open("/");
                assertThat(reader.axeViolations()).isEmpty();
                Files.write(dir.resolve("site-front-" + width + ".png"), fullPage(page));
                // and every other page type a reader reaches: a category, its year, a month, a missing page, the
                // privacy notice, and the seeded article whose thread has the newsroom's reply ("Redaktionen")
                for (String other : List.of("/kategori/individ-och-familj/", "/kategori/individ-och-familj/2019/",
                        "/arkiv/2019/12/", "/nyheter/finns-inte/", "/integritet/",
                        "/nyheter/politiska-styrningen-av-individ-och-familj-utreds/")) {
                    reader.open(other);
                    assertThat(page.findElements(By.tagName("h1"))).as(other).isNotEmpty();
                    assertThat(reader.axeViolations()).as("axe at " + other + ", " + width + " px").isEmpty();
                    Files.write(dir.resolve("site" + other.replace('/', '-').replaceAll("-$", "") + "-" + width
                            + ".png"), fullPage(page));
                }
            }
            assertThat(reader.cspRefusals()).as("what the CSP refused").isEmpty();
        }
    }

    /** Publishes an article with a table through the API, as an editor, and waits for its page; returns its path. */
    private String publishOpeningHours() throws Exception {
        String body = """
                Biblioteken i Båstad och Torekov får nya öppettider från den 1 januari.

                | Dag | Båstad | Torekov |
                |:----|:------:|--------:|
                | Måndag–torsdag | 10–19 | 13–18 |
                | Fredag | 10–17 | Stängt |
                | Lördag | 10–14 | 10–13 |

                Läs mer om [bibliotekens tjänster](/kategori/kommunen/) eller hos
                [Regionbibliotek Skåne](https://www.skane.se/).
                """;
        String json = Json.MAPPER.createObjectNode().put("title", "Nya öppettider på biblioteket")
                .put("summary", "Biblioteken får nya öppettider från den 1 januari.").put("body", body)
                .put("status", "published").put("publishedAt", "2019-12-05T09:00:00+01:00").put("commentsOpen", true)
                .set("categories", Json.MAPPER.createArrayNode().add("Kommunen")).toString();
        ApiGateway.Response created = runner.api().handle("POST", "/api/articles", "",
                Map.of("authorization", List.of("Bearer browser-token"), "content-type", List.of("application/json")),
                json.getBytes(StandardCharsets.UTF_8), "127.0.0.1");
        assertThat(created.status()).isEqualTo(201);
        assertThat(runner.awaitRendered(Duration.ofSeconds(30))).isTrue();
        return "/nyheter/nya-oppettider-pa-biblioteket/";
    }

    /** The whole page, as tall as its content. */
    private static byte[] fullPage(WebDriver page) {
        long height = (Long) ((JavascriptExecutor) page).executeScript(
                "return Math.ceil(document.documentElement.scrollHeight)");
        Dimension window = page.manage().window().getSize();
        page.manage().window().setSize(new Dimension(window.getWidth(), (int) Math.min(height + 200, 6000)));
        byte[] png = ((TakesScreenshot) page).getScreenshotAs(OutputType.BYTES);
        page.manage().window().setSize(window);
        return png;
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
