package se.newsroom.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

import se.newsroom.emulators.TemplateTable;
import se.newsroom.json.Json;

/**
 * A reader pages back through the news in a real browser (issue 15): 45 articles published through the API in
 * November 2019, then from the front page "Äldre nyheter" followed by keyboard alone (Tab to the link, Enter) to
 * November's page 1 and page 2 ("Sida 2 av 3"), and the archive index; axe-core's WCAG 2.1 AA rules find nothing on
 * the period page or /arkiv/. Screenshots at 390 and 1280 px: target/screenshots/desk-paging-*.png.
 */
class PagingBrowserIT {
    private static final String TOKEN = "paging-token";
    private LocalRunner runner;
    private DeskBrowser reader;

    @BeforeEach
    void startSystem() throws Exception {
        assumeTrue(DeskBrowser.available("PagingBrowserIT"), "Debian's chromium and chromium-driver are not installed");
        runner = new LocalRunner(new LocalRunner.Options(0, Optional.empty(), false, TOKEN,
                TemplateTable.templatePath().getParent()));
        runner.rebuild();
        for (int i = 1; i <= 45; i++) {
            publish("Veckans nyhet %d från Individ och familj".formatted(i),
                    "2019-11-%02dT%02d:00:00+01:00".formatted(1 + i * 28 / 45, 8 + i % 9));
        }
        assertThat(runner.awaitRendered(Duration.ofSeconds(120))).as("every publish rendered").isTrue();
        reader = new DeskBrowser("http://127.0.0.1:" + runner.port());
    }

    @AfterEach
    void stop() throws Exception {
        if (reader != null) {
            reader.close();
        }
        if (runner != null) {
            runner.close();
        }
    }

    @Test
    void aReader_shouldPageBackByKeyboard_fromTheFrontPageToPageTwoOfAMonth() {
        reader.open("/");
        assertThat(reader.driver.findElements(By.cssSelector(".teaser"))).hasSize(10);

        follow("Äldre nyheter");
        assertThat(reader.driver.getCurrentUrl()).endsWith("/arkiv/2019/11/");
        assertThat(reader.driver.findElement(By.cssSelector(".pager")).getText()).contains("Sida 1 av 3");

        follow("Äldre nyheter");
        assertThat(reader.driver.getCurrentUrl()).endsWith("/arkiv/2019/11/sida/2/");
        assertThat(reader.driver.findElement(By.tagName("h1")).getText()).isEqualTo("Arkiv: november 2019");
        assertThat(reader.driver.findElement(By.cssSelector(".pager .position")).getText()).isEqualTo("Sida 2 av 3");
        assertThat(reader.driver.findElements(By.cssSelector(".teaser"))).hasSize(20);
        assertThat(reader.driver.findElement(By.cssSelector("a[rel=prev]")).getAttribute("href"))
                .endsWith("/arkiv/2019/11/");
        assertThat(reader.driver.findElement(By.cssSelector("meta[name=robots]")).getAttribute("content"))
                .isEqualTo("noindex, follow");
        assertThat(reader.axeViolations()).as("axe on page 2").isEmpty();
        reader.screenshots("paging-month-page-2", Optional.of(By.cssSelector(".pager")));

        follow("Nyare nyheter");
        assertThat(reader.driver.getCurrentUrl()).endsWith("/arkiv/2019/11/");
    }

    @Test
    void theArchiveIndex_shouldListTheMonthWithItsCount_andPassAxe() {
        reader.open("/arkiv/");

        assertThat(reader.driver.findElement(By.tagName("h1")).getText()).isEqualTo("Arkiv");
        WebElement november = reader.driver.findElement(By.linkText("november 2019"));
        assertThat(november.findElement(By.xpath("..")).getText()).isEqualTo("november 2019 (45 nyheter)");
        assertThat(reader.axeViolations()).as("axe on /arkiv/").isEmpty();
        reader.screenshots("paging-archive");

        november.click();
        assertThat(reader.driver.getCurrentUrl()).endsWith("/arkiv/2019/11/");
    }

    /** Tabs from the top of the page to the link named {@code name} (as a keyboard user does) and presses Enter. */
    private void follow(String name) {
        String before = reader.driver.getCurrentUrl();
        // the page was just loaded: Tab starts from its top
        for (int tab = 0; tab < 200; tab++) {
            new Actions(reader.driver).sendKeys(Keys.TAB).perform();
            WebElement focused = reader.driver.switchTo().activeElement();
            if (focused.getTagName().equals("a") && focused.getText().equals(name)) {
                // visible focus: the outline the stylesheet gives a focused link
                assertThat(focused.getCssValue("outline-style")).isEqualTo("solid");
                new Actions(reader.driver).sendKeys(Keys.ENTER).perform();
                reader.until(d -> !d.getCurrentUrl().equals(before));
                return;
            }
        }
        throw new AssertionError("No link \"" + name + "\" reached by Tab on " + before);
    }

    private void publish(String title, String publishedAt) throws Exception {
        String body = Json.MAPPER.createObjectNode().put("title", title).put("summary", "Kort om " + title + ".")
                .put("body", "Text om " + title + ".").put("status", "published").put("publishedAt", publishedAt)
                .put("commentsOpen", true).set("categories", Json.MAPPER.createArrayNode().add("Individ och familj"))
                .toString();
        ApiGateway.Response r = runner.api().handle("POST", "/api/articles", "", Map.of(
                "authorization", List.of("Bearer " + TOKEN), "content-type", List.of("application/json")),
                body.getBytes(StandardCharsets.UTF_8), "127.0.0.1");
        assertThat(r.status()).as(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(201);
    }
}
