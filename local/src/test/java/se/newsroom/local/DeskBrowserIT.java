package se.newsroom.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import software.amazon.awssdk.core.sync.RequestBody;

import se.newsroom.content.ArticleIds;
import se.newsroom.content.Media;
import se.newsroom.content.MediaVariant;
import se.newsroom.emulators.TemplateTable;
import se.newsroom.media.TestImages;
import se.newsroom.table.DynamoDbMediaStore;

/**
 * The editors' desk in a real browser (Debian's headless Chromium), worked as an editor works it: controls found by
 * their labels and button texts, signed in through the local sign-in page, under the site's real
 * Content-Security-Policy (any refusal fails the test), with axe-core's WCAG 2.1 AA rules run over every view.
 * One runner for the class (each test makes its own articles and comments); screenshots in
 * target/screenshots/desk-*.png at 390 and 1280 pixels wide. Skipped, with the reason printed, where chromium or
 * chromedriver is not installed.
 */
class DeskBrowserIT {
    private static final String TOKEN = "desk-token";
    private static final String MARKING = "Förhandsvisning – inte publicerad";
    private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");
    private static final AtomicInteger VIEWERS = new AtomicInteger();
    private static LocalRunner runner;
    private static SiteClient site;
    private final List<DeskBrowser> browsers = new ArrayList<>();
    private final List<String> violations = new ArrayList<>();

