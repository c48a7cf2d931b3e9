package se.newsroom.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import se.newsroom.emulators.TemplateTable;
import se.newsroom.json.Json;

/**
 * The desk's accountable newsroom (issue 17) in a real browser, worked as editors in their roles work it: an
 * article's versions, their diff and a restore; a writer's submission for review and a publisher's queue; what a
 * role may not do, disabled with its reason, and a refusal's required role in Swedish; a correction on a published
 * article; the newsroom's own reply to a comment; the privacy notice; and the log. Set up as {@link DeskBrowserIT}
 * (one runner, the real Content-Security-Policy, axe-core's WCAG 2.1 AA rules over every new view, screenshots in
 * target/screenshots/desk-*.png at 390 and 1280 pixels wide). Skipped, saying why, without chromium.
 */
class DeskAccountabilityIT {
    private static final String TOKEN = "desk-token";
    private static final AtomicInteger VIEWERS = new AtomicInteger();
    private static LocalRunner runner;
    private static SiteClient site;
    private final List<DeskBrowser> browsers = new ArrayList<>();
    private final List<String> violations = new ArrayList<>();

    @BeforeAll
    static void startSystem() throws Exception {
        assumeTrue(DeskBrowser.available("DeskAccountabilityIT"),
                "Debian's chromium and chromium-driver are not installed");
        LocalRunner.Options options = new LocalRunner.Options(0, Optional.empty(), true, TOKEN,
                TemplateTable.templatePath().getParent()).withSchedulePeriod(Duration.ofSeconds(1));
        runner = new LocalRunner(options, new LocalRunner.Trial(Optional.empty(), true));
        runner.rebuild();
        site = new SiteClient(runner.port(), TOKEN);
    }

    @AfterAll
    static void stopSystem() throws Exception {
        if (runner != null) {
            runner.close();
        }
    }

    @AfterEach
    void closeBrowsers() {
        List<String> refused = new ArrayList<>();
        for (DeskBrowser browser : browsers) {
            refused.addAll(browser.cspRefusals());
            browser.close();
        }
        assertThat(refused).as("what the Content-Security-Policy refused").isEmpty();
        assertThat(violations).as("axe-core's WCAG 2.1 AA violations:\n" + String.join("\n", violations))
                .isEmpty();
    }

