package se.newsroom.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import software.amazon.awssdk.core.sync.RequestBody;

import se.newsroom.emulators.TemplateTable;
import se.newsroom.json.Json;
import se.newsroom.record.PublicRecord;

/**
 * A correction end to end on the local system: the reader's page shows it, and the public record (in S3Proxy,
 * without Object Lock) holds both published versions, chained, until a version is changed by hand.
 */
class CorrectionsLocalIT {
    private static final String TOKEN = "it-token";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static LocalRunner runner;
    private static String base;

    @BeforeAll
    static void start() throws Exception {
        runner = new LocalRunner(new LocalRunner.Options(0, Optional.empty(), false, TOKEN,
                TemplateTable.templatePath().getParent()));
        runner.rebuild(); // the assets: the box is checked with its stylesheet
        base = "http://127.0.0.1:" + runner.port();
    }

    @AfterAll
    static void stop() throws Exception {
        runner.close();
    }

    @Test
    void aCorrection_shouldReachThePage_andThePublicRecord_whoseCheckCatchesAChangedVersion() throws Exception {
        // GIVEN a published article, then a correction of it
        String article = "{\"title\": \"Mötet hålls den 11 december\", \"body\": \"Text.\", \"status\": "
                + "\"published\"";
        HttpResponse<String> created = send("POST", "/api/articles", article + "}", null);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode json = Json.MAPPER.readTree(created.body());
        String id = json.path("id").asText();
        HttpResponse<String> corrected = send("PUT", "/api/articles/" + id, article.replace("11", "12")
                + ", \"correction\": {\"note\": \"Fel datum – mötet är den 12\u00a0december.\"}}", "\"1\"");
        assertThat(corrected.statusCode()).as(corrected.body()).isEqualTo(200);

        // THEN the reader's page shows it under the title
        String page = await(json.path("url").asText(), r -> r.statusCode() == 200 && r.body().contains("Rättelse"))
                .body();
        assertThat(page).contains("Fel datum – mötet är den 12\u00a0december.");

        // AND the public record holds both versions, chained
        JsonNode record = Json.MAPPER.readTree(await("/api/articles/" + id + "/record",
                r -> r.body().contains("\"version\":2")).body());
        assertThat(record.path("verified").asBoolean()).isTrue();
        assertThat(record.path("versions")).hasSize(2);

        // WHEN the first version is changed by hand (S3Proxy has no Object Lock to stop it)
        String key = PublicRecord.key(id, 1);
        String stored = runner.s3().getObjectAsBytes(r -> r.bucket(LocalRunner.RECORDS_BUCKET).key(key))
                .asString(StandardCharsets.UTF_8);
        runner.s3().putObject(r -> r.bucket(LocalRunner.RECORDS_BUCKET).key(key),
                RequestBody.fromString(stored.replace("den 11", "den 13"), StandardCharsets.UTF_8));

        // THEN the check names it
        record = Json.MAPPER.readTree(send("GET", "/api/articles/" + id + "/record", null, null).body());
        assertThat(record.path("verified").asBoolean()).isFalse();
        assertThat(record.path("broken").path("version").asLong()).isEqualTo(1);
    }

    @Test
    void aCorrectedArticlesPage_shouldHaveNoAxeViolations_onAPhoneAndADesk() throws Exception {
        assumeTrue(DeskBrowser.available("CorrectionsLocalIT axe"), "Debian's chromium and chromium-driver are "
                + "not installed");
        // GIVEN a published article with a correction
        String article = "{\"title\": \"Biblioteket stänger tidigare\", \"body\": \"Text.\", \"status\": "
                + "\"published\"";
        JsonNode created = Json.MAPPER.readTree(send("POST", "/api/articles", article + "}", null).body());
        assertThat(send("PUT", "/api/articles/" + created.path("id").asText(), article + ", \"correction\": "
                + "{\"note\": \"Biblioteket stänger kl.\u00a018, inte 17 – rättat.\"}}", "\"1\"").statusCode())
                .isEqualTo(200);
        String url = created.path("url").asText();
        await(url, r -> r.statusCode() == 200 && r.body().contains("Rättelse"));

        try (DeskBrowser reader = new DeskBrowser(base)) {
            for (int width : List.of(DeskBrowser.PHONE, DeskBrowser.DESK)) {
                // WHEN a reader opens it
                reader.driver.manage().window().setSize(new Dimension(width, 1200));
                reader.open(url);

                // THEN the box shows under the title, and axe-core finds nothing against WCAG 2.1 AA
                assertThat(reader.driver.findElement(By.cssSelector(".corrections")).getText())
                        .startsWith("Rättelse ").contains("inte 17 – rättat.");
                List<String> violations = reader.axeViolations();
                assertThat(violations).as("axe-core's WCAG 2.1 AA violations at " + width + " px:\n"
                        + String.join("\n", violations)).isEmpty();
            }
        }
    }

    private static HttpResponse<String> await(String path, Predicate<HttpResponse<String>> done) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        HttpResponse<String> last;
        do {
            last = send("GET", path, null, null);
            if (done.test(last)) {
                return last;
            }
            Thread.sleep(50);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("Not within 15 s: " + path + " → " + last.statusCode() + " " + last.body());
    }

    private static HttpResponse<String> send(String method, String path, String json, String ifMatch)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + TOKEN)
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
}
