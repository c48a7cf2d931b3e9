package se.newsroom.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import se.newsroom.emulators.TemplateTable;
import se.newsroom.json.Json;

/**
 * A reader searching the local site in a real browser (Debian's headless Chromium): the seeds and an article about
 * Östersund, published through the API; "Ostersund", "östersund" and "ÖSTERSUND" find the same article, a result is
 * reached by keyboard, axe finds no WCAG 2.1 AA violation, and without JavaScript the page lists where to look
 * instead. Screenshots go to target/screenshots/sok-*.png. Skipped where chromium or chromedriver is missing.
 */
class SearchBrowserIT {
    private static final String TITLE = "Nytt badhus i Östersund";
    private static LocalRunner runner;
    private static String base;
    private static String articlePath;

    @BeforeAll
    static void startSystem() throws Exception {
        assumeTrue(DeskBrowser.available("SearchBrowserIT"), "Debian's chromium and chromium-driver are not installed");
        LocalRunner.Options options = new LocalRunner.Options(0, Optional.empty(), true, "search-token",
                TemplateTable.templatePath().getParent());
        runner = new LocalRunner(options);
        runner.rebuild();
        new Seeder(runner.api(), runner.cloudFront(), "search-token", options.repository().resolve("events/articles"))
                .seed();
        String article = Json.MAPPER.createObjectNode().put("title", TITLE)
                .put("summary", "Simhallen vid Storsjön byggs om.")
                .put("body", "Badhuset får en ny bassäng för simundervisning och familjer.\n\n"
                        + "| Dag | Öppet |\n|---|---|\n"
                        + "| Måndag | 6–21 |")
                .put("status", "published").put("publishedAt", "2025-06-10T10:00:00+02:00")
                .put("commentsOpen", true)
                .set("categories", Json.MAPPER.createArrayNode().add("Fritid")).toString();
        ApiGateway.Response created = runner.api().handle("POST", "/api/articles", "",
                Map.of("authorization", List.of("Bearer search-token"), "content-type", List.of("application/json")),
                article.getBytes(StandardCharsets.UTF_8), "127.0.0.1");
        assertThat(created.status()).as(new String(created.body(), StandardCharsets.UTF_8)).isEqualTo(201);
        articlePath = "/nyheter/" + Json.MAPPER.readTree(created.body()).path("slug").asText() + "/";
        base = "http://127.0.0.1:" + runner.port();
        // The stream delivers the publish to render, which writes the month's shard: wait for it.
        Instant deadline = Instant.now().plusSeconds(30);
        while (!get("/sok/index/2025-06.json").body().contains(TITLE)) {
            assertThat(Instant.now()).as("the shard of June 2025 lists the article").isBefore(deadline);
            Thread.sleep(200);
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (runner != null) {
            runner.close();
        }
    }

    @Test
    void withJavaScript_ostersundInAnyCaseAndWithoutDiacritics_findsTheSameArticle_reachableByKeyboard()
            throws Exception {
        try (DeskBrowser browser = new DeskBrowser(base)) {
            for (String query : List.of("Ostersund", "östersund", "ÖSTERSUND")) {
                browser.open("/sok/");
                WebElement field = browser.field("Sök bland nyheterna");
                field.sendKeys(query);
                browser.until(d -> status(d).equals("1 träff för ”" + query + "”"));
                assertThat(resultTitles(browser.driver)).as(query).containsExactly(TITLE);
                assertThat(browser.driver.getCurrentUrl()).as("a link to share").endsWith(
                        "/sok/?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8).replace("+", "%20"));
            }
            // A body word, typed without its ring, and a half-typed title word (a prefix) find it too.
            search(browser, "bassang");
            assertThat(resultTitles(browser.driver)).containsExactly(TITLE);
            search(browser, "badh");
            assertThat(resultTitles(browser.driver)).containsExactly(TITLE);
            // Every word must match: a seed's title word with this article's finds nothing.
            search(browser, "händelser östersund");
            browser.until(d -> status(d).equals("Inga träffar för ”händelser östersund”"));
            search(browser, "HANDELSER");
            assertThat(resultTitles(browser.driver))
                    .containsExactly("Statusuppdatering angående händelser inom Individ och familj");

            // Ranking: a title hit before a body hit, however much newer the body's article is; newer first on a tie.
            search(browser, "familj");
            assertThat(resultTitles(browser.driver)).containsExactly(
                    "Politiska styrningen av Individ och familj utreds",
                    "Statusuppdatering angående händelser inom Individ och familj", TITLE);

            browser.open("/sok/?q=" + URLEncoder.encode("östersund", StandardCharsets.UTF_8));
            browser.until(d -> status(d).equals("1 träff för ”östersund”"));
            assertThat(browser.field("Sök bland nyheterna").getAttribute("value")).isEqualTo("östersund");
            assertThat(browser.axeViolations()).as("axe, WCAG 2.1 AA").isEmpty();
            screenshots(browser.driver, "sok-resultat");

            WebElement field = browser.field("Sök bland nyheterna");
            field.sendKeys(Keys.TAB); // to the button
            browser.driver.switchTo().activeElement().sendKeys(Keys.TAB); // to the first result
            WebElement focused = browser.driver.switchTo().activeElement();
            assertThat(focused.getText()).isEqualTo(TITLE);
            focused.sendKeys(Keys.ENTER);
            browser.until(d -> d.getCurrentUrl().endsWith(articlePath));
            assertThat(browser.cspRefusals()).as("what the CSP refused").isEmpty();
        }
    }

    @Test
    void withoutJavaScript_thePageItselfListsTheArchiveCategoriesAndFeedInstead() throws Exception {
        HttpResponse<String> page = get("/sok/?q=" + URLEncoder.encode("östersund", StandardCharsets.UTF_8));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<h2 id=\"sok-annat-rubrik\">Hitta nyheter på andra sätt</h2>",
                "<li><a href=\"/arkiv/\">Arkivet: alla nyheter månad för månad</a></li>",
                "<li><a href=\"/kategori/politik/\">Kategori: Politik</a></li>",
                "<li><a href=\"/feed.xml\">RSS-flöde</a></li>", "<noscript><p>Sökningen behöver JavaScript.");

        ChromeOptions options = new ChromeOptions();
        options.setBinary(DeskBrowser.CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--disable-dev-shm-usage", "--window-size=" + DeskBrowser.DESK + ",1000");
        options.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
        WebDriver browser = new ChromeDriver(new ChromeDriverService.Builder()
                .usingDriverExecutable(DeskBrowser.DRIVER.toFile()).build(), options);
        try {
            browser.get(base + "/sok/?q=" + URLEncoder.encode("östersund", StandardCharsets.UTF_8));
            assertThat(browser.findElement(By.cssSelector("#sok-annat noscript + ul, #sok-annat ul"))
                    .findElements(By.tagName("a"))).extracting(WebElement::getText)
                    .contains("Arkivet: alla nyheter månad för månad", "Kategori: Politik", "RSS-flöde");
            assertThat(browser.findElement(By.cssSelector("#sok-annat p")).getText())
                    .startsWith("Sökningen behöver JavaScript.");
            assertThat(browser.findElement(By.id("sok-resultat")).isDisplayed()).isFalse();
            screenshots(browser, "sok-utan-js");
        } finally {
            browser.quit();
        }
    }

    private static void search(DeskBrowser browser, String query) {
        WebElement field = browser.field("Sök bland nyheterna");
        field.clear();
        field.sendKeys(query, Keys.ENTER);
        browser.until(d -> status(d).endsWith("för ”" + query + "”"));
    }

    private static String status(WebDriver driver) {
        return driver.findElement(By.id("sok-status")).getText();
    }

    private static List<String> resultTitles(WebDriver driver) {
        return driver.findElements(By.cssSelector("#sok-resultat h2 a")).stream().map(WebElement::getText).toList();
    }

    private static void screenshots(WebDriver driver, String name) throws Exception {
        Path dir = Path.of("target/screenshots");
        Files.createDirectories(dir);
        for (int width : new int[] {DeskBrowser.PHONE, DeskBrowser.DESK}) {
            driver.manage().window().setSize(new Dimension(width, width == DeskBrowser.PHONE ? 844 : 1000));
            Thread.sleep(200);
            Files.write(dir.resolve(name + "-" + width + ".png"),
                    ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        }
    }

    private static HttpResponse<String> get(String path) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(HttpRequest.newBuilder(URI.create(base + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }
}