    @Test
    void versions_shouldListEverySave_showWhatChangedInWords_andRestoreAnOlderOneAsANewVersion() throws Exception {
        // GIVEN an article saved three times: made, its day and summary changed, then its title
        String id = create("Vattenavstängning på Storgatan", "Vattnet stängs av på tisdag mellan 9 och 12.",
                "draft");
        put(id, 1, Map.of("title", "Vattenavstängning på Storgatan", "summary", "Gäller Storgatan 1–15.",
                "body", "Vattnet stängs av på onsdag mellan 9 och 12.", "status", "draft"));
        put(id, 2, Map.of("title", "Vattenavstängning på Storgatan flyttas", "summary", "Gäller Storgatan 1–15.",
                "body", "Vattnet stängs av på onsdag mellan 9 och 12.", "status", "draft"));
        DeskBrowser desk = browser();
        desk.signIn();
        desk.open("/redaktion/#/artiklar/" + id);

        // WHEN the editor opens its versions
        desk.button("Versioner").click();
        desk.heading("Versioner av ”Vattenavstängning på Storgatan flyttas”");
        List<String> rows = desk.until(d -> rowsShown(d).size() == 3 ? rowsShown(d) : null);

        // THEN each save is a row, newest first, saying what kind of change it was and which fields it changed
        assertThat(rows.get(0)).contains("Version 3 (nuvarande)", "Ändrad", "Rubrik");
        assertThat(rows.get(1)).contains("Version 2", "Ändrad", "Sammanfattning", "Brödtext");
        assertThat(rows.get(2)).contains("Version 1", "Skapad");
        axe(desk, "versions list");
        desk.screenshots("versions");

        // AND version 2 shows its words against version 1: the day taken away and the new one put in, said in words
        desk.button("Version 2").click();
        desk.heading("Ändringar jämfört med version 1");
        List<String> inserted = desk.script("return [...document.querySelectorAll('.diff ins')]"
                + ".map(e => e.textContent)");
        List<String> deleted = desk.script("return [...document.querySelectorAll('.diff del')]"
                + ".map(e => e.textContent)");
        assertThat(inserted).anyMatch(t -> t.startsWith("[tillagt: ") && t.contains("onsdag"));
        assertThat(deleted).anyMatch(t -> t.startsWith("[borttaget: ") && t.contains("tisdag"));
        assertThat(desk.driver.findElement(By.cssSelector(".changes")).getText()).contains("Sammanfattning",
                "Brödtext", "Gäller Storgatan 1–15.");
        axe(desk, "a version's changes");
        desk.screenshots("version-diff");

        // WHEN the editor asks to restore it, and takes it back with Esc (the dialog's default is "Avbryt")
        desk.button("Återställ den här versionen").click();
        assertThat(desk.driver.switchTo().activeElement().getText()).isEqualTo("Avbryt");
        desk.driver.switchTo().activeElement().sendKeys(Keys.ESCAPE);
        desk.until(d -> d.findElements(By.cssSelector("dialog[open]")).isEmpty() ? true : null);
        assertThat(SiteClient.json(site.editor("GET", "/api/articles/" + id, null, Map.of())).path("version").asInt())
                .isEqualTo(3);

        // WHEN the editor restores it, after being asked
        desk.button("Återställ den här versionen").click();
        WebElement dialog = dialog(desk);
        assertThat(dialog.getText()).contains("Återställa version 2?", "Status och datum ändras inte.");
        axe(desk, "restore confirmation");
        desk.button(dialog, "Återställ versionen").click();

        // THEN the restored article is shown, saved as version 4 with version 2's title
        desk.status("Version 2 är återställd. Artikeln är nu version 4.");
        desk.heading("Redigera artikel");
        desk.until(d -> desk.field("Rubrik").getAttribute("value").equals("Vattenavstängning på Storgatan"));
        JsonNode article = SiteClient.json(site.editor("GET", "/api/articles/" + id, null, Map.of()));
        assertThat(article.path("version").asInt()).isEqualTo(4);
        assertThat(article.path("title").asText()).isEqualTo("Vattenavstängning på Storgatan");
        assertThat(article.path("body").asText()).isEqualTo("Vattnet stängs av på onsdag mellan 9 och 12.");
    }

    @Test
    void aWriter_shouldSubmitForReview_notPublish_andAPublisherPublishesFromTheQueue() throws Exception {
        // GIVEN a writer at the desk
        String title = "Nya öppettider på biblioteket i Ängelholm";
        DeskBrowser writer = browser();
        signInAs(writer, "writers");
        assertThat(writer.hasButton("Kommentarer")).as("a writer's menu has no comments queue").isFalse();
        writer.button("Ny artikel").click();
        writer.type(writer.field("Rubrik"), title);
        writer.type(writer.field("Brödtext"), "Biblioteket öppnar redan 08.00 från och med måndag.");

        // THEN publishing is not theirs, and the desk says why
        assertThat(writer.hasButton("Publicera nu")).isFalse();
        assertThat(writer.driver.findElement(By.id("actions-why")).getText())
                .isEqualTo("Bara publicerare kan publicera, schemalägga och radera.");

        // WHEN the writer submits it for review
        writer.button("Skicka för granskning").click();
        writer.status("Artikeln är skickad för granskning.");
        JsonNode article = article(writer);
        assertThat(article.path("status").asText()).isEqualTo("review");
        assertThat(writer.driver.findElement(By.cssSelector(".status-line")).getText()).contains("Granskas");
        axe(writer, "editor of a writer's submitted article");
        writer.screenshots("review-submitted", Optional.of(By.cssSelector(".status-line")));
        // AND the list's filter "Granskas" shows it
        writer.button("Artiklar").click();
        writer.field("Granskas").click();
        writer.until(d -> d.getPageSource().contains(title) ? true : null);

        // WHEN a publisher opens the review queue and publishes it from there
        DeskBrowser publisher = browser();
        signInAs(publisher, "publishers");
        publisher.button("Att granska").click();
        publisher.heading("Att granska");
        publisher.until(d -> d.getPageSource().contains(title) ? true : null);
        axe(publisher, "review queue");
        publisher.screenshots("review-queue");
        publisher.button("Publicera " + title).click();
        WebElement dialog = dialog(publisher);
        assertThat(dialog.getText()).contains("Publicera ”" + title + "”?");
        publisher.button(dialog, "Publicera").click();

        // THEN it is published, and readers get its page
        publisher.status("”" + title + "” är publicerad.");
        JsonNode published = SiteClient.json(site.editor("GET", "/api/articles/" + article.path("id").asText(),
                null, Map.of()));
        assertThat(published.path("status").asText()).isEqualTo("published");
        site.await(published.path("url").asText(), r -> r.statusCode() == 200, Duration.ofSeconds(15));
        publisher.until(d -> d.getPageSource().contains("Inga artiklar väntar på granskning.") ? true : null);
    }

