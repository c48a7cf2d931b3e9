package se.newsroom.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What an import did, for the final report: counts by type, status and outcome, and every item that needs a
 * person's eye. Filled by the import as it goes (thread-safe), printed at the end.
 */
public final class ImportReport {

    /** What happened to one item. */
    public enum Outcome {
        /** Written now. */
        IMPORTED,
        /** Already there from an earlier run of the same import: nothing written. */
        UNCHANGED,
        /** A dry run: what a real run would write. */
        WOULD_IMPORT,
        /** Left out on purpose (a page, a trashed comment, …); see {@link #skipped()}. */
        SKIPPED,
        /** Could not be written (after retries); a re-run finishes it; see {@link #failures()}. */
        FAILED
    }

    /**
     * One item needing a person's eye.
     *
     * @param type   post, comment, attachment, …, as WordPress names it
     * @param wpId   its WordPress id
     * @param title  the post's title (for a comment: its post's)
     * @param detail what happened and why, in Swedish
     */
    public record Line(String type, long wpId, String title, String detail) {
    }

    private final Map<String, Map<String, Map<Outcome, Long>>> counts = new TreeMap<>();
    private final List<Line> skipped = new ArrayList<>();
    private final List<Line> unmapped = new ArrayList<>();
    private final List<Line> missingImages = new ArrayList<>();
    private final List<Line> renamed = new ArrayList<>();
    private final List<Line> failures = new ArrayList<>();

    /** Counts one item of {@code type} (post, comment, attachment) with its WordPress {@code status}. */
    public synchronized void count(String type, String status, Outcome outcome) {
        counts.computeIfAbsent(type, t -> new TreeMap<>()).computeIfAbsent(status, s -> new TreeMap<>())
                .merge(outcome, 1L, Long::sum);
    }

    /** A skipped item, with why (also count it as {@link Outcome#SKIPPED}). */
    public synchronized void skipped(Line line) {
        skipped.add(line);
    }

    /** A construct the Markdown conversion could not carry, kept in the body as a marked paragraph. */
    public synchronized void unmapped(Line line) {
        unmapped.add(line);
    }

    /** An image that was not found under --uploads (or could not be brought across). */
    public synchronized void missingImage(Line line) {
        missingImages.add(line);
    }

    /** A post whose slug is not its wp:post_name (a collision, an empty name, a reserved address). */
    public synchronized void renamed(Line line) {
        renamed.add(line);
    }

    /** An item that could not be written; the run exits non-zero and a re-run finishes it. */
    public synchronized void failed(Line line) {
        failures.add(line);
    }

    /** type → WordPress status → outcome → how many. */
    public synchronized Map<String, Map<String, Map<Outcome, Long>>> counts() {
        Map<String, Map<String, Map<Outcome, Long>>> copy = new TreeMap<>();
        counts.forEach((type, byStatus) -> {
            Map<String, Map<Outcome, Long>> statuses = new TreeMap<>();
            byStatus.forEach((status, byOutcome) -> statuses.put(status, Map.copyOf(byOutcome)));
            copy.put(type, statuses);
        });
        return copy;
    }

    public synchronized List<Line> skipped() {
        return List.copyOf(skipped);
    }

    public synchronized List<Line> unmapped() {
        return List.copyOf(unmapped);
    }

    public synchronized List<Line> missingImages() {
        return List.copyOf(missingImages);
    }

    public synchronized List<Line> renamed() {
        return List.copyOf(renamed);
    }

    public synchronized List<Line> failures() {
        return List.copyOf(failures);
    }

    /** Whether everything that should come across did (nothing failed). */
    public synchronized boolean complete() {
        return failures.isEmpty();
    }
}
