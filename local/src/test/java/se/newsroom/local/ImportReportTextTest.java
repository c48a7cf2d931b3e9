package se.newsroom.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.newsroom.importer.ImportReport;
import se.newsroom.importer.ImportReport.Line;
import se.newsroom.importer.ImportReport.Outcome;
import se.newsroom.json.Json;

/** The import's final report, as the person who ran it reads it and as JSON for a script. */
class ImportReportTextTest {

    private static ImportReport report() {
        ImportReport report = new ImportReport();
        report.count("post", "publish", Outcome.IMPORTED);
        report.count("post", "publish", Outcome.IMPORTED);
        report.count("post", "draft", Outcome.UNCHANGED);
        report.count("comment", "1", Outcome.IMPORTED);
        report.count("page", "publish", Outcome.SKIPPED);
        report.skipped(new Line("page", 7, "Om kommunen", "sidor förs inte över"));
        report.unmapped(new Line("post", 12, "Bilder från stranden", "[gallery ids=\"3,4\"]"));
        report.missingImage(new Line("post", 12, "Bilder från stranden", "2019/12/saknas.jpg"));
        report.renamed(new Line("post", 14, "Förskola", "förskola → förskola-2"));
        report.failed(new Line("comment", 99, "Förskola", "tabellen vägrade efter 10 försök"));
        return report;
    }

    @Test
    void print_shouldShowTheCountsAsATable_thenEveryItemNeedingAPersonsEye() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        ImportReportText.print(report(), false, List.of("Ingen --render-function: sajten byggs inte om."),
                new PrintStream(bytes, true, StandardCharsets.UTF_8));

        String text = bytes.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("typ      status i WordPress  införda  redan där");
        assertThat(text).containsPattern("post +publish +2\\b");
        assertThat(text).containsPattern("post +draft +1\\b");
        assertThat(text).contains("Överhoppat (1)\n  page 7 «Om kommunen»: sidor förs inte över");
        assertThat(text).contains("Kunde inte föras över som Markdown (kvar som markerat stycke) (1)\n"
                + "  post 12 «Bilder från stranden»: [gallery ids=\"3,4\"]");
        assertThat(text).contains("Bilder som saknas (1)\n  post 12 «Bilder från stranden»: 2019/12/saknas.jpg");
        assertThat(text).contains("Ny adress (slug) (1)\n  post 14 «Förskola»: förskola → förskola-2");
        assertThat(text).contains("Misslyckades (en ny körning gör klart dem) (1)");
        assertThat(text).contains("Att veta\n  Ingen --render-function");
        assertThat(text).endsWith("Klart, men 1 poster misslyckades; kör samma kommando igen för att göra klart"
                + " dem.\n");
        assertThat(text).doesNotContain("PROVKÖRNING");
    }

    @Test
    void aDryRun_shouldSaySoAtTheTopAndTheBottom() {
        ImportReport report = new ImportReport();
        report.count("post", "publish", Outcome.WOULD_IMPORT);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        ImportReportText.print(report, true, List.of(), new PrintStream(bytes, true, StandardCharsets.UTF_8));

        String[] lines = bytes.toString(StandardCharsets.UTF_8).strip().split("\n");
        assertThat(lines[0]).startsWith("PROVKÖRNING (--dry-run)");
        assertThat(lines[lines.length - 1]).startsWith("PROVKÖRNING (--dry-run)");
        assertThat(String.join("\n", lines)).containsPattern("post +publish +1");
    }

    @Test
    void writeJson_shouldHoldTheSameCountsAndLists(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("rapporter/import.json");

        ImportReportText.writeJson(report(), false, Path.of("/tmp/bastad.xml"), file);

        JsonNode json = Json.MAPPER.readTree(Files.readString(file));
        assertThat(json.path("complete").asBoolean(true)).isFalse();
        assertThat(json.path("counts").path("post").path("publish").path("IMPORTED").asLong()).isEqualTo(2);
        assertThat(json.path("skipped").get(0).path("title").asText()).isEqualTo("Om kommunen");
        assertThat(json.path("renamed").get(0).path("detail").asText()).isEqualTo("förskola → förskola-2");
        assertThat(json.path("failures").size()).isEqualTo(1);
    }
}