    @Test
    void aWriter_shouldSeeWhyAPublishedArticleIsNotTheirsToChange_andARefusalNamesTheRoleInSwedish()
            throws Exception {
        // GIVEN a published article
        String id = create("Simhallen stänger för underhåll", "Simhallen är stängd vecka 12.", "published");
        DeskBrowser writer = browser();
        signInAs(writer, "writers");

        // WHEN a writer opens it
        writer.open("/redaktion/#/artiklar/" + id);
        writer.field("Rubrik");

        // THEN saving, unpublishing and deleting are disabled, with the reason beside them
        assertThat(writer.hasButton("Spara ändringar")).isFalse();
        assertThat(writer.hasButton("Avpublicera")).isFalse();
        assertThat(writer.hasButton("Radera")).isFalse();
        assertThat(writer.driver.findElement(By.id("actions-why")).getText())
                .isEqualTo("Bara publicerare kan ändra, avpublicera och radera en publicerad eller schemalagd "
                        + "artikel.");
        assertThat(writer.hasButton("Logg")).as("the log is the admins'").isFalse();
        axe(writer, "a published article, opened by a writer");
        writer.screenshots("writer-published", Optional.of(By.id("actions-why")));
        // AND its versions may be read but not restored, saying why
        writer.button("Versioner").click();
        writer.button("Version 1 (nuvarande)").click();
        writer.heading("Version 1");
        assertThat(writer.hasButton("Återställ den här versionen")).isFalse();
        assertThat(writer.driver.findElement(By.id("restore-why")).getText())
                .isEqualTo("Bara publicerare kan återställa en publicerad eller schemalagd artikel.");

        // AND a view the menu does not offer, opened by its address, says in Swedish which role it takes
        writer.open("/redaktion/#/kommentarer");
        writer.until(d -> d.getPageSource().contains("Det här kräver rollen Moderator (gruppen moderators)")
                ? true : null);
        axe(writer, "a refusal naming the role");
        writer.screenshots("refusal");
    }

    @Test
    void aCorrection_shouldBeMarkedWithANote_onAPublishedArticle_andReadersSeeRattelse() throws Exception {
        // GIVEN a published article with a wrong date
        String id = create("Kommunfullmäktige sammanträder", "Mötet hålls den 4 mars i stadshuset.", "published");
        DeskBrowser desk = browser();
        desk.signIn();
        desk.open("/redaktion/#/artiklar/" + id);

        // WHEN the editor corrects it and marks the change as a correction, with a note
        desk.type(desk.field("Brödtext"), "Mötet hålls den 5 mars i stadshuset.");
        assertThat(desk.driver.findElement(By.id("f-correction")).isDisplayed()).isFalse();
        desk.field("Det här är en rättelse").click();
        desk.type(desk.field("Vad rättades?"), "Datumet var fel: mötet hålls den 5 mars, inte den 4.");
        axe(desk, "a correction being written");
        desk.screenshots("correction", Optional.of(By.id("f-correction-check")));
        desk.button("Spara ändringar").click();

        // THEN the article keeps it, and its page says "Rättelse" with the note
        desk.status("Rättelsen är publicerad.");
        JsonNode article = SiteClient.json(site.editor("GET", "/api/articles/" + id, null, Map.of()));
        assertThat(article.path("corrections").path(0).path("note").asText())
                .isEqualTo("Datumet var fel: mötet hålls den 5 mars, inte den 4.");
        String page = site.await(article.path("url").asText(),
                r -> r.body().contains("Datumet var fel: mötet hålls den 5 mars, inte den 4."),
                Duration.ofSeconds(15)).body();
        assertThat(page).contains("Rättelse");
        // AND the editor lists it under earlier corrections, with the box unticked for the next save
        desk.heading("Tidigare rättelser");
        assertThat(desk.field("Det här är en rättelse").isSelected()).isFalse();
    }

