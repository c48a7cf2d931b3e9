package se.newsroom.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import se.newsroom.emulators.Fault;
import se.newsroom.emulators.FaultInjector;
import se.newsroom.emulators.TemplateTable;

/**
 * The render path under S3's and DynamoDB's faults, in the local system: each stream record is rendered or in the
 * failure queue with its reason, and after the faults a redrive of the queue makes the site bucket equal, object
 * by object, to a full rebuild into a fresh bucket.
 */
class FaultsIT {
    private static final String TOKEN = "faults-token";

    private FaultInjector faults;
    private LocalRunner runner;
    private SiteClient site;

    @BeforeEach
    void start() throws Exception {
        faults = new FaultInjector(7, Duration.ofMillis(100));
        runner = new LocalRunner(new LocalRunner.Options(0, Optional.empty(), false, TOKEN,
                TemplateTable.templatePath().getParent()), new LocalRunner.Trial(Optional.of(faults), true));
        runner.rebuild();
        site = new SiteClient(runner.port(), TOKEN);
    }

    @AfterEach
    void stop() throws Exception {
        runner.close();
    }

    @Test
    void renderWhileS3Fails_putsTheBatchesInTheFailureQueueWithTheirReason_andARedriveEqualsAFullRebuild()
            throws Exception {
        List<String> urls = new ArrayList<>();
        urls.add(publish("Ny förskola i Förslöv", "Byggstart i vår."));
        assertThat(runner.awaitRendered(Duration.ofSeconds(30))).isTrue();
        assertThat(site.get(urls.getFirst()).statusCode()).isEqualTo(200);

        faults.next(100_000, Fault.SERVER_ERROR, "s3", "PutObject");
        urls.add(publish("Vägarbete på Köpmansgatan", "Omledning – följ skyltarna."));
        urls.add(publish("Badtemperaturer vecka 27", "Skälderviken: 21 °C."));
        assertThat(runner.awaitRendered(Duration.ofSeconds(60))).isTrue();

        List<StreamPoller.FailedBatch> queued = runner.failures();
        assertThat(queued).isNotEmpty().allSatisfy(batch -> {
            assertThat(batch.condition()).isEqualTo("RetryAttemptsExhausted");
            assertThat(batch.reason()).contains("We encountered an internal error", "Status Code: 500");
        });
        assertThat(site.get(urls.get(1)).statusCode()).as("not rendered while S3 fails").isEqualTo(404);

        faults.stop();
        assertThat(runner.redrive()).as("batches still failing after the redrive").isZero();
        runner.rebuildInto("rebuild-check");

        SiteComparison.Result comparison = SiteComparison.compare(runner.s3(), LocalRunner.BUCKET, "rebuild-check");
        assertThat(comparison.differences()).isEmpty();
        assertThat(comparison.objects()).isGreaterThan(10);
        for (String url : urls) {
            assertThat(site.get(url).statusCode()).as(url).isEqualTo(200);
        }
    }

    @Test
    void renderWhileDynamoDbReadsFailPassingly_retriesTheBatch_andNothingReachesTheFailureQueue() throws Exception {
        faults.next(2, Fault.TIMEOUT, "dynamodb", "Query");
        faults.next(1, Fault.THROTTLING, "dynamodb", "GetItem");

        String url = publish("Kulturnatt i Båstad", "Program i hela kommunen.");
        HttpResponse<String> page = site.await(url, r -> r.statusCode() == 200, Duration.ofSeconds(30));
        assertThat(runner.awaitRendered(Duration.ofSeconds(30))).isTrue();

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(faults.injected()).hasSize(3);
        assertThat(runner.failures()).isEmpty();
        runner.rebuildInto("rebuild-check");
        assertThat(SiteComparison.compare(runner.s3(), LocalRunner.BUCKET, "rebuild-check").differences()).isEmpty();
    }

    private String publish(String title, String body) {
        HttpResponse<String> created = site.editor("POST", "/api/articles", "{\"title\": \"" + title
                + "\", \"body\": \"" + body + "\", \"status\": \"published\", \"categories\": [\"Kommunen\"]}",
                Map.of());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return SiteClient.json(created).path("url").asText();
    }
}
