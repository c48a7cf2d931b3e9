package se.newsroom.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;

import se.newsroom.emulators.TemplateTable;
import se.newsroom.importer.ImportReport.Outcome;

/**
 * A WordPress export moved into the local runner ({@code local/run --import}), seen as a reader sees it: the
 * rendered site over HTTP, the old addresses' 301s, the feed, the pictures; then the same import again, which changes
 * nothing; and {@code local/import} on files that are no export, with their exit statuses and messages.
 */
class ImportIT {
    private static final Path REPOSITORY = TemplateTable.templatePath().getParent();
    private static final Path WXR = REPOSITORY.resolve("importer/src/test/resources/wxr");
    private static final Path EXPORT = WXR.resolve("bastad.xml");
    private static final Path UPLOADS = WXR.resolve("uploads");
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    /** The two example articles, as the export names them. */
    private static final String POLITIK = "politiska-styrningen-av-individ-och-familj-utreds";
    private static final String STATUS = "statusuppdatering-angaende-handelser-inom-individ-och-familj";
    /** The post with a featured image and a picture in its body. */
    private static final String STRAND = "strandstadning-vid-skansenbadet";

    private static LocalRunner runner;
    private static String base;
    private static int firstStatus;
    private static String firstReport;

    @BeforeAll
    static void importTheExport() throws Exception {
        runner = new LocalRunner(new LocalRunner.Options(0, Optional.empty(), false, "import-token", REPOSITORY));
        base = "http://127.0.0.1:" + runner.port();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        firstStatus = command(out, new ByteArrayOutputStream()).runOver(runner, EXPORT, Optional.of(UPLOADS));
        firstReport = out.toString(StandardCharsets.UTF_8);
        assertThat(runner.awaitRendered(Duration.ofSeconds(60))).isTrue();
    }

    @AfterAll
    static void stop() throws Exception {
        if (runner != null) {
            runner.close();
        }
    }