    @Test
    void aModerator_shouldReplyAsRedaktionen_andReadersSeeTheReplyMarked() throws Exception {
        // GIVEN a reader's waiting question on a published article
        String id = create("Parkeringen vid stationen byggs om", "Arbetet pågår i tre veckor.", "published");
        String url = SiteClient.json(site.editor("GET", "/api/articles/" + id, null, Map.of())).path("url").asText();
        site.await(url, r -> r.statusCode() == 200, Duration.ofSeconds(15));
        comment(id, "Åsa Öberg", "asa.oberg@example.se", "Var ska vi parkera under tiden?");
        DeskBrowser desk = browser();
        signInAs(desk, "moderators");
        desk.button("Kommentarer").click();
        desk.heading("Kommentarer att granska");

        // WHEN a moderator replies as the newsroom
        commentButton(desk, "Var ska vi parkera under tiden?", "Svara som redaktionen").click();
        desk.type(desk.field("Redaktionens svar till Åsa Öberg"), "Hej Åsa! Infartsparkeringen vid Östra vägen "
                + "är öppen – och gratis under ombyggnaden.");
        axe(desk, "a reply as Redaktionen");
        desk.screenshots("staff-reply", Optional.of(By.cssSelector(".reply")));
        desk.button("Godkänn och publicera svaret").click();

        // THEN the question and the reply are on the page, the reply marked as the newsroom's
        desk.status("Svaret till Åsa Öberg är publicerat som Redaktionen.");
        String page = site.await(url, r -> r.body().contains("Infartsparkeringen vid Östra vägen"),
                Duration.ofSeconds(15)).body();
        assertThat(page).contains("Var ska vi parkera under tiden?", "Redaktionen");
        // AND the queue no longer holds the question: the reply approved it
        desk.until(d -> d.getPageSource().contains("Var ska vi parkera under tiden?") ? null : true);
    }

    @Test
    void anAdmin_shouldEditThePrivacyNotice_withAPreview_andReadersGetItAtIntegritet() throws Exception {
        DeskBrowser desk = browser();
        signInAs(desk, "admins");
        desk.button("Integritetstext").click();
        desk.heading("Integritetstext");
        WebElement text = desk.field("Integritetstext (Markdown)");
        desk.until(d -> !text.getAttribute("value").isBlank());

        // WHEN the admin writes a new notice
        desk.type(text, "# Så hanterar vi dina uppgifter\n\nVi sparar namn och e-postadress i tolv månader – "
                + "sedan raderas de.\n\n- Skriv till kommunen@example.se för att få dem raderade tidigare.");
        desk.until(d -> d.findElements(By.xpath("//*[contains(@class, 'privacy-preview')]//h3[.='Så hanterar vi "
                + "dina uppgifter']")).isEmpty() ? null : true);
        axe(desk, "privacy notice editor");
        desk.screenshots("privacy");
        desk.button("Spara integritetstexten").click();

        // THEN the page readers reach from the comment form says it
        desk.status("Integritetstexten är sparad.");
        String page = site.await("/integritet/", r -> r.body().contains("i tolv månader – sedan raderas de."),
                Duration.ofSeconds(15)).body();
        assertThat(page).contains("Så hanterar vi dina uppgifter");
    }

    @Test
    void anAdmin_shouldReadAnArticlesLog_andAnEditorsLog() throws Exception {
        // GIVEN an article made and published by the all-round editor
        String id = create("Brandövning i Hamnparken", "Räddningstjänsten övar på lördag.", "draft");
        put(id, 1, Map.of("title", "Brandövning i Hamnparken", "body", "Räddningstjänsten övar på lördag.",
                "status", "published"));
        DeskBrowser desk = browser();
        signInAs(desk, "admins");
        desk.open("/redaktion/#/artiklar/" + id);

        // WHEN an admin opens its log, folded under "Logg" on the article's page
        desk.until(d -> d.findElement(By.xpath("//summary[normalize-space(.)='Logg']"))).click();
        List<String> rows = desk.until(d -> rowsShown(d).size() >= 2 ? rowsShown(d) : null);

        // THEN it says who did what, newest first
        assertThat(rows.get(0)).contains("Lokal redaktör", "Publicerade", "version 2");
        assertThat(rows.get(rows.size() - 1)).contains("Lokal redaktör", "Skapade artikeln", "version 1");
        axe(desk, "an article's log on its page");
        desk.screenshots("audit-article", Optional.of(By.cssSelector(".article-log")));
        // AND on a page of its own
        desk.button("Loggen på en egen sida").click();
        desk.heading("Logg för ”Brandövning i Hamnparken”");
        desk.until(d -> rowsShown(d).size() >= 2 ? true : null);

        // AND the editor's name leads to everything that editor did
        desk.button("Lokal redaktör").click();
        desk.heading("Logg för Lokal redaktör");
        // Its articles named by their titles (the log keeps their ids)
        desk.until(d -> rowsShown(d).stream().anyMatch(r -> r.contains("Brandövning i Hamnparken")) ? true : null);
        axe(desk, "an editor's log");
        desk.screenshots("audit-editor");
    }

