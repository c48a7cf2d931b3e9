package se.newsroom.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import se.newsroom.emulators.TemplateTable;
import se.newsroom.json.Json;

/**
 * An editor's upload through the local site: POST /api/media, the presigned PUT on the site's own origin, and the
 * media function the runner runs on it, as S3's event would.
 */
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

    private static HttpResponse<String> put(JsonNode created, byte[] file) throws Exception {
        JsonNode upload = created.path("upload");
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + upload.path("url").asText()))
                .header("Content-Type", upload.path("headers").path("Content-Type").asText())
                .PUT(HttpRequest.BodyPublishers.ofByteArray(file)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode media(String id) throws Exception {
        return Json.MAPPER.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/media/" + id))
                .header("Authorization", "Bearer " + TOKEN).GET().build(), HttpResponse.BodyHandlers.ofString())
                .body());
    }

    @Test
    void aPictureUploadedThroughTheSite_shouldBecomeReady_withItsVariantsOnTheSite() throws Exception {
        BufferedImage picture = new BufferedImage(600, 400, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = picture.createGraphics();
        g.setColor(new Color(0, 90, 160, 128));
        g.fillRect(0, 0, 600, 400);
        g.dispose();
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(picture, "png", png);
        JsonNode created = askToUpload("karta.png", png.size());
        String id = created.path("media").path("id").asText();

        HttpResponse<String> put = put(created, png.toByteArray());

        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        assertThat(UPLOADED).contains("uploads/" + id);
        JsonNode ready = media(id);
        assertThat(ready.path("status").asText()).as(ready.toString()).isEqualTo("ready");
        assertThat(ready.path("width").asInt()).isEqualTo(600);
        assertThat(ready.path("variants").findValuesAsText("url")).containsExactly("/media/" + id + "/480.png");
        HttpResponse<byte[]> variant = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/media/" + id
                + "/480.png")).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(variant.statusCode()).isEqualTo(200);
        assertThat(variant.headers().firstValue("cache-control")).hasValueSatisfying(v -> assertThat(v)
                .contains("immutable"));
        assertThat(ImageIO.read(new ByteArrayInputStream(variant.body())).getWidth()).isEqualTo(480);
        // Never served to readers: a GET of the upload is refused.
        assertThat(HTTP.send(HttpRequest.newBuilder(URI.create(base + "/uploads/" + id)).GET().build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(403);
    }

    @Test
    void aFileThatIsNoPicture_shouldLeaveTheItemInError_withAReasonForTheDesk() throws Exception {
        byte[] file = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
        JsonNode created = askToUpload("trasig.png", file.length);
        String id = created.path("media").path("id").asText();

        assertThat(put(created, file).statusCode()).isEqualTo(200);

        JsonNode failed = media(id);
        assertThat(failed.path("status").asText()).isEqualTo("error");
        assertThat(failed.path("reason").asText()).isNotBlank();
        assertThat(failed.path("variants")).isEmpty();
        assertThat(runner.s3().listObjectsV2(r -> r.bucket(LocalRunner.UPLOADS_BUCKET).prefix("uploads/" + id))
                .contents()).isEmpty();
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

    /** A PUT of {@code file} to {@code path} (the site's) with {@code contentType}; its status. */
    private static int putTo(String path, String contentType, byte[] file) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", contentType)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(file)).build(), HttpResponse.BodyHandlers.ofString())
                .statusCode();
    }

    private static void assertNothingUploaded(String id) throws Exception {
        assertThat(UPLOADED).doesNotContain("uploads/" + id);
        assertThat(runner.s3().listObjectsV2(r -> r.bucket(LocalRunner.UPLOADS_BUCKET).prefix("uploads/" + id))
                .contents()).isEmpty();
        assertThat(media(id).path("status").asText()).isEqualTo("pending");
    }

    @Test
    void aPutWithATamperedSignature_shouldBeRefusedAsS3Does() throws Exception {
        JsonNode created = askToUpload("andrad.png", 4);
        String url = created.path("upload").path("url").asText();
        String signature = url.replaceAll(".*X-Amz-Signature=([0-9a-f]{64}).*", "$1");
        String flipped = (signature.charAt(0) == '0' ? "1" : "0") + signature.substring(1);

        int status = putTo(url.replace(signature, flipped), "image/png", new byte[4]);

        assertThat(status).isEqualTo(403);
        assertNothingUploaded(created.path("media").path("id").asText());
    }

    @Test
    void aSignatureForOneUpload_shouldNotPutAnotherKey() throws Exception {
        JsonNode mine = askToUpload("min.png", 4);
        JsonNode other = askToUpload("annan.png", 4);
        String otherId = other.path("media").path("id").asText();
        String url = mine.path("upload").path("url").asText();

        int status = putTo("/uploads/" + otherId + url.substring(url.indexOf('?')), "image/png", new byte[4]);

        assertThat(status).isEqualTo(403);
        assertNothingUploaded(otherId);
        assertNothingUploaded(mine.path("media").path("id").asText());
    }

    @Test
    void aPutOfAnotherContentType_shouldBeRefused() throws Exception {
        JsonNode created = askToUpload("typ.png", 4);
        String id = created.path("media").path("id").asText();

        int status = putTo(created.path("upload").path("url").asText(), "application/pdf", new byte[4]);

        assertThat(status).isEqualTo(403);
        assertNothingUploaded(id);
    }

    @Test
    void aPutOfAnotherSize_shouldBeRefused() throws Exception {
        JsonNode created = askToUpload("storlek.png", 4);
        String id = created.path("media").path("id").asText();

        int larger = putTo(created.path("upload").path("url").asText(), "image/png", new byte[5000]);
        int smaller = putTo(created.path("upload").path("url").asText(), "image/png", new byte[3]);

        assertThat(larger).isEqualTo(403);
        assertThat(smaller).isEqualTo(403);
        assertNothingUploaded(id);
    }
}