    private static ImportCommand command(ByteArrayOutputStream out, ByteArrayOutputStream err) {
        return new ImportCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of(), false);
    }

    @Test
    void theImport_shouldBringEverythingAcross_andReportWhatItLeftOut() {
        assertThat(firstStatus).as(firstReport).isEqualTo(ImportCommand.OK);
        assertThat(firstReport).contains("Rapport", "Klart: allt kom över.", "Överhoppat", "Bilder som saknas",
                "Ny adress (slug)");
        // The gallery shortcode and the embed are kept as marked paragraphs, and listed.
        assertThat(firstReport).contains("Kunde inte föras över som Markdown").contains("[gallery");
    }

    @Test
    void anImportedArticle_shouldBeItsPage_withSwedishDateBodyAndLäsMer() throws Exception {
        HttpResponse<String> page = get("/nyheter/" + POLITIK + "/");

        assertThat(page.statusCode()).isEqualTo(200);
        String html = page.body();
        assertThat(html).contains("Politiska styrningen av Individ och familj utreds", "4 december 2019",
                "Under kommunstyrelsens sammanträde den 4 december", "Läs mer",
                "Statusuppdatering angående händelser inom Individ och familj");
        // Swedish text survives every step: å, ä, ö, the en dash.
        assertThat(Jsoup.parse(html).text()).contains("Lena Täringskog", "familj.– Jag kommer att titta på detta",
                "Båstads Kommun");
        assertThat(html).doesNotContain("<!-- wp:", "wp-block");
    }

    @Test
    void theCommentThread_shouldShowApprovedCommentsWithRepliesNested_andNeitherPendingNorSpam() throws Exception {
        Document page = Jsoup.parse(get("/nyheter/" + POLITIK + "/").body());

        assertThat(page.select(".comment-author").eachText()).containsExactlyInAnyOrder("Karin i Torekov",
                "Redaktionen", "Göran Åkesson", "Åsa Nilsson");
        // A reply inside its parent's list item, a reply to a reply one level deeper.
        assertThat(page.select("li.comment li.comment li.comment .comment-author").eachText())
                .containsExactly("Göran Åkesson");
        assertThat(page.select("li.comment li.comment > article .comment-author").eachText())
                .containsExactlyInAnyOrder("Redaktionen", "Göran Åkesson");
        // Pending, spam, trash and the pingback are not shown; the comment whose parent is gone stands alone.
        assertThat(page.text()).doesNotContain("Märta Öberg", "Billiga klockor", "Sven", "[…]");
        assertThat(page.select("ol.comment-list > li.comment > article .comment-author").eachText())
                .contains("Åsa Nilsson");
    }

    @Test
    void theOldAddresses_shouldAnswer301_toTheNewOnes() throws Exception {
        String home = "/nyheter/" + POLITIK + "/";
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("/2019/12/04/" + POLITIK + "/", home);
        expected.put("/" + POLITIK + "/", home);
        expected.put("/?p=" + postId(POLITIK), home);
        expected.put("/feed/", "/feed.xml");
        for (Map.Entry<String, String> redirect : expected.entrySet()) {
            HttpResponse<String> answer = get(redirect.getKey());

            assertThat(answer.statusCode()).as(redirect.getKey()).isEqualTo(301);
            assertThat(URI.create(answer.headers().firstValue("location").orElse("")).getPath())
                    .as(redirect.getKey()).isEqualTo(redirect.getValue());
        }
        HttpResponse<String> category = get("/category/individ-och-familj/");
        assertThat(category.statusCode()).isEqualTo(301);
        String target = URI.create(category.headers().firstValue("location").orElseThrow()).getPath();
        assertThat(target).isEqualTo("/kategori/individ-och-familj/");
        assertThat(get(target).body()).contains("Politiska styrningen av Individ och familj utreds");
    }

    @Test
    void theFeed_shouldListTheImportedArticles_withTheirOriginalDates() throws Exception {
        String feed = get("/feed.xml").body();

        assertThat(feed).contains("Politiska styrningen av Individ och familj utreds",
                "Statusuppdatering angående händelser inom Individ och familj");
        assertThat(feed).containsPattern("<pubDate>\\w{3}, 0?4 Dec 2019");
    }

    @Test
    void thePictures_shouldComeThroughTheMediaPath_asTheFeaturedImageAndInTheBody() throws Exception {
        Document page = Jsoup.parse(get("/nyheter/" + STRAND + "/").body());

        // The featured image (_thumbnail_id) and the body's picture, both the same upload, from the media library.
        List<String> sources = page.select("article img").eachAttr("src");
        assertThat(sources).isNotEmpty().allMatch(src -> src.matches("/media/[0-9A-Z]{26}/[^/]+"), "a variant");
        assertThat(page.select("article img").eachAttr("alt"))
                .contains("Sandstrand och hav vid Skansenbadet en vintermorgon");
        for (String src : sources) {
            HttpResponse<byte[]> file = HTTP.send(HttpRequest.newBuilder(URI.create(base + src)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(file.statusCode()).as(src).isEqualTo(200);
            assertThat(file.headers().firstValue("content-type").orElse("")).as(src).startsWith("image/");
        }
        // The no-break space of "200 meter" survives (as the character or its entity).
        assertThat(get("/nyheter/" + STRAND + "/").body()).containsPattern("200(\u00a0|&nbsp;|&#160;|&#xa0;)meter");
        // The picture that is not in the uploads copy is reported.
        assertThat(firstReport).contains("hamnen-1024x683.jpg");
    }

    @Test
    void theSameImportAgain_shouldChangeNothing() throws Exception {
        List<String> paths = List.of("/nyheter/" + POLITIK + "/", "/nyheter/" + STATUS + "/", "/feed.xml",
                "/kategori/individ-och-familj/");
        Map<String, String> before = new LinkedHashMap<>();
        for (String path : paths) {
            before.put(path, get(path).body());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImportCommand again = command(out, new ByteArrayOutputStream());

        int status = again.runOver(runner, EXPORT, Optional.of(UPLOADS));
        assertThat(runner.awaitRendered(Duration.ofSeconds(60))).isTrue();

        assertThat(status).as(out.toString(StandardCharsets.UTF_8)).isEqualTo(ImportCommand.OK);
        Map<String, Map<String, Map<Outcome, Long>>> counts = again.lastReport().orElseThrow().counts();
        // Every post and comment already there, nothing written again.
        assertThat(counts.get("post").get("publish")).containsOnlyKeys(Outcome.UNCHANGED);
        assertThat(counts.get("comment").values()).allSatisfy(byOutcome -> assertThat(byOutcome.keySet())
                .isSubsetOf(Outcome.UNCHANGED, Outcome.SKIPPED));
        assertThat(counts.values().stream().flatMap(byStatus -> byStatus.values().stream())
                .flatMap(byOutcome -> byOutcome.keySet().stream())).doesNotContain(Outcome.IMPORTED);
        for (String path : paths) {
            assertThat(get(path).body()).as(path).isEqualTo(before.get(path));
        }
    }

    @Test
    void badFiles_shouldExitWithStatus2_andSayWhatIsWrong_inSwedish() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("not-wxr.xml", "WordPress");
        files.put("invalid.xml", "rad");
        files.put("truncated.xml.gz", "");
        files.put("unknown-version.xml", "2.0");
        for (Map.Entry<String, String> file : files.entrySet()) {
            ByteArrayOutputStream err = new ByteArrayOutputStream();

            int status = command(new ByteArrayOutputStream(), err).runOver(runner, WXR.resolve(file.getKey()),
                    Optional.empty());

            String message = err.toString(StandardCharsets.UTF_8);
            assertThat(status).as(file.getKey() + ": " + message).isEqualTo(ImportCommand.NOT_AN_EXPORT);
            assertThat(message).as(file.getKey()).contains("\nlocal/import: ").contains(file.getValue())
                    .doesNotContain("Exception", "\tat ");
        }
        // local/import itself says so before it starts anything.
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = command(new ByteArrayOutputStream(), err).run(new String[] {WXR.resolve("not-wxr.xml")
            .toString(), "--data-dir", "target/import-bad-files"});
        assertThat(status).isEqualTo(ImportCommand.NOT_AN_EXPORT);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("\nlocal/import: ");
    }

    @Test
    void anUnreachableStack_shouldExitWithStatus3_andUsageErrorsWith64() throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        // Credentials that need no lookup (the SDK's first provider), so nothing but the endpoint is missing.
        System.setProperty("aws.accessKeyId", "import-it");
        System.setProperty("aws.secretAccessKey", "import-it");
        ImportCommand command = new ImportCommand(new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                Map.of("HASH_SALT", "test-salt"), false);

        int status = command.run(new String[] {EXPORT.toString(), "--table", "newsroom-content", "--region",
            "eu-north-1", "--endpoint", "http://127.0.0.1:9"});

        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(ImportCommand.TARGET_REFUSES);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("local/import: ").doesNotContain("\tat ");
        assertThat(command.run(new String[] {EXPORT.toString()})).isEqualTo(ImportCommand.USAGE);
    }

    @Test
    void anImportedArticle_shouldLookRight_onAPhoneAndADesk() throws Exception {
        boolean present = Files.isExecutable(Path.of("/usr/bin/chromium"))
                && Files.isExecutable(Path.of("/usr/bin/chromedriver"));
        if (!present) {
            System.out.println("SKIPPED ImportIT screenshots: chromium and chromedriver are not installed.");
        }
        assumeTrue(present, "Debian's chromium and chromium-driver are not installed");
        Path dir = Files.createDirectories(Path.of("target/screenshots"));
        try (DeskBrowser reader = new DeskBrowser(base)) {
            for (int width : List.of(DeskBrowser.PHONE, DeskBrowser.DESK)) {
                reader.driver.manage().window().setSize(new Dimension(width, 1400));
                reader.open("/nyheter/" + POLITIK + "/");
                assertThat(reader.driver.getTitle()).startsWith("Politiska styrningen av Individ och familj utreds");
                long height = (Long) ((JavascriptExecutor) reader.driver).executeScript(
                        "return Math.ceil(document.documentElement.scrollHeight)");
                reader.driver.manage().window().setSize(new Dimension(width, (int) Math.min(height + 200, 6000)));
                Files.write(dir.resolve("imported-article-" + width + ".png"),
                        ((TakesScreenshot) reader.driver).getScreenshotAs(OutputType.BYTES));
            }
        }
    }

    /** The WordPress post id of the post whose wp:post_name is {@code slug}, as the export says. */
    private static long postId(String slug) throws Exception {
        String xml = Files.readString(EXPORT);
        Matcher item = Pattern.compile("(?s)<wp:post_id>(\\d+)</wp:post_id>(?:(?!<item>).)*?<wp:post_name><!\\[CDATA\\["
                + Pattern.quote(slug) + "]]></wp:post_name>").matcher(xml);
        assertThat(item.find()).as("the export has a post named " + slug).isTrue();
        return Long.parseLong(item.group(1));
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