    /**
     * Signs in through the local sign-in page as a member of {@code group} (its "Roll"), ending on the list.
     */
    private static void signInAs(DeskBrowser desk, String group) {
        desk.open("/redaktion/");
        desk.heading("Redaktionen");
        desk.button("Logga in").click();
        desk.until(d -> d.getCurrentUrl().contains("/oauth2/authorize"));
        desk.heading("Lokal inloggning – bara för utveckling på den här datorn");
        new Select(desk.field("Roll")).selectByValue(group);
        desk.button("Logga in som redaktör").click();
        desk.heading("Artiklar");
    }

    private DeskBrowser browser() {
        DeskBrowser browser = new DeskBrowser("http://localhost:" + runner.port());
        browsers.add(browser);
        return browser;
    }

    private void axe(DeskBrowser desk, String view) {
        desk.axeViolations().forEach(v -> violations.add(view + ": " + v));
    }

    /** The open confirmation dialog. */
    private static WebElement dialog(DeskBrowser desk) {
        return desk.until(d -> d.findElements(By.cssSelector("dialog[open]")).stream().filter(WebElement::isDisplayed)
                .findFirst().orElse(null));
    }

    /** The rows of the table on the page, each as its text. */
    private static List<String> rowsShown(WebDriver driver) {
        return driver.findElements(By.cssSelector("table.list tbody tr")).stream().map(WebElement::getText).toList();
    }

    /** The article the editor is on (its id from the address), as the API has it. */
    private static JsonNode article(DeskBrowser desk) {
        String id = desk.until(d -> {
            String url = d.getCurrentUrl();
            int at = url.indexOf("#/artiklar/");
            String rest = at < 0 ? "" : url.substring(at + "#/artiklar/".length());
            return rest.isEmpty() || rest.equals("ny") ? null : rest;
        });
        return SiteClient.json(site.editor("GET", "/api/articles/" + id, null, Map.of()));
    }

    private static String create(String title, String body, String status) throws Exception {
        HttpResponse<String> created = site.editor("POST", "/api/articles",
                Json.MAPPER.writeValueAsString(Map.of("title", title, "body", body, "status", status)), Map.of());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return SiteClient.json(created).path("id").asText();
    }

    /** Saves {@code fields} over version {@code version} of the article, as the all-round editor. */
    private static void put(String id, int version, Map<String, String> fields) throws Exception {
        HttpResponse<String> saved = site.editor("PUT", "/api/articles/" + id, Json.MAPPER.writeValueAsString(fields),
                Map.of("If-Match", "\"" + version + "\""));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
    }

    /** A reader's comment, posted as the article page's form posts it, from a reader address of its own. */
    private static void comment(String articleId, String author, String email, String text) {
        String form = "author=" + enc(author) + "&email=" + enc(email) + "&body=" + enc(text) + "&website=&parentId=";
        HttpResponse<String> posted = site.form("/api/articles/" + articleId + "/comments", form,
                "198.51.100." + VIEWERS.incrementAndGet());
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(303);
    }

    /** The button {@code name} of the comment in the moderation queue that says {@code text}. */
    private static WebElement commentButton(DeskBrowser desk, String text, String name) {
        return desk.until(d -> d.findElements(By.xpath("//*[normalize-space(text())=" + DeskBrowser.literal(text)
                + "]/ancestor::li[1]//button[normalize-space(.)=" + DeskBrowser.literal(name) + "]")).stream()
                .filter(WebElement::isDisplayed).findFirst().orElse(null));
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
