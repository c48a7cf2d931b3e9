package se.newsroom.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import se.newsroom.emulators.TemplateTable;
import se.newsroom.json.Json;

/** An editor's upload through the local site: POST /api/media, then the presigned PUT on the site's own origin. */
class UploadsIT {
    private static final String TOKEN = "uploads-token";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final List<String> UPLOADED = new CopyOnWriteArrayList<>();
    private static LocalRunner runner;
    private static String base;

    @BeforeAll
    static void start() throws Exception {
        runner = new LocalRunner(new LocalRunner.Options(0, Optional.empty(), false, TOKEN,
                TemplateTable.templatePath().getParent()));
        runner.onUpload(UPLOADED::add);
        base = "http://127.0.0.1:" + runner.port();
    }

    @AfterAll
    static void stop() throws Exception {
        runner.close();
    }

    private static JsonNode askToUpload(String fileName, int size) throws Exception {
        HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/media"))
                .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"fileName": "%s", "contentType": "image/png", "size": %d}""".formatted(fileName, size)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return Json.MAPPER.readTree(created.body());
    }

    @Test
    void thePresignedPut_shouldStoreTheFileInTheUploadsBucket_andRaiseTheUploadEvent() throws Exception {
        byte[] file = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
        JsonNode created = askToUpload("karta.png", file.length);
        String id = created.path("media").path("id").asText();
        JsonNode upload = created.path("upload");

        HttpResponse<String> put = HTTP.send(HttpRequest.newBuilder(URI.create(base + upload.path("url").asText()))
                .header("Content-Type", upload.path("headers").path("Content-Type").asText())
                .PUT(HttpRequest.BodyPublishers.ofByteArray(file)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        assertThat(runner.s3().getObjectAsBytes(r -> r.bucket(LocalRunner.UPLOADS_BUCKET).key("uploads/" + id))
                .asByteArray()).isEqualTo(file);
        assertThat(UPLOADED).contains("uploads/" + id);
        // Never served to readers: the site bucket has no such object, and a GET of the upload is refused.
        assertThat(HTTP.send(HttpRequest.newBuilder(URI.create(base + "/uploads/" + id)).GET().build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(403);
    }

    @Test
    void aPutWithoutASignatureOrPastItsTime_shouldBeRefused_andRaiseNoEvent() throws Exception {
        JsonNode created = askToUpload("gammal.png", 4);
        String id = created.path("media").path("id").asText();
        String url = created.path("upload").path("url").asText();
        String expired = url.replaceAll("X-Amz-Date=\\d{8}T\\d{6}Z", "X-Amz-Date=20200101T000000Z");

        int unsigned = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/uploads/" + id))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(new byte[4])).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode();
        int late = HTTP.send(HttpRequest.newBuilder(URI.create(base + expired))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(new byte[4])).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode();

        assertThat(unsigned).isEqualTo(403);
        assertThat(late).isEqualTo(403);
        assertThat(UPLOADED).doesNotContain("uploads/" + id);
    }
}
