package se.newsroom.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** A short {@link FaultLoad}: readers and editors at once while DynamoDB and S3 fail now and then. */
class FaultLoadIT {

    @Test
    void readersAndEditorsUnderFaults_loseNothing_doubleNothing_andSee5xxOnlyWhereAFaultWas() throws Exception {
        FaultLoad.Report report = FaultLoad.run(new FaultLoad.Settings(10, 2, Duration.ofSeconds(10), 0.05, 11));
        System.out.print(report.table());

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
