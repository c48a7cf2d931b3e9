package se.newsroom.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

/** The import's progress: a line redrawn in place on a terminal, plain lines now and then in a log. */
class ImportProgressTest {

    /** A clock a test moves by hand. */
    private static final class HandClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T10:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void onATerminal_theLine_shouldShowPhaseBarPercentItemsRateAndTimeLeft_redrawnInPlace() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        HandClock clock = new HandClock();
        ImportProgress progress = new ImportProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8), true,
                clock);

        progress.phase("Skriver", 1000);
        clock.advance(Duration.ofSeconds(10));
        progress.progress(250, 500);
        clock.advance(Duration.ofSeconds(10));
        progress.progress(500, 1000);
        progress.finished();

        String shown = bytes.toString(StandardCharsets.UTF_8);
        // Redrawn with a carriage return, the rest of the old line cleared, one newline at the end.
        assertThat(shown).startsWith("\rSkriver [######                  ]  25 %  500 poster  50/s  0:30 kvar");
        assertThat(shown).contains("\rSkriver [############            ]  50 %  1\u00a0000 poster  50/s  0:20 kvar");
        assertThat(shown).endsWith("\n").doesNotContain("\n\r");
    }

    @Test
    void inALog_progress_shouldBeAPlainLineEveryFewSeconds_notOneAnItem() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        HandClock clock = new HandClock();
        ImportProgress progress = new ImportProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8), false,
                clock);

        progress.phase("Läser", 100);
        for (int i = 1; i <= 100; i++) {
            clock.advance(Duration.ofMillis(100));
            progress.progress(i, i);
        }
        progress.finished();

        String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
        assertThat(lines[0]).isEqualTo("Läser …");
        // 10 s of progress: a line at the first call, after 5 s and after 10 s, and the last at the end.
        assertThat(lines).hasSizeBetween(3, 5);
        assertThat(lines[lines.length - 1]).isEqualTo("Läser 100 %  100 poster  10/s");
        assertThat(String.join("\n", lines)).doesNotContain("\r", "[#");
    }

    @Test
    void aPhaseEndingBetweenTwoLines_shouldShowWhereItEnded_andTheRebuildNoItems() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        HandClock clock = new HandClock();
        ImportProgress progress = new ImportProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8), false,
                clock);

        progress.phase("Importerar", 100);
        for (int i = 1; i <= 22; i++) { // a small export: all of it read within one line's interval
            clock.advance(Duration.ofMillis(10));
            progress.progress(100, i);
        }
        progress.phase("Bygger om webbplatsen", 1);
        clock.advance(Duration.ofSeconds(2));
        progress.progress(1, 0);
        progress.finished();

        String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
        assertThat(lines).contains("Importerar 100 %  22 poster  100/s", "Bygger om webbplatsen 100 %");
    }
}
