package se.newsroom.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;

/**
 * {@link FaultLoad}: readers and editors at once while DynamoDB and S3 fail now and then. The build runs a short
 * one; {@code bench/faults-under-load.sh} sets {@code load.readers}, {@code load.editors}, {@code load.seconds} and
 * {@code load.faultRate} for the full one. The table goes to standard output and {@code target/fault-load.md}.
 */
class FaultLoadIT {

    @Test
    void readersAndEditorsUnderFaults_loseNothing_doubleNothing_andSee5xxOnlyWhereAFaultWas() throws Exception {
        FaultLoad.Settings settings = new FaultLoad.Settings(Integer.getInteger("load.readers", 10),
                Integer.getInteger("load.editors", 2), Duration.ofSeconds(Integer.getInteger("load.seconds", 10)),
                Double.parseDouble(System.getProperty("load.faultRate", "0.05")), Long.getLong("load.seed", 11));

        FaultLoad.Report report = FaultLoad.run(settings);
        System.out.print(report.table());
        Files.writeString(Path.of("target", "fault-load.md"), report.table(), StandardCharsets.UTF_8);

        assertThat(report.faults().values().stream().mapToLong(Long::longValue).sum()).isGreaterThan(10);
        assertThat(report.rows()).allSatisfy(row -> {
            assertThat(row.lost()).as(row.operation() + " lost").isZero();
            assertThat(row.doubled()).as(row.operation() + " doubled").isZero();
            assertThat(row.unexplained5xx()).as(row.operation() + " 5xx without a fault").isZero();
        });
        assertThat(report.rows().getFirst().accepted()).isGreaterThan(20);
        assertThat(report.problems()).isEmpty();
        assertThat(report.stillFailing()).isZero();
        assertThat(report.siteDifferences()).isEmpty();
    }
}
