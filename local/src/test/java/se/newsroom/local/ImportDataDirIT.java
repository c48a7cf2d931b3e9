package se.newsroom.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import se.newsroom.emulators.TemplateTable;
import se.newsroom.importer.ImportReport.Outcome;

/**
 * {@code local/import EXPORT --data-dir DIR} keeps what it imported: {@code local/run --data-dir DIR} afterwards shows
 * the imported article and answers its old address with a 301, and the same import into the same directory again
 * finds everything already there. (The runner once gave DynamoDB Local the folder where it wants its database file,
 * so the import never got going; nothing tested the data directory between two processes' worth of runs.)
 */
class ImportDataDirIT {
    private static final Path REPOSITORY = TemplateTable.templatePath().getParent();
    private static final Path EXPORT = REPOSITORY.resolve("importer/src/test/resources/wxr/bastad.xml");
    private static final String POLITIK = "politiska-styrningen-av-individ-och-familj-utreds";
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @TempDir
    Path dataDir;

    /** Ten times what it takes here: a runner that cannot open its data (the old bug) fails it instead of hanging. */
    @Test
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void anImportIntoADataDir_shouldBeThereForTheRunner_andChangeNothingTheSecondTime() throws Exception {
        ByteArrayOutputStream firstOut = new ByteArrayOutputStream();
        ImportCommand first = command(firstOut);

        int firstStatus = first.run(new String[] {EXPORT.toString(), "--data-dir", dataDir.toString()});

        assertThat(firstStatus).as(firstOut.toString(StandardCharsets.UTF_8)).isEqualTo(ImportCommand.OK);
        assertThat(outcomes(first, "post")).contains(Outcome.IMPORTED);

        // A runner of its own on the same directory, as local/run --data-dir starts after local/import has ended.
        try (LocalRunner runner = new LocalRunner(new LocalRunner.Options(0, Optional.of(dataDir), false,
                "data-dir-token", REPOSITORY))) {
            String base = "http://127.0.0.1:" + runner.port();
            HttpResponse<String> page = get(base, "/nyheter/" + POLITIK + "/");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("Politiska styrningen av Individ och familj utreds", "4 december 2019");

            HttpResponse<String> old = get(base, "/2019/12/04/" + POLITIK + "/");
            assertThat(old.statusCode()).isEqualTo(301);
            assertThat(URI.create(old.headers().firstValue("location").orElse("")).getPath())
                    .isEqualTo("/nyheter/" + POLITIK + "/");
        }

        ByteArrayOutputStream secondOut = new ByteArrayOutputStream();
        ImportCommand second = command(secondOut);

        int secondStatus = second.run(new String[] {EXPORT.toString(), "--data-dir", dataDir.toString()});

        assertThat(secondStatus).as(secondOut.toString(StandardCharsets.UTF_8)).isEqualTo(ImportCommand.OK);
        Map<String, Map<String, Map<Outcome, Long>>> counts = second.lastReport().orElseThrow().counts();
        assertThat(counts.get("post").get("publish")).containsOnlyKeys(Outcome.UNCHANGED);
        assertThat(counts.get("comment").values()).allSatisfy(byOutcome -> assertThat(byOutcome.keySet())
                .isSubsetOf(Outcome.UNCHANGED, Outcome.SKIPPED));
        assertThat(counts.values().stream().flatMap(byStatus -> byStatus.values().stream())
                .flatMap(byOutcome -> byOutcome.keySet().stream())).doesNotContain(Outcome.IMPORTED);
    }

    private static ImportCommand command(ByteArrayOutputStream out) {
        return new ImportCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), Map.of(), false);
    }

    /** Every outcome the command's last import had for items of {@code type}, over all their statuses. */
    private static Set<Outcome> outcomes(ImportCommand command, String type) {
        return command.lastReport().orElseThrow().counts().get(type).values().stream()
                .flatMap(byOutcome -> byOutcome.keySet().stream())
                .collect(Collectors.toSet());
    }

    private static HttpResponse<String> get(String base, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
