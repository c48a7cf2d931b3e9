package se.newsroom.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import se.newsroom.content.Article;
import se.newsroom.content.ArticleIds;
import se.newsroom.content.ArticleStatus;
import se.newsroom.content.AuditAction;
import se.newsroom.content.Change;
import se.newsroom.emulators.TemplateTable;
import se.newsroom.json.Json;
import se.newsroom.table.DynamoDbArticleStore;

/** The local system end to end over HTTP, as an editor and a reader use it, started on a random port. */
class LocalRunnerIT {
    private static final String TOKEN = "it-token";
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private static LocalRunner runner;
    private static String base;

    @BeforeAll
    static void start() throws Exception {
        LocalRunner.Options options = new LocalRunner.Options(0, Optional.empty(), true, TOKEN,
                TemplateTable.templatePath().getParent());
        runner = new LocalRunner(options);
        runner.rebuild();
        new Seeder(runner.api(), runner.cloudFront(), TOKEN, options.repository().resolve("events/articles")).seed();
        base = "http://127.0.0.1:" + runner.port();
    }

    @AfterAll
    static void stop() throws Exception {
        runner.close();
    }

    @Test
    void theSeededSite_shouldServeTheArticleWithItsCommentThread_andTheAssets() throws Exception {
        HttpResponse<String> page = await("/nyheter/politiska-styrningen-av-individ-och-familj-utreds/",
                r -> r.statusCode() == 200 && r.body().contains("Protokollen publiceras"));

        assertThat(page.headers().firstValue("content-type").orElse("")).startsWith("text/html");
        assertThat(page.body()).contains("Läs mer:", "Statusuppdatering angående händelser inom Individ och familj",
                "Karin i Torekov", "Lämna en kommentar");
        assertThat(get("/assets/site.css").statusCode()).isEqualTo(200);
        assertThat(get("/finns-inte/").statusCode()).isEqualTo(404);
        assertThat(get("/finns-inte/").body()).contains("Sidan kunde inte hittas");
    }

    // Issue 17, part E: the newsroom's own reply and the privacy notice, end to end.

    @Test
    void theSeededThread_shouldMarkTheNewsroomsReply_only() throws Exception {
        String page = await("/nyheter/politiska-styrningen-av-individ-och-familj-utreds/",
                r -> r.statusCode() == 200 && r.body().contains("Protokollen publiceras")).body();

        String badge = "<span class=\"staff-badge\">Redaktionen</span>";
        assertThat(page.split(badge, -1)).hasSize(2);
        assertThat(page).contains("Lokal redaktör</strong> " + badge)
                .contains("<a href=\"/integritet/\">Så behandlar vi dina uppgifter</a>");
    }

    @Test
    void thePrivacyNotice_shouldBeServed_andAnAdministratorsSaveShouldReplaceIt() throws Exception {
        assertThat(await("/integritet/", r -> r.statusCode() == 200).body())
                .contains("Så behandlar vi personuppgifter", "saltad kontrollsumma");
        HttpResponse<String> current = send("GET", "/api/privacy-notice", null, null);
        String etag = current.headers().firstValue("etag").orElseThrow();

        HttpResponse<String> saved = send("PUT", "/api/privacy-notice",
                "{\"markdown\": \"## Vår nya text\\n\\nVi sparar namn – och inget mer.\"}", etag);
        HttpResponse<String> stale = send("PUT", "/api/privacy-notice", "{\"markdown\": \"Sent\"}", etag);

        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        assertThat(stale.statusCode()).isEqualTo(412);
        assertThat(await("/integritet/", r -> r.body().contains("Vår nya text")).body())
                .contains("Vi sparar namn – och inget mer.").doesNotContain("saltad kontrollsumma");
    }

