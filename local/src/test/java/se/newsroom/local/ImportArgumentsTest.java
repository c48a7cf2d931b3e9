package se.newsroom.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** What {@code local/import} accepts, and what it says in Swedish when it is used wrongly. */
class ImportArgumentsTest {
    private static final Path CALLER = Path.of("/home/redaktor");

    @Test
    void aLocalImport_shouldTakeItsPathsRelativeToWhereTheCommandWasStarted() {
        ImportArguments args = ImportArguments.parse(new String[] {"export.xml.gz", "--data-dir", "data",
            "--uploads", "wp/uploads", "--dry-run", "--report", "rapport.json"}, CALLER);

        assertThat(args.export()).isEqualTo(Path.of("/home/redaktor/export.xml.gz"));
        assertThat(args.dataDir()).contains(Path.of("/home/redaktor/data"));
        assertThat(args.uploads()).contains(Path.of("/home/redaktor/wp/uploads"));
        assertThat(args.report()).contains(Path.of("/home/redaktor/rapport.json"));
        assertThat(args.dryRun()).isTrue();
        assertThat(args.deployed()).isFalse();
    }

    @Test
    void aDeployedImport_shouldNameTheStacksResources() {
        ImportArguments args = ImportArguments.parse(new String[] {"/tmp/export.xml", "--table", "content",
            "--region", "eu-north-1", "--endpoint", "http://localhost:4566", "--render-function", "render",
            "--uploads-bucket", "uploads", "--salt-parameter", "/newsroom/hash-salt", "--uploads", "/tmp/u"},
                CALLER);

        assertThat(args.deployed()).isTrue();
        assertThat(args.table()).contains("content");
        assertThat(args.region()).contains("eu-north-1");
        assertThat(args.endpoint()).contains(URI.create("http://localhost:4566"));
        assertThat(args.renderFunction()).contains("render");
        assertThat(args.uploadsBucket()).contains("uploads");
        assertThat(args.saltParameter()).contains("/newsroom/hash-salt");
    }

    @Test
    void parse_shouldExplainInSwedish_whenTheTargetIsMissingOrDouble() {
        assertThatThrownBy(() -> ImportArguments.parse(new String[] {"export.xml"}, CALLER))
                .isInstanceOf(ImportArguments.UsageException.class)
                .hasMessage("Ange antingen --table (en driftsatt stack) eller --data-dir (lokalt), inte ingetdera.");
        assertThatThrownBy(() -> ImportArguments.parse(new String[] {"export.xml", "--table", "t", "--data-dir",
            "d"}, CALLER)).hasMessageEndingWith("inte båda.");
    }

    @Test
    void parse_shouldRefuse_whenAnOptionIsUnknownOrLacksItsValueOrTheFileIsMissing() {
        assertThatThrownBy(() -> ImportArguments.parse(new String[] {"export.xml", "--data-dir", "d", "--tabel",
            "t"}, CALLER)).hasMessage("Okänt argument: --tabel (se local/import --help)");
        assertThatThrownBy(() -> ImportArguments.parse(new String[] {"export.xml", "--data-dir"}, CALLER))
                .hasMessage("--data-dir behöver ett värde (se local/import --help).");
        assertThatThrownBy(() -> ImportArguments.parse(new String[] {"--data-dir", "d"}, CALLER))
                .hasMessage("Ange exportfilen från WordPress (se local/import --help).");
        assertThatThrownBy(() -> ImportArguments.parse(new String[] {"e.xml", "--table", "t", "--endpoint",
            "localhost"}, CALLER)).hasMessageStartingWith("--endpoint ska vara en adress");
    }

    @Test
    void parse_shouldRefuseTheStacksOptions_onALocalImport_andUploadsWithoutABucket_onADeployedOne() {
        assertThatThrownBy(() -> ImportArguments.parse(new String[] {"e.xml", "--data-dir", "d", "--region",
            "eu-north-1"}, CALLER)).hasMessageContaining("hör till --table");
        assertThatThrownBy(() -> ImportArguments.parse(new String[] {"e.xml", "--table", "t", "--uploads", "u"},
                CALLER)).hasMessageContaining("--uploads-bucket");
    }
}
