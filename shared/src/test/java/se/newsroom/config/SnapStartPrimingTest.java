package se.newsroom.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class SnapStartPrimingTest {
    @Test
    void runAllRunsEveryRegisteredStepInOrderAndSurvivesAFailingOne() {
        List<String> ran = new ArrayList<>();
        SnapStartPriming.register("first", () -> ran.add("first"));
        SnapStartPriming.register("broken", () -> {
            throw new IllegalStateException("table not reachable");
        });
        SnapStartPriming.register("last", () -> ran.add("last"));

        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        int steps;
        try {
            steps = SnapStartPriming.runAll();
        } finally {
            System.setErr(err);
        }

        assertThat(ran).containsExactly("first", "last");
        assertThat(steps).isGreaterThanOrEqualTo(3);
        assertThat(captured.toString(StandardCharsets.UTF_8))
                .contains("Priming broken failed").contains("table not reachable");
    }
}