    @Test
    void categoriesInOtherScripts_shouldEachGetAPageOfTheirOwn() throws Exception {
        HttpResponse<String> created = send("POST", "/api/articles", "{\"title\": \"Vänorter i världen\", "
                + "\"body\": \"Hälsningar.\", \"status\": \"published\", \"categories\": [\"Новости\", \"新闻\"]}",
                null);
        assertThat(created.statusCode()).isEqualTo(201);
        String page = await(Json.MAPPER.readTree(created.body()).path("url").asText(),
                r -> r.statusCode() == 200).body();

        String cyrillic = "/kategori/%d0%bd%d0%be%d0%b2%d0%be%d1%81%d1%82%d0%b8/";
        String chinese = "/kategori/%e6%96%b0%e9%97%bb/";
        assertThat(page).contains("href=\"" + cyrillic + "\"", "href=\"" + chinese + "\"");
        assertThat(await(cyrillic, r -> r.statusCode() == 200).body()).contains("Новости", "Vänorter i världen")
                .doesNotContain("新闻");
        assertThat(await(chinese, r -> r.statusCode() == 200).body()).contains("新闻", "Vänorter i världen")
                .doesNotContain("Новости");
    }

    @Test
    void theSiteServer_shouldAnswerMalformedAndTraversingPaths_with400Or404_neverAnEmptyReplyOrAFile()
            throws Exception {
        for (String path : List.of("/%2e%2e/%2e%2e/etc/passwd", "/%2E%2E/%2E%2E/etc/passwd", "/index.html%00",
                "/nyheter/%00/", "/..%2f..%2fetc/passwd", "/.%2e/pom.xml", "/%2e/index.html", "/assets/%ff.css",
                "/assets/%", "/assets/%zz", "/a\\..\\..\\etc/passwd", "/nyheter/%0d%0aSet-Cookie:x=1/")) {
            // Sent as bytes on a socket: java.net.URI would refuse half of these paths before they left.
            String response = rawGet(path);

            assertThat(response).as(path).matches("(?s)HTTP/1\\.1 (400|404) .*")
                    .doesNotContain("root:", "<project");
        }
        assertThat(get("/index.html").statusCode()).isEqualTo(200);
    }

    @Test
    void anEditorsWholeDay_shouldReachTheSite_throughTheApi() throws Exception {
        // create and publish → the page appears
        HttpResponse<String> created = send("POST", "/api/articles", "{\"title\": \"Nya öppettider på "
                + "biblioteket\", \"body\": \"Från måndag – längre kvällar.\", \"status\": \"published\", "
                + "\"categories\": [\"Kultur\"]}", null);
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode article = Json.MAPPER.readTree(created.body());
        String id = article.path("id").asText();
        String path = article.path("url").asText();
        long publishedAt = System.nanoTime();
        await(path, r -> r.statusCode() == 200);
        System.out.printf("Publish → page served: %.0f ms%n", (System.nanoTime() - publishedAt) / 1e6);
        await("/feed.xml", r -> r.body().contains("Nya öppettider på biblioteket"));
        await("/kategori/kultur/", r -> r.statusCode() == 200);
        assertThat(get("/sitemap.xml").body()).contains("sitemap-");

        // a stale update is refused
        assertThat(send("PUT", "/api/articles/" + id, "{\"title\": \"X\"}", "\"0\"").statusCode()).isEqualTo(412);

        // a reader's form post → 303 to the thank-you, pending, not on the page
        String form = "author=" + enc("Åsa") + "&email=" + enc("asa@example.se") + "&body="
                + enc("Äntligen – tack!") + "&website=&parentId=";
        HttpResponse<String> posted = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/articles/" + id
                        + "/comments")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(posted.statusCode()).isEqualTo(303);
        assertThat(posted.headers().firstValue("location")).contains(path + "#tack");
        JsonNode queue = Json.MAPPER.readTree(send("GET", "/api/comments", null, null).body());
        String commentId = queue.path("items").get(0).path("id").asText();
        assertThat(get(path).body()).doesNotContain("Äntligen – tack!");

        // approve → on the page
        assertThat(send("PATCH", "/api/articles/" + id + "/comments/" + commentId, "{\"status\": \"approved\"}", null)
                .statusCode()).isEqualTo(200);
        await(path, r -> r.body().contains("Äntligen – tack!"));

