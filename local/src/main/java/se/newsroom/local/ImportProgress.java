package se.newsroom.local;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import se.newsroom.importer.ImportListener;

/**
 * How far an import has come: on a terminal, one line redrawn in place (phase, a bar and the percent of the file's
 * bytes, items, items a second, time left); in a log (no console, or TERM=dumb), a plain line every few seconds.
 */
final class ImportProgress implements ImportListener {
    /** How often a plain line is written to a log. */
    static final Duration LOG_EVERY = Duration.ofSeconds(5);
    /** How often the terminal's line is redrawn at most. */
    private static final Duration REDRAW_EVERY = Duration.ofMillis(200);
    private static final int BAR = 24;

    private final PrintStream out;
    private final boolean terminal;
    private final Clock clock;
    private String phase = "";
    private long total;
    private Instant phaseStarted;
    private Instant lastShown = Instant.MIN;
    private boolean lineOpen;
    private long done;
    private long items;

    ImportProgress(PrintStream out, boolean terminal, Clock clock) {
        this.out = out;
        this.terminal = terminal;
        this.clock = clock;
    }

    /** Whether this process writes to a terminal that can redraw a line. */
    static boolean onTerminal() {
        return System.console() != null && !"dumb".equals(System.getenv("TERM"));
    }

    @Override
    public synchronized void phase(String name, long phaseTotal) {
        if (phaseStarted != null && done > 0) {
            show(clock.instant()); // where the phase ended, not where it was last drawn
        }
        endLine();
        phase = name;
        total = phaseTotal;
        done = 0;
        items = 0;
        phaseStarted = clock.instant();
        lastShown = Instant.MIN;
        if (!terminal) {
            out.println(name + " …");
        }
    }

    @Override
    public synchronized void progress(long phaseDone, long phaseItems) {
        done = phaseDone;
        items = phaseItems;
        Instant now = clock.instant();
        if (Duration.between(lastShown, now).compareTo(terminal ? REDRAW_EVERY : LOG_EVERY) < 0) {
            return;
        }
        lastShown = now;
        show(now);
    }

    @Override
    public synchronized void finished() {
        if (phaseStarted != null && done > 0) {
            show(clock.instant());
        }
        // Told once by the import and once more by the command: the second time shows nothing again.
        items = 0;
        done = 0;
        endLine();
    }

    private void show(Instant now) {
        String line = line(now);
        if (terminal) {
            out.print("\r" + line + "\u001b[K");
            lineOpen = true;
        } else {
            out.println(line);
        }
        out.flush();
    }

    /** The progress as one line of text (without the terminal's redraw). */
    synchronized String line(Instant now) {
        double seconds = Math.max(Duration.between(phaseStarted == null ? now : phaseStarted, now).toMillis(), 1)
                / 1000.0;
        double fraction = total > 0 ? Math.min(1.0, (double) done / total) : 0;
        StringBuilder line = new StringBuilder(phase).append(' ');
        if (terminal) {
            int filled = (int) Math.round(fraction * BAR);
            line.append('[').append("#".repeat(filled)).append(" ".repeat(BAR - filled)).append("] ");
        }
        line.append(String.format(Locale.ROOT, "%3d %%", Math.round(fraction * 100)));
        if (items > 0) { // a phase of items (not the rebuild): how many, how fast
            line.append(String.format(Locale.ROOT, "  %,d poster  %,.0f/s", items, items / seconds)
                    .replace(',', '\u00a0'));
        }
        if (fraction > 0.01 && fraction < 1) {
            long left = Math.round(seconds * (1 - fraction) / fraction);
            line.append(String.format(Locale.ROOT, "  %d:%02d kvar", left / 60, left % 60));
        }
        return line.toString();
    }

    private void endLine() {
        if (lineOpen) {
            out.println();
            lineOpen = false;
        }
    }
}