    @BeforeAll
    static void startSystem() throws Exception {
        assumeTrue(DeskBrowser.available("DeskBrowserIT"), "Debian's chromium and chromium-driver are not installed");
        LocalRunner.Options options = new LocalRunner.Options(0, Optional.empty(), true, TOKEN,
                TemplateTable.templatePath().getParent()).withSchedulePeriod(Duration.ofSeconds(1));
        // Readers' addresses from X-Forwarded-For: each comment here comes from a reader of its own, under the
        // comment rate limit.
        runner = new LocalRunner(options, new LocalRunner.Trial(Optional.empty(), true));
        runner.rebuild();
        new Seeder(runner.api(), runner.cloudFront(), TOKEN, options.repository().resolve("events/articles")).seed();
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
    void anEditor_shouldWriteAnArticle_previewIt_publishIt_andReadersSeeTheSameHtml() throws Exception {
        DeskBrowser desk = browser();
        desk.signIn();
        desk.button("Ny artikel").click();
        desk.type(desk.field("Rubrik"), "Öppet hus på Ängens förskola – välkomna");
        desk.type(desk.field("Sammanfattning"), "Förskolan visar sina nya lokaler för föräldrar och grannar.");
        WebElement body = desk.field("Brödtext");
        desk.type(body, "Vi bjuder på:\n\n");
        desk.button("Punktlista").click();
        body.sendKeys("Fika med kanelbullar\n- Sagostund för de små\n\nVälkomna – hälsar personalen på Ängen.");

        String preview = preview(desk, "Sagostund för de små");
        assertThat(preview).contains("<meta name=\"robots\" content=\"noindex\">", MARKING,
                "<li>Fika med kanelbullar</li>", "Välkomna – hälsar personalen på Ängen.");
        axe(desk, "editor with preview");
        desk.screenshots("editor");
        // On a phone the preview is a tab of its own, reached with the arrow keys from "Redigera" as well.
        desk.driver.manage().window().setSize(new Dimension(DeskBrowser.PHONE, 844));
        desk.button("Redigera").sendKeys(Keys.ARROW_RIGHT);
        assertThat(desk.driver.switchTo().activeElement().getText()).isEqualTo("Förhandsvisning");
        desk.until(d -> d.findElement(By.tagName("iframe")).isDisplayed() ? true : null);
        assertThat(desk.driver.findElement(By.xpath("//label[normalize-space(.)='Rubrik']")).isDisplayed()).isFalse();
        axe(desk, "preview tab at phone width");
        desk.screenshot("preview-tab-390");
        desk.driver.switchTo().activeElement().sendKeys(Keys.ARROW_LEFT);
        assertThat(desk.driver.switchTo().activeElement().getText()).isEqualTo("Redigera");
        desk.field("Rubrik");
        desk.driver.manage().window().setSize(new Dimension(DeskBrowser.DESK, 1000));

        desk.button("Publicera nu").click();
        desk.status("Artikeln är publicerad.");
        JsonNode article = article(desk);
        assertThat(article.path("status").asText()).isEqualTo("published");
        assertThat(article.path("body").asText()).contains("- Fika med kanelbullar", "- Sagostund för de små");
        String url = article.path("url").asText();
        String published = site.await(url, r -> r.statusCode() == 200, Duration.ofSeconds(15)).body();

        // The preview of the article as it now is (its address and publishing time, its comment form), beside its
        // page: opened afresh, the editor previews what it loaded.
        desk.driver.navigate().refresh();
        String previewOfPublished = preview(desk, "/api/articles/" + article.path("id").asText() + "/comments");
        Map<String, String> compared = compare(desk, previewOfPublished, published);
        assertThat(compared.get("preview")).isEqualTo(compared.get("published"));
        assertThat(compared.get("published")).contains("Öppet hus på Ängens förskola – välkomna");

        desk.open(url);
        assertThat(desk.driver.getTitle()).startsWith("Öppet hus på Ängens förskola – välkomna");
        assertThat(desk.driver.findElements(By.cssSelector("article .body li")).stream().map(WebElement::getText))
                .containsExactly("Fika med kanelbullar", "Sagostund för de små");
        axe(desk, "reader's article page");
    }

    @Test
    void anEditor_shouldPickAFeaturedImage_writeItsAltText_insertOneInTheBody_andReadersSeeBoth() throws Exception {
        // GIVEN a ready picture in the library, its variants in the site bucket
        String mediaId = readyPicture();
        DeskBrowser desk = browser();
        desk.signIn();
        desk.button("Ny artikel").click();
        desk.type(desk.field("Rubrik"), "Vägarbetet på Köpmansgatan är klart");
        WebElement body = desk.field("Brödtext");
        desk.type(body, "Gatan är öppen igen.");

        // WHEN the editor picks it with the keyboard as the featured image and writes its alt text
        desk.button("Välj bild").click();
        desk.heading("Välj bild");
        axe(desk, "the media picker");
        desk.screenshots("media-picker");
        WebElement item = desk.button("Nyasfalterad gata i solsken");
        assertThat(desk.driver.switchTo().activeElement()).isEqualTo(item);
        item.sendKeys("\n");
        desk.until(d -> d.findElements(By.cssSelector("dialog[open]")).isEmpty() ? true : null);
        WebElement alt = desk.field("Alternativtext");
        assertThat(desk.driver.switchTo().activeElement()).isEqualTo(alt);
        desk.type(alt, "Köpmansgatan med ny asfalt, sedd från torget");
        desk.type(desk.field("Fotograf"), "Per Ek");
        // AND puts it in the body with the toolbar's Bild
        body.sendKeys("\n\n");
        desk.button("Bild").click();
        desk.button("Nyasfalterad gata i solsken").click();
        axe(desk, "editor with a featured image");
        desk.screenshots("featured-image", Optional.of(By.id("f-image")));
        desk.button("Publicera nu").click();
        desk.status("Artikeln är publicerad.");

        // THEN the article holds them, and its page shows both with every variant
        JsonNode article = article(desk);
        assertThat(article.path("image").path("mediaId").asText()).isEqualTo(mediaId);
        assertThat(article.path("image").path("alt").asText())
                .isEqualTo("Köpmansgatan med ny asfalt, sedd från torget");
        assertThat(article.path("body").asText()).contains("![Nyasfalterad gata i solsken](media:" + mediaId + ")");
        String page = site.await(article.path("url").asText(), r -> r.statusCode() == 200, Duration.ofSeconds(15))
                .body();
        assertThat(page).contains("alt=\"Köpmansgatan med ny asfalt, sedd från torget\"", "Foto: Per Ek",
                "srcset=\"/media/" + mediaId + "/480.jpg 480w");
        desk.open(article.path("url").asText());
        desk.until(d -> d.findElements(By.cssSelector("figure img")).size() == 2 ? true : null);
        axe(desk, "reader's article page with pictures");
        desk.screenshots("article-with-pictures");
    }

    @Test
    void anEditor_shouldUploadAPhonesPhoto_seeItsProgress_andReadersGetItUpright_withoutItsGpsPosition()
            throws Exception {
        // GIVEN a phone's photo: 1600 × 1200 stored, EXIF orientation 6 (shown 1200 wide, 1600 high), a GPS tag,
        // and noise, so that the file is megabytes and the upload takes the throttled network a while
        Path photo = file("fotot.jpg", TestImages.withExif(TestImages.jpeg(noisy(TestImages.quarters(1600, 1200,
                BufferedImage.TYPE_INT_RGB)), false), 6));
        DeskBrowser desk = browser();
        desk.signIn();
        desk.button("Ny artikel").click();
        desk.type(desk.field("Rubrik"), "Nya lekplatsen i Stadsparken invigd");
        desk.type(desk.field("Brödtext"), "Barnen provade gungorna först.");
        desk.button("Ladda upp bild");
        watchUpload(desk);
        desk.throttleUploads(Duration.ofSeconds(8), Files.size(photo));

        // WHEN the editor uploads it ("Ladda upp bild" opens this file field)
        upload(desk, photo);

        // THEN the bar moves while it goes, and says so
        desk.until(d -> desk.script("return window.uploadSeen.values.some(v => v > 0 && v < 1)"));
        assertThat(desk.driver.findElement(By.cssSelector("#f-image progress")).isDisplayed()).isTrue();
        assertThat(desk.driver.findElement(By.id("f-image-state")).getText()).isEqualTo("Laddar upp fotot.jpg …");
        axe(desk, "featured image uploading");
        desk.screenshots("upload-progress", Optional.of(By.id("f-image")));
        desk.unthrottle();
        desk.status("Bilden är uppladdad och klar.");
        assertThat(desk.driver.findElement(By.id("f-image-state")).getText()).isEqualTo("Bilden är klar.");
        assertThat(desk.<List<String>>script("return window.uploadSeen.states"))
                .contains("Uppladdad. Bilden bearbetas …");
        assertThat(desk.driver.findElement(By.cssSelector("#f-image progress")).isDisplayed()).isFalse();
        // AND the picture is ready: its thumbnail (the smallest variant) loaded in the editor
        WebElement thumb = desk.until(d -> d.findElements(By.cssSelector(".featured-thumb img")).stream()
                .filter(i -> desk.<Long>script("return arguments[0].naturalWidth", i) > 0).findFirst()
                .orElse(null));
        String variant = thumb.getDomAttribute("src");
        assertThat(variant).matches("/media/[0-9A-Z]{26}/480\\.jpg");
        String mediaId = variant.split("/")[2];
        WebElement alt = desk.field("Alternativtext");
        assertThat(desk.driver.switchTo().activeElement()).isEqualTo(alt);
        desk.type(alt, "Barn som gungar på den nya lekplatsen");
        desk.type(desk.field("Fotograf"), "Lisa Holm");
        axe(desk, "featured image uploaded and ready");
        desk.screenshots("upload-ready", Optional.of(By.id("f-image")));
        desk.button("Publicera nu").click();
        desk.status("Artikeln är publicerad.");

        // THEN the reader's page shows it as a figure with its variants, and the variant is an upright JPEG with
        // no metadata left (no EXIF, so no GPS position)
        JsonNode article = article(desk);
        assertThat(article.path("image").path("mediaId").asText()).isEqualTo(mediaId);
        String url = article.path("url").asText();
        site.await(url, r -> r.statusCode() == 200, Duration.ofSeconds(15));
        desk.open(url);
        WebElement figure = desk.until(d -> d.findElements(By.cssSelector("figure")).stream().findFirst()
                .orElse(null));
        WebElement img = figure.findElement(By.tagName("img"));
        assertThat(img.getDomAttribute("alt")).isEqualTo("Barn som gungar på den nya lekplatsen");
        assertThat(img.getDomAttribute("srcset")).contains("/media/" + mediaId + "/480.jpg 480w",
                "/media/" + mediaId + "/960.jpg 960w");
        assertThat(figure.getText()).contains("Foto: Lisa Holm");
        HttpResponse<byte[]> fetched = site.bytes(variant);
        assertThat(fetched.headers().firstValue("content-type")).hasValue("image/jpeg");
        BufferedImage shown = ImageIO.read(new ByteArrayInputStream(fetched.body()));
        assertThat(shown.getWidth()).isEqualTo(480);
        assertThat(shown.getHeight()).isEqualTo(640);
        // Turned a quarter clockwise, as the phone said: the stored bottom-left corner is now the top-left one.
        assertThat(TestImages.nearestQuarter(shown, 20, 20)).isEqualTo(TestImages.BOTTOM_LEFT);
        assertThat(TestImages.nearestQuarter(shown, 460, 20)).isEqualTo(TestImages.TOP_LEFT);
        assertThat(TestImages.jpegMarkers(fetched.body())).doesNotContain(0xE1);
        axe(desk, "reader's article page with the uploaded picture");
    }

    @Test
    void aRenamedPdf_shouldBeRefusedWithItsSwedishReason_andLeaveNoPictureAnywhere() throws Exception {
        // GIVEN a PDF named as a photo: the browser calls it image/jpeg, so only the media function can tell
        Path pdf = file("protokoll.jpg", "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n"
                .getBytes(StandardCharsets.US_ASCII));
        DeskBrowser desk = browser();
        desk.signIn();
        desk.button("Ny artikel").click();
        desk.type(desk.field("Rubrik"), "Protokoll från kommunfullmäktige");

        // WHEN the editor uploads it
        upload(desk, pdf);

        // THEN the editor says why, in Swedish, and the article has no picture
        String reason = "Bilden kunde inte användas. Filen är inte en bild i JPEG, PNG, WebP eller GIF.";
        desk.status(reason);
        assertThat(desk.driver.findElement(By.id("f-image-state")).getText()).isEqualTo(reason);
        // In the form's error red (--red), not the grey of a hint.
        assertThat(desk.driver.findElement(By.id("f-image-state")).getCssValue("color"))
                .isEqualTo("rgba(179, 45, 46, 1)");
        assertThat(desk.driver.findElements(By.cssSelector(".featured-thumb img"))).isEmpty();
        assertThat(desk.hasButton("Ta bort bild")).isFalse();
        axe(desk, "featured image refused");
        desk.screenshots("upload-refused", Optional.of(By.id("f-image")));
        // AND the library holds it in error, with no variant on the site and nothing left in the uploads area
        JsonNode refused = SiteClient.json(site.editor("GET", "/api/media?limit=50", null, Map.of())).path("items")
                .valueStream().filter(m -> m.path("fileName").asText().equals("protokoll.jpg")).findFirst()
                .orElseThrow();
        assertThat(refused.path("status").asText()).isEqualTo("error");
        assertThat(refused.path("variants")).isEmpty();
        String id = refused.path("id").asText();
        assertThat(runner.s3().listObjectsV2(r -> r.bucket(LocalRunner.BUCKET).prefix("media/" + id)).contents())
                .isEmpty();
        assertThat(runner.s3().listObjectsV2(r -> r.bucket(LocalRunner.UPLOADS_BUCKET).prefix("uploads/" + id))
                .contents()).isEmpty();
        desk.button("Spara utkast").click();
        desk.status("Utkastet är sparat.");
        JsonNode article = article(desk);
        assertThat(article.path("status").asText()).isEqualTo("draft");
        assertThat(article.path("image").isMissingNode() || article.path("image").isNull()).isTrue();
    }

    /** Records what the featured image's progress bar and status line show, as they change. */
    private static void watchUpload(DeskBrowser desk) {
        desk.script("""
                window.uploadSeen = {values: [], states: []};
                const bar = document.querySelector('#f-image progress');
                const state = document.getElementById('f-image-state');
                new MutationObserver(() => window.uploadSeen.values.push(bar.value))
                    .observe(bar, {attributes: true, attributeFilter: ['value']});
                new MutationObserver(() => window.uploadSeen.states.push(state.textContent))
                    .observe(state, {childList: true, characterData: true, subtree: true});
                return null;
                """);
    }

    /** What "Ladda upp bild" does with the file the editor picks: the featured image's file field gets it. */
    private static void upload(DeskBrowser desk, Path file) {
        desk.driver.findElement(By.cssSelector("#f-image input[type=file]")).sendKeys(file.toString());
    }

    private static Path file(String name, byte[] content) throws IOException {
        Path dir = Files.createDirectories(Path.of("target/uploads"));
        return Files.write(dir.resolve(name), content).toAbsolutePath();
    }

    /** The picture with a little noise in every pixel: a photo's file size, its quarters still told apart. */
    private static BufferedImage noisy(BufferedImage image) {
        Random random = new Random(13);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                Color c = new Color(image.getRGB(x, y));
                image.setRGB(x, y, new Color(jitter(c.getRed(), random), jitter(c.getGreen(), random),
                        jitter(c.getBlue(), random)).getRGB());
            }
        }
        return image;
    }

    private static int jitter(int value, Random random) {
        return Math.clamp(value + random.nextInt(-40, 41), 0, 255);
    }

    /** A ready library item, as the media function leaves one: its variants (real JPEGs) in the site bucket. */
    private static String readyPicture() throws Exception {
        String id = ArticleIds.generator().get();
        DynamoDbMediaStore library = new DynamoDbMediaStore(runner.dynamoDb(), LocalRunner.TABLE);
        library.create(Media.pending(id, "gata.jpg", "image/jpeg", 100_000, "Redaktören", Instant.now()));
        List<MediaVariant> variants = new ArrayList<>();
        for (int width : new int[] {480, 960}) {
            BufferedImage image = new BufferedImage(width, width * 2 / 3, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = image.createGraphics();
            g.setPaint(new GradientPaint(0, 0, new Color(0x2f5d8a), width, width, new Color(0xd9a441)));
            g.fillRect(0, 0, width, width);
            g.dispose();
            ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
            ImageIO.write(image, "jpg", jpeg);
            String key = "media/" + id + "/" + width + ".jpg";
            runner.s3().putObject(r -> r.bucket(LocalRunner.BUCKET).key(key).contentType("image/jpeg"),
                    RequestBody.fromBytes(jpeg.toByteArray()));
            variants.add(new MediaVariant(width, width * 2 / 3, key, "image/jpeg", jpeg.size()));
        }
        library.markReady(id, 960, 640, variants);
        library.update(library.find(id).orElseThrow().withTexts("Nyasfalterad gata i solsken", "", ""));
        return id;
    }

    @Test
    void theSameArticleInTwoTabs_shouldGiveTheSecondSaveTheConflictView_andLoseNothing() throws Exception {
        String id = create("Konflikt i två flikar", "Brödtexten som den var.", "draft");
        DeskBrowser desk = browser();
        desk.signIn();
        String first = desk.driver.getWindowHandle();
        desk.open("/redaktion/#/artiklar/" + id);
        desk.field("Rubrik");
        desk.driver.switchTo().newWindow(WindowType.TAB);
        String second = desk.driver.getWindowHandle();
        desk.signIn();
        desk.open("/redaktion/#/artiklar/" + id);
        desk.field("Rubrik");

        desk.driver.switchTo().window(first);
        desk.type(desk.field("Sammanfattning"), "Sammanfattning skriven i den första fliken.");
        desk.button("Spara utkast").click();
        desk.status("Utkastet är sparat.");

        desk.driver.switchTo().window(second);
        desk.type(desk.field("Brödtext"), "Brödtext skriven i den andra fliken – på svenska.");
        desk.button("Spara utkast").click();
        WebElement conflict = desk.heading("Någon annan har ändrat artikeln");
        assertThat(desk.driver.getPageSource()).contains("Sammanfattning skriven i den första fliken.",
                "Brödtext skriven i den andra fliken – på svenska.");
        axe(desk, "conflict view");
        desk.screenshots("conflict");

        // Keep my body, and take their summary across into my version; each says who changed it.
        WebElement summaryRow = conflict.findElement(By.xpath("./ancestor::section[1]//*[self::h3 or self::h4]"
                + "[normalize-space(.)='Sammanfattning']/ancestor::*[.//button][1]"));
        WebElement bodyRow = conflict.findElement(By.xpath("./ancestor::section[1]//*[self::h3 or self::h4]"
                + "[normalize-space(.)='Brödtext']/ancestor::*[.//button][1]"));
        assertThat(summaryRow.getText()).contains("Ändrat av den andra, inte av dig.");
        assertThat(bodyRow.getText()).contains("Ändrat av dig, inte av den andra.");
        desk.button(summaryRow, "Kopiera till min version").click();
        desk.button("Behåll min version").click();
        desk.status("Utkastet är sparat.");

        JsonNode saved = SiteClient.json(site.editor("GET", "/api/articles/" + id, null, Map.of()));
        assertThat(saved.path("summary").asText()).isEqualTo("Sammanfattning skriven i den första fliken.");
        assertThat(saved.path("body").asText()).isEqualTo("Brödtext skriven i den andra fliken – på svenska.");
    }

    @Test
    void aScheduledArticle_shouldBePublishedByTheScheduler_andShownInSwedishTime() throws Exception {
        DeskBrowser desk = browser();
        desk.signIn();
        desk.button("Ny artikel").click();
        desk.type(desk.field("Rubrik"), "Schemalagd nyhet om vårens sophämtning");
        desk.type(desk.field("Brödtext"), "Hämtningen börjar i april.");
        // The field takes whole minutes: the next one, or the one after when the next is too close to reach.
        ZonedDateTime now = ZonedDateTime.now(STOCKHOLM);
        ZonedDateTime at = now.plusMinutes(now.getSecond() > 45 ? 2 : 1).withSecond(0).withNano(0);
        WebElement when = desk.field("Publiceringstid");
        assertThat(when.getAttribute("type")).isEqualTo("datetime-local");
        assertThat(desk.driver.getPageSource()).contains("svensk tid");
        setValue(desk, when, at.format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm")));
        desk.button("Schemalägg").click();
        desk.status("schemalagd");
        JsonNode article = article(desk);
        assertThat(article.path("status").asText()).isEqualTo("scheduled");
        assertThat(ZonedDateTime.parse(article.path("publishAt").asText()).toInstant()).isEqualTo(at.toInstant());

        // The runner's scheduler runs every second here (a minute in the template).
        HttpResponse<String> page = site.await(article.path("url").asText(), r -> r.statusCode() == 200,
                Duration.ofSeconds(150));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Schemalagd nyhet om vårens sophämtning");
    }

    @Test
    void aReloadMidEdit_shouldBringTheUnsavedTextBack_andDiscardingShouldRestoreTheSavedOne() throws Exception {
        String id = create("Osparat i webbläsaren", "Den sparade brödtexten.", "draft");
        DeskBrowser desk = browser();
        desk.signIn();
        desk.open("/redaktion/#/artiklar/" + id);
        desk.type(desk.field("Brödtext"), "Osparad text – med å, ä och ö.");

        desk.driver.navigate().refresh();
        desk.acceptLeavePrompt();
        desk.button("Fortsätt med osparade ändringar");
        axe(desk, "restored draft notice");
        desk.button("Fortsätt med osparade ändringar").click();
        assertThat(desk.field("Brödtext").getAttribute("value")).isEqualTo("Osparad text – med å, ä och ö.");

        desk.driver.navigate().refresh();
        desk.acceptLeavePrompt();
        desk.button("Släng osparade ändringar").click();
        assertThat(desk.field("Brödtext").getAttribute("value")).isEqualTo("Den sparade brödtexten.");
        desk.driver.navigate().refresh();
        desk.field("Brödtext");
        assertThat(desk.hasButton("Fortsätt med osparade ändringar")).isFalse();
        assertThat(SiteClient.json(site.editor("GET", "/api/articles/" + id, null, Map.of())).path("body").asText())
                .isEqualTo("Den sparade brödtexten.");
    }

    @Test
    void moderation_shouldApproveAndRejectComments_oneAndSeveral_andEraseAnAddress_asThePageShows() throws Exception {
        String id = create("Kommentarer att pröva", "Skriv gärna vad du tycker.", "published");
        String url = SiteClient.json(site.editor("GET", "/api/articles/" + id, null, Map.of())).path("url").asText();
        site.await(url, r -> r.statusCode() == 200, Duration.ofSeconds(15));
        comment(id, "Åsa Öberg", "asa.oberg@example.se", "Bra initiativ – tack!");
        comment(id, "Bengt Reklam", "bengt@example.se", "Köp billiga klockor här.");
        comment(id, "Cecilia", "cecilia@example.se", "Jag håller med Åsa.");
        comment(id, "David", "david@example.se", "När börjar det?");
        comment(id, "Åsa Öberg", "asa.oberg@example.se", "En fråga till: gäller det även Torekov?");
        comment(id, "Vinnare", "vinst@example.se", "Du har vunnit en resa – klicka här!");

        DeskBrowser desk = browser();
        desk.signIn();
        desk.button("Kommentarer").click();
        desk.heading("Kommentarer att granska");
        // Waited for: the heading is drawn before the queue has come.
        assertThat(desk.until(d -> d.findElement(By.linkText("Kommentarer att pröva"))).getAttribute("href"))
                .endsWith(url);
        axe(desk, "comments");
        desk.screenshots("comments");

        commentButton(desk, "Bra initiativ – tack!", "Godkänn").click();
        desk.status("1 kommentar godkändes.");
        commentButton(desk, "Köp billiga klockor här.", "Avvisa").click();
        desk.status("1 kommentar avvisades.");
        commentButton(desk, "Du har vunnit en resa – klicka här!", "Skräppost").click();
        desk.status("1 kommentar markerades som skräppost.");
        site.await(url, r -> r.body().contains("Bra initiativ – tack!"), Duration.ofSeconds(15));

        desk.field("Markera kommentaren från Cecilia till ”Kommentarer att pröva”").click();
        desk.field("Markera kommentaren från David till ”Kommentarer att pröva”").click();
        desk.button("Godkänn markerade").click();
        desk.status("2 kommentarer godkändes.");
        String page = site.await(url, r -> r.body().contains("När börjar det?"), Duration.ofSeconds(15)).body();
        assertThat(page).contains("Bra initiativ – tack!", "Jag håller med Åsa.", "När börjar det?")
                .doesNotContain("Köp billiga klockor här.", "gäller det även Torekov?", "vunnit en resa");

        desk.type(desk.field("E-postadress"), "asa.oberg@example.se");
        desk.button("Radera alla kommentarer från adressen").click();
        WebElement dialog = desk.until(d -> d.findElements(By.cssSelector("dialog[open], [role=alertdialog]"))
                .stream().filter(WebElement::isDisplayed).findFirst().orElse(null));
        assertThat(dialog.getText()).contains("asa.oberg@example.se");
        axe(desk, "erasure confirmation dialog");
        desk.screenshots("erasure");
        desk.button(dialog, "Radera kommentarerna").click();
        page = site.await(url, r -> !r.body().contains("Bra initiativ – tack!"), Duration.ofSeconds(15)).body();
        assertThat(page).doesNotContain("Bra initiativ – tack!").contains("Jag håller med Åsa.");
        desk.until(d -> d.getPageSource().contains("gäller det även Torekov?") ? null : true);
    }

    @Test
    void signingInAndOut_shouldPassTheLocalSignInPage_andTheListAndItsFiltersShouldBeAccessible() throws Exception {
        DeskBrowser desk = browser();
        desk.open("/redaktion/");
        desk.heading("Redaktionen");
        // The runner sends the template's CSP, and the browser keeps to it: an inline script is refused (and the
        // refusal is what closeBrowsers() would fail any other test on).
        ((JavascriptExecutor) desk.driver).executeScript("""
                const script = document.createElement('script');
                script.textContent = 'document.title = "inline"';
                document.head.append(script);
                """);
        assertThat(desk.cspRefusals()).anyMatch(m -> m.contains("script-src 'self'"));
        assertThat(desk.driver.getTitle()).isEqualTo("Redaktionen");
        axe(desk, "sign-in screen");
        desk.screenshots("sign-in");
        desk.button("Logga in").click();
        desk.heading("Lokal inloggning – bara för utveckling på den här datorn");
        axe(desk, "local sign-in page");
        desk.button("Logga in som redaktör").click();
        desk.heading("Artiklar");
        assertThat(desk.driver.getPageSource()).contains("Politiska styrningen av Individ och familj utreds");
        axe(desk, "article list");
        desk.screenshots("list");

        desk.field("Utkast").click();
        desk.until(d -> d.getPageSource().contains("Politiska styrningen") ? null : true);
        desk.field("Alla").click();
        desk.type(desk.field("Sök på rubrik"), "statusuppdatering");
        desk.until(d -> d.getPageSource().contains("Politiska styrningen") ? null : true);
        assertThat(desk.driver.getPageSource()).contains("Statusuppdatering angående händelser");

        desk.button("Logga ut").click();
        desk.heading("Redaktionen");
        desk.button("Logga in");
        assertThat((Long) ((JavascriptExecutor) desk.driver).executeScript("return sessionStorage.length"))
                .isZero();
        desk.driver.navigate().refresh();
        desk.heading("Redaktionen");
        assertThat(desk.hasButton("Logga ut")).isFalse();
    }

    @Test
    void anEditor_shouldPickCategoriesAndLasMer_renameTheAddress_closeComments_andDeleteAfterAConfirmationNamingIt()
            throws Exception {
        String title = "Brandövning vid hamnen – räddningstjänsten informerar";
        DeskBrowser desk = browser();
        desk.signIn();
        desk.button("Ny artikel").click();
        desk.type(desk.field("Rubrik"), title);
        WebElement body = desk.field("Brödtext");
        desk.type(body, "Övningen pågår hela förmiddagen. ");
        // The toolbar is one tab stop, its buttons reached with the arrow keys.
        body.sendKeys(Keys.chord(Keys.SHIFT, Keys.TAB));
        assertThat(desk.driver.switchTo().activeElement().getText()).isEqualTo("Rubrik");
        desk.driver.switchTo().activeElement().sendKeys(Keys.ARROW_RIGHT);
        assertThat(desk.driver.switchTo().activeElement().getText()).isEqualTo("Fetstil");
        desk.driver.switchTo().activeElement().sendKeys(Keys.ENTER);
        assertThat(body.getAttribute("value")).isEqualTo("Övningen pågår hela förmiddagen. **fet text**");
        body.sendKeys(Keys.chord(Keys.SHIFT, Keys.TAB));
        assertThat(desk.driver.switchTo().activeElement().getText()).isEqualTo("Fetstil");
        // An existing category is offered, and a new one is added.
        WebElement category = desk.field("Kategorier");
        desk.until(d -> d.findElements(By.cssSelector("#category-options option[value='Politik']")).isEmpty()
                ? null : true);
        desk.type(category, "Politik");
        category.sendKeys(Keys.ENTER);
        desk.type(category, "Räddningstjänst");
        desk.button("Lägg till kategori").click();
        // "Läs mer": searched by title and picked.
        desk.type(desk.field("Läs mer"), "statusuppdatering");
        desk.until(d -> d.findElements(By.xpath("//ul[@aria-label='Sökträffar']//button[contains(., "
                + "'Statusuppdatering angående händelser')]")).stream().findFirst().orElse(null)).click();
        desk.type(desk.field("Författare"), "Räddningstjänsten Skåne Nordväst");
        desk.field("Tillåt kommentarer").click();
        axe(desk, "editor with categories and Läs mer");
        desk.screenshots("categories-related", Optional.of(By.id("f-related")));
        desk.button("Publicera nu").click();
        desk.status("Artikeln är publicerad.");

        JsonNode article = article(desk);
        assertThat(article.path("categories").valueStream().map(JsonNode::asText))
                .containsExactly("Politik", "Räddningstjänst");
        assertThat(article.path("related")).hasSize(1);
        assertThat(article.path("commentsOpen").asBoolean()).isFalse();
        String oldUrl = article.path("url").asText();
        String page = site.await(oldUrl, r -> r.statusCode() == 200, Duration.ofSeconds(15)).body();
        assertThat(page).contains(">Räddningstjänst</a>", ">Politik</a>", "Räddningstjänsten Skåne Nordväst",
                        "Kommentarerna är stängda för den här nyheten.")
                .doesNotContain("id=\"kommentera\"");
        assertThat(page.substring(page.indexOf("class=\"read-more\"")))
                .contains(">Statusuppdatering angående händelser inom Individ och familj</a>");

        // Unpublishing takes the page away and leaves a draft; publishing again brings it back.
        desk.button("Avpublicera").click();
        desk.status("Artikeln är avpublicerad och är nu ett utkast.");
        site.await(oldUrl, r -> r.statusCode() == 404, Duration.ofSeconds(15));
        desk.button("Publicera nu").click();
        desk.status("Artikeln är publicerad.");
        site.await(oldUrl, r -> r.statusCode() == 200, Duration.ofSeconds(15));

        // A new address for the published article: the desk says what becomes of the old one, and it holds.
        desk.type(desk.field("Adress (slug)"), "brandovning-i-hamnen");
        assertThat(desk.driver.findElement(By.id("f-slug-notice")).getText())
                .isEqualTo("Den gamla adressen " + oldUrl + " fortsätter att fungera och leder hit.");
        desk.button("Spara ändringar").click();
        desk.status("Ändringarna är sparade och publicerade.");
        HttpResponse<String> moved = site.await(oldUrl, r -> r.statusCode() == 301, Duration.ofSeconds(15));
        assertThat(moved.headers().firstValue("location").orElseThrow()).endsWith("/nyheter/brandovning-i-hamnen/");

        // Deleting asks first, naming the article; "Avbryt" keeps it, "Radera" takes it and its page away.
        desk.button("Radera").click();
        WebElement dialog = desk.until(d -> d.findElements(By.cssSelector("dialog[open]")).stream()
                .findFirst().orElse(null));
        assertThat(dialog.getText()).contains("Radera ”" + title + "”?");
        axe(desk, "delete confirmation dialog");
        desk.screenshots("delete");
        desk.button(dialog, "Avbryt").click();
        desk.until(d -> d.findElements(By.cssSelector("dialog[open]")).isEmpty() ? true : null);
        assertThat(site.editor("GET", "/api/articles/" + article.path("id").asText(), null, Map.of()).statusCode())
                .isEqualTo(200);
        desk.button("Radera").click();
        desk.button(desk.until(d -> d.findElement(By.cssSelector("dialog[open]"))), "Radera").click();
        desk.status("Artikeln ”" + title + "” är raderad.");
        desk.heading("Artiklar");
        assertThat(site.editor("GET", "/api/articles/" + article.path("id").asText(), null, Map.of()).statusCode())
                .isEqualTo(404);
        site.await("/nyheter/brandovning-i-hamnen/", r -> r.statusCode() == 404, Duration.ofSeconds(15));

        // The deleted article's address in the desk says so in Swedish.
        desk.open("/redaktion/#/artiklar/" + article.path("id").asText());
        desk.heading("Artikeln kunde inte öppnas");
        assertThat(desk.driver.findElement(By.cssSelector("main [role=alert]")).getText())
                .isEqualTo("Det finns inte längre – någon kan ha raderat det.");
        axe(desk, "an article that is gone");
    }

    @Test
    void faults_shouldBeSaidInSwedish_besideTheirFieldsOrByTheButtons_andTheTextShouldStay() throws Exception {
        String taken = create("En adress som redan är tagen", "Den första artikeln med adressen.", "published");
        String takenSlug = SiteClient.json(site.editor("GET", "/api/articles/" + taken, null, Map.of())).path("slug")
                .asText();
        String words = "Texten som inte får gå förlorad – med å, ä och ö.";
        DeskBrowser desk = browser();
        desk.signIn();
        desk.button("Ny artikel").click();
        desk.type(desk.field("Rubrik"), "Fel som sägs på svenska");
        desk.type(desk.field("Brödtext"), words);

        // 422: an address another article has, said beside the field and in a summary that leads to it.
        desk.type(desk.field("Adress (slug)"), takenSlug);
        desk.button("Spara utkast").click();
        desk.heading("Rätta det här innan du sparar");
        assertThat(desk.driver.findElement(By.id("f-slug-error")).getText())
                .isEqualTo("Adressen ”" + takenSlug + "” används redan av en annan artikel. Välj en annan.");
        assertThat(desk.field("Adress (slug)").getAttribute("aria-invalid")).isEqualTo("true");
        axe(desk, "a save's problems beside their fields");
        desk.screenshots("problems", Optional.of(By.id("f-slug")));
        // Typing elsewhere brings a new preview, which does not take the save's problem away.
        desk.field("Brödtext").sendKeys(" Mer text.");
        preview(desk, "Mer text.");
        assertThat(desk.driver.findElement(By.id("f-slug-error")).isDisplayed()).isTrue();
        assertThat(desk.heading("Rätta det här innan du sparar").isDisplayed()).isTrue();
        // The summary's link leads to the field; once it is edited, the problem is taken as dealt with.
        desk.driver.findElement(By.linkText("Adress (slug): Adressen ”" + takenSlug
                + "” används redan av en annan artikel. Välj en annan.")).click();
        WebElement slug = desk.field("Adress (slug)");
        assertThat(desk.driver.switchTo().activeElement()).isEqualTo(slug);
        slug.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        assertThat(desk.driver.findElement(By.id("f-slug-error")).isDisplayed()).isFalse();
        assertThat(desk.hasHeading("Rätta det här innan du sparar")).isFalse();
        setValue(desk, desk.field("Brödtext"), words);

        // No network: said by the buttons, and the text stays in the form and in the browser.
        desk.offline();
        desk.button("Spara utkast").click();
        desk.until(d -> d.findElement(By.cssSelector("form .form-message")).getText()
                .equals("Ingen kontakt med servern. Din text finns kvar – försök igen.") ? true : null);
        assertThat(desk.field("Brödtext").getAttribute("value")).isEqualTo(words);
        desk.unthrottle();

        // 413: a text larger than the API takes.
        setValue(desk, desk.field("Brödtext"), "ä".repeat(600_000));
        desk.button("Spara utkast").click();
        desk.until(d -> d.findElement(By.cssSelector("form .form-message")).getText()
                .equals("Texten är för stor för att sparas. Korta den och försök igen.") ? true : null);
        setValue(desk, desk.field("Brödtext"), words);

        // 401: the session has ended. Signing in again brings the editor back to the article, the text with it.
        desk.script("sessionStorage.clear(); return null;");
        desk.button("Spara utkast").click();
        desk.heading("Redaktionen");
        assertThat(desk.driver.findElement(By.cssSelector("main [role=alert]")).getText())
                .isEqualTo("Du är utloggad. Logga in igen – din text finns kvar.");
        axe(desk, "signed out mid-edit");
        desk.button("Logga in").click();
        desk.button("Logga in som redaktör").click();
        desk.button("Fortsätt med osparade ändringar").click();
        assertThat(desk.field("Rubrik").getAttribute("value")).isEqualTo("Fel som sägs på svenska");
        assertThat(desk.field("Brödtext").getAttribute("value")).isEqualTo(words);
        desk.button("Spara utkast").click();
        desk.status("Utkastet är sparat.");
        assertThat(article(desk).path("body").asText()).isEqualTo(words);

        // Leaving the article with unsaved changes asks first; "Stanna kvar" keeps the editor where they were.
        desk.field("Brödtext").sendKeys(" Ett tillägg.");
        desk.button("Artiklar").click();
        WebElement leave = desk.until(d -> d.findElements(By.cssSelector("dialog[open]")).stream().findFirst()
                .orElse(null));
        assertThat(leave.getText()).contains("Lämna artikeln utan att spara?");
        axe(desk, "leaving with unsaved changes");
        desk.button(leave, "Stanna kvar").click();
        assertThat(desk.field("Brödtext").getAttribute("value")).endsWith(" Ett tillägg.");
        assertThat(desk.driver.getCurrentUrl()).contains("#/artiklar/");
        desk.button("Artiklar").click();
        desk.button(desk.until(d -> d.findElement(By.cssSelector("dialog[open]"))), "Lämna utan att spara").click();
        desk.heading("Artiklar");
    }

    @Test
    void theList_shouldPageTwentyAtATime_withinASearch() throws Exception {
        List<String> titles = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        try {
            for (int i = 1; i <= 21; i++) {
                titles.add(String.format("Sidbläddring i listan – nummer %02d", i));
                ids.add(create(titles.getLast(), "Brödtext.", "draft"));
            }
            pageThrough(titles);
        } finally {
            // Twenty-one drafts would fill the other tests' first page of the list (drafts come first).
            ids.forEach(DeskBrowserIT::delete);
        }
    }

    private void pageThrough(List<String> titles) {
        DeskBrowser desk = browser();
        desk.signIn();
        desk.type(desk.field("Sök på rubrik"), "sidbläddring");
        List<String> first = desk.until(d -> titlesShown(d).size() == 20 ? titlesShown(d) : null);
        assertThat(desk.driver.findElement(By.xpath("//button[normalize-space(.)='Föregående']")).isEnabled())
                .isFalse();
        desk.button("Nästa").click();
        List<String> second = desk.until(d -> titlesShown(d).size() == 1 ? titlesShown(d) : null);
        assertThat(desk.driver.findElement(By.xpath("//button[normalize-space(.)='Nästa']")).isEnabled()).isFalse();
        List<String> both = new ArrayList<>(first);
        both.addAll(second);
        assertThat(both).containsExactlyInAnyOrderElementsOf(titles);
        desk.button("Föregående").click();
        List<String> again = desk.until(d -> titlesShown(d).size() == 20 ? titlesShown(d) : null);
        assertThat(again).isEqualTo(first);
        axe(desk, "article list, searched, with paging");
    }

    /** Deletes an article through the API, as the desk would, with its current version. */
    private static void delete(String id) {
        String version = SiteClient.json(site.editor("GET", "/api/articles/" + id, null, Map.of())).path("version")
                .asText();
        HttpResponse<String> deleted = site.editor("DELETE", "/api/articles/" + id, null,
                Map.of("If-Match", "\"" + version + "\""));
        assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(204);
    }

    /** The titles in the article list's table, in order. */
    private static List<String> titlesShown(WebDriver driver) {
        return driver.findElements(By.cssSelector("table.list tbody th a")).stream().map(WebElement::getText)
                .toList();
    }

    private DeskBrowser browser() {
        DeskBrowser browser = new DeskBrowser("http://localhost:" + runner.port());
        browsers.add(browser);
        return browser;
    }

    private void axe(DeskBrowser desk, String view) {
        desk.axeViolations().forEach(v -> violations.add(view + ": " + v));
    }

    /** The preview iframe's document once it shows {@code expected}. */
    private static String preview(DeskBrowser desk, String expected) {
        return desk.until(d -> d.findElements(By.tagName("iframe")).stream().map(f -> f.getAttribute("srcdoc"))
                .filter(html -> html != null && html.contains(expected)).findFirst().orElse(null));
    }

    /**
     * The preview and the published page, each parsed by the browser and serialized again; from the preview the
     * marking (its banner and robots meta) taken out.
     */
    @SuppressWarnings("unchecked")
    private static Map<String, String> compare(DeskBrowser desk, String preview, String published) {
        return (Map<String, String>) ((JavascriptExecutor) desk.driver).executeScript("""
                const parser = new DOMParser();
                const preview = parser.parseFromString(arguments[0], 'text/html');
                const published = parser.parseFromString(arguments[1], 'text/html');
                const marking = [...preview.querySelectorAll('body *')]
                    .filter(e => e.textContent.trim() === arguments[2]);
                marking.push(preview.querySelector('meta[name=robots]'));
                for (const element of marking) {
                    // With the line break before it, which the template's marking adds with it.
                    const before = element?.previousSibling;
                    if (before?.nodeType === Node.TEXT_NODE && before.textContent.trim() === '') {
                        before.remove();
                    }
                    element?.remove();
                }
                // The time of the last change: a preview shows the article as saving it now would, a moment later.
                for (const page of [preview, published]) {
                    page.querySelector('meta[property="article:modified_time"]')?.setAttribute('content', '');
                    const data = page.querySelector('script[type="application/ld+json"]');
                    if (data) {
                        const json = JSON.parse(data.textContent);
                        json['@graph'].forEach(thing => delete thing.dateModified);
                        data.textContent = JSON.stringify(json);
                    }
                }
                return {preview: preview.documentElement.outerHTML, published: published.documentElement.outerHTML};
                """, preview, published, MARKING);
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

    private static String create(String title, String body, String status) {
        HttpResponse<String> created = site.editor("POST", "/api/articles", "{\"title\": \"" + title
                + "\", \"body\": \"" + body + "\", \"status\": \"" + status + "\"}", Map.of());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return SiteClient.json(created).path("id").asText();
    }

    /** A reader's comment, posted as the article page's form posts it, from a reader address of its own. */
    private static void comment(String articleId, String author, String email, String text) {
        String form = "author=" + enc(author) + "&email=" + enc(email) + "&body=" + enc(text) + "&website=&parentId=";
        HttpResponse<String> posted = site.form("/api/articles/" + articleId + "/comments", form,
                "192.0.2." + VIEWERS.incrementAndGet());
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(303);
    }

    /** The button {@code name} of the comment in the moderation queue that says {@code text}. */
    private static WebElement commentButton(DeskBrowser desk, String text, String name) {
        // Found afresh on each try: every moderation draws the queue again.
        return desk.until(d -> d.findElements(By.xpath("//*[normalize-space(text())=" + DeskBrowser.literal(text)
                + "]/ancestor::li[1]//button[normalize-space(.)=" + DeskBrowser.literal(name) + "]")).stream()
                .filter(WebElement::isDisplayed).findFirst().orElse(null));
    }

    /** Sets a date-time field as its picker would (typing into one depends on the browser's locale). */
    private static void setValue(DeskBrowser desk, WebElement field, String value) {
        ((JavascriptExecutor) desk.driver).executeScript("""
                arguments[0].value = arguments[1];
                arguments[0].dispatchEvent(new Event('input', {bubbles: true}));
                arguments[0].dispatchEvent(new Event('change', {bubbles: true}));
                """, field, value);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