        // delete → the page goes, the lists and the feed follow
        assertThat(send("DELETE", "/api/articles/" + id, null, null).statusCode()).isEqualTo(204);
        await(path, r -> r.statusCode() == 404);
        await("/", r -> !r.body().contains("Nya öppettider på biblioteket"));
        await("/feed.xml", r -> !r.body().contains("Nya öppettider på biblioteket"));
    }

    @Test
    void aRenamedArticlesOldAddress_shouldAnswer301ToItsNewPage_asS3sWebsiteRedirectDoesOnAws() throws Exception {
        String input = "{\"title\": \"Badplatserna öppnar\", \"body\": \"Provtagning varje vecka.\", "
                + "\"status\": \"published\", \"categories\": [\"Fritid\"]%s}";
        HttpResponse<String> created = send("POST", "/api/articles", input.formatted(""), null);
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode article = Json.MAPPER.readTree(created.body());
        String id = article.path("id").asText();
        String oldPath = article.path("url").asText();
        await(oldPath, r -> r.statusCode() == 200);
        String etag = created.headers().firstValue("etag").orElseThrow();

        HttpResponse<String> renamed = send("PUT", "/api/articles/" + id,
                input.formatted(", \"slug\": \"badplatserna-oppnar-i-juni\""), etag);
        assertThat(renamed.statusCode()).isEqualTo(200);
        String newPath = Json.MAPPER.readTree(renamed.body()).path("url").asText();
        assertThat(newPath).isEqualTo("/nyheter/badplatserna-oppnar-i-juni/");

        HttpResponse<String> old = await(oldPath, r -> r.statusCode() == 301);
        assertThat(old.headers().firstValue("location")).contains(newPath);
        assertThat(old.body()).doesNotContain("Provtagning varje vecka.");
        assertThat(get(newPath).statusCode()).isEqualTo(200);
    }

    @Test
    void everyAnswer_shouldCarryTheDistributionsSecurityHeaders_asTemplateYamlDeclaresThem() throws Exception {
        // Read here on its own, not through TemplateModel: the YAML folds the policy's lines into one.
        JsonNode policy = new ObjectMapper(new YAMLFactory()).readTree(TemplateTable.templatePath().toFile())
                .at("/Resources/SecurityHeadersPolicy/Properties/ResponseHeadersPolicyConfig/SecurityHeadersConfig");
        String csp = policy.at("/ContentSecurityPolicy/ContentSecurityPolicy").asText();
        assertThat(csp).contains("default-src 'self'", "script-src 'self'", "style-src 'self'",
                "frame-ancestors 'none'");

        for (String path : List.of("/", "/assets/site.css", "/finns-inte/", "/api/articles", "/api/finns-inte",
                "/oauth2/authorize", "/logout", "/redaktion/")) {
            HttpResponse<String> answer = get(path);

            assertThat(answer.headers().firstValue("content-security-policy")).as(path).contains(csp);
            assertThat(answer.headers().firstValue("x-frame-options")).as(path)
                    .contains(policy.at("/FrameOptions/FrameOption").asText());
            assertThat(answer.headers().firstValue("x-content-type-options")).as(path).contains("nosniff");
            assertThat(answer.headers().firstValue("referrer-policy")).as(path)
                    .contains(policy.at("/ReferrerPolicy/ReferrerPolicy").asText());
        }
    }

    /**
     * A page without the time of the article's last change (its modified time, "Uppdaterad"): a preview shows the
     * article as saving it now would, seconds after the page was rendered.
     */
    private static String withoutChangeTime(String html) {
        return html.replaceAll("<meta property=\"article:modified_time\" content=\"[^\"]*\">", "")
                .replaceAll("\"dateModified\":\"[^\"]*\"", "")
                .replaceAll("<span class=\"updated\">.*?</span>", "");
    }

    @Test
    void aPreviewOfAnArticleAsTheDeskReadsIt_shouldBeItsServedPage_apartFromThePreviewMarking() throws Exception {
        // GIVEN the seeded article with "Läs mer" and comments, as the site serves it and as the API gives it
        JsonNode listed = Json.MAPPER.readTree(send("GET", "/api/articles?status=published&q=politiska", null, null)
                .body()).path("items").get(0);
        // (the page is rendered from the stream after the seeding: wait for its last step, the reply's approval)
        String page = await(listed.path("url").asText(), r -> r.statusCode() == 200
                && r.body().contains("Protokollen publiceras")).body();
        String article = send("GET", "/api/articles/" + listed.path("id").asText(), null, null).body();

        // WHEN the desk sends that JSON back for a preview
        HttpResponse<String> preview = send("POST", "/api/previews", article, null);

        // THEN
        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.headers().firstValue("content-type")).hasValueSatisfying(t -> assertThat(t)
                .startsWith("text/html"));
        String marking = "\n<p class=\"preview-banner\">Förhandsvisning – inte publicerad</p>";
        String noindex = "\n<meta name=\"robots\" content=\"noindex\">";
        assertThat(preview.body()).contains(marking, noindex);
        assertThat(withoutChangeTime(preview.body().replace(marking, "").replace(noindex, "")))
                .isEqualTo(withoutChangeTime(page));
        assertThat(page).contains("Läs mer:");
    }

    @Test
    void theApi_shouldRefuseEditorsRoutesWithoutTheToken_likeTheJwtAuthorizer() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/articles")).GET()
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(get("/api/finns-inte").statusCode()).isEqualTo(404);
    }

    @Test
    void anImportedArticlesOldAddresses_andWordPresssOwn_shouldAnswer301_asTheCdnAnswersThem() throws Exception {
        // GIVEN an article with its old site's addresses, stored as an import stores it (without the import's mark,
        // so the stream renders it now rather than at an import's rebuild)
        Instant at = Instant.parse("2019-06-01T08:00:00Z");
        Article imported = Article.builder().id(ArticleIds.generator().get()).slug("sommarlov-i-bastad")
                .title("Sommarlov i Båstad").summary("").body("Text.").categories(List.of("Kultur"))
                .related(List.of()).status(ArticleStatus.PUBLISHED).publishAt(Optional.empty())
                .publishedAt(Optional.of(at)).createdAt(at).updatedAt(at).author("Redaktionen").commentsOpen(true)
                .version(1).previousSlugs(List.of())
                .legacyPaths(List.of("/2019/06/01/sommarlov-i-bastad/", "/?p=4711")).build();
        new DynamoDbArticleStore(runner.dynamoDb(), LocalRunner.TABLE).create(imported, true,
                Change.by(Change.SYSTEM, "WordPress-import", AuditAction.IMPORT));

        // THEN its WordPress addresses lead to it
        HttpResponse<String> byId = await("/?p=4711", r -> r.statusCode() == 301);
        assertThat(byId.headers().firstValue("location")).contains(imported.url());
        assertThat(get("/2019/06/01/sommarlov-i-bastad/").headers().firstValue("location")).contains(imported.url());
        HttpResponse<String> slashless = get("/2019/06/01/sommarlov-i-bastad");
        assertThat(slashless.statusCode()).isEqualTo(301);
        assertThat(slashless.headers().firstValue("location")).contains("/2019/06/01/sommarlov-i-bastad/");
        // AND WordPress's own addresses lead to the site's
        assertThat(get("/category/kultur/").headers().firstValue("location")).contains("/kategori/kultur/");
        assertThat(get("/tag/kultur/feed/").headers().firstValue("location")).contains("/kategori/kultur/feed.xml");
        assertThat(get("/feed/").headers().firstValue("location")).contains("/feed.xml");
        // AND a post id nobody imported, or another query, is the front page or a 404 as before
        assertThat(get("/?p=4712").statusCode()).isEqualTo(404);
        assertThat(get("/?s=kultur").statusCode()).isEqualTo(200);
    }

    private static HttpResponse<String> await(String path, Predicate<HttpResponse<String>> done) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        HttpResponse<String> last;
        do {
            last = get(path);
            if (done.test(last)) {
                return last;
            }
            Thread.sleep(50);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("Not within 15 s: " + path + " → " + last.statusCode());
    }

    /** The whole raw answer to a GET of {@code path} exactly as given; "" when the server closes without one. */
    private static String rawGet(String path) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", runner.port())) {
            socket.setSoTimeout(10_000);
            String request = "GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> send(String method, String path, String json, String ifMatch)
            throws Exception {
        // Saving the privacy notice is an administrator's: the runner's admins token is its own with ".admins".
        boolean adminsOnly = method.equals("PUT") && path.equals("/api/privacy-notice");
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + TOKEN + (adminsOnly ? ".admins" : ""))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
