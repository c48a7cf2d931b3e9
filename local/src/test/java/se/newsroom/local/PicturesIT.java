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
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import se.newsroom.emulators.TemplateTable;
import se.newsroom.json.Json;

/**
 * A picture from the editor's upload to the reader's browser, locally: POST /api/media, the presigned PUT on the
 * site, then the media function (the runner's stand-in for the S3 event) makes the item ready and the site serves
 * its variants; a file that is no picture leaves the item in error with the reason.
 */
class PicturesIT {
    private static final String TOKEN = "pictures-token";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static LocalRunner runner;
    private static String base;

    @BeforeAll
    static void start() throws Exception {
        runner = new LocalRunner(new LocalRunner.Options(0, Optional.empty(), false, TOKEN,
                TemplateTable.templatePath().getParent()));
        base = "http://127.0.0.1:" + runner.port();
    }

    @AfterAll
    static void stop() throws Exception {
        runner.close();
    }

    @Test
    void anUploadedPhoto_shouldBeReady_andItsVariantsServedByTheSite() throws Exception {
        BufferedImage photo = new BufferedImage(1200, 800, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = photo.createGraphics();
        g.setColor(Color.ORANGE);
        g.fillRect(0, 0, 1200, 800);
        g.dispose();
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        ImageIO.write(photo, "jpeg", jpeg);

        JsonNode media = upload("torget.jpg", "image/jpeg", jpeg.toByteArray());

        assertThat(media.path("status").asText()).isEqualTo("ready");
        assertThat(media.path("width").asInt()).isEqualTo(1200);
        assertThat(media.path("variants").findValuesAsText("key")).containsExactly(
                "media/" + media.path("id").asText() + "/480.jpg", "media/" + media.path("id").asText() + "/960.jpg");
        HttpResponse<byte[]> small = HTTP.send(HttpRequest.newBuilder(URI.create(
                base + "/" + media.path("variants").get(0).path("key").asText())).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(small.statusCode()).isEqualTo(200);
        assertThat(small.headers().firstValue("Content-Type")).contains("image/jpeg");
        assertThat(ImageIO.read(new ByteArrayInputStream(small.body())).getWidth()).isEqualTo(480);
        // the upload itself is gone from the private bucket
        assertThat(runner.s3().listObjectsV2(r -> r.bucket(LocalRunner.UPLOADS_BUCKET)
                .prefix("uploads/" + media.path("id").asText())).contents()).isEmpty();
    }

    @Test
    void anUploadThatIsNoPicture_shouldLeaveTheItemInError_withTheReason() throws Exception {
        byte[] pdf = "%PDF-1.7\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

        JsonNode media = upload("protokoll.png", "image/png", pdf);

        assertThat(media.path("status").asText()).isEqualTo("error");
        assertThat(media.path("reason").asText()).isEqualTo("Filen är inte en bild i JPEG, PNG, WebP eller GIF.");
        assertThat(media.path("variants").size()).isZero();
    }

    /** Asks to upload, PUTs the file as the desk does, and answers the media item as GET /api/media/{id} has it. */
    private static JsonNode upload(String fileName, String contentType, byte[] file) throws Exception {
        HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/media"))
                .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"fileName": "%s", "contentType": "%s", "size": %d}"""
                        .formatted(fileName, contentType, file.length))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode answer = Json.MAPPER.readTree(created.body());
        JsonNode upload = answer.path("upload");
        HttpResponse<String> put = HTTP.send(HttpRequest.newBuilder(URI.create(base + upload.path("url").asText()))
                .header("Content-Type", upload.path("headers").path("Content-Type").asText())
                .PUT(HttpRequest.BodyPublishers.ofByteArray(file)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        HttpResponse<String> read = HTTP.send(HttpRequest.newBuilder(URI.create(
                base + "/api/media/" + answer.path("media").path("id").asText()))
                .header("Authorization", "Bearer " + TOKEN).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        return Json.MAPPER.readTree(read.body());
    }
}
