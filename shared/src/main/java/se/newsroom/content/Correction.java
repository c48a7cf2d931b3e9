package se.newsroom.content;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A public correction of a published article: when it was made and the editor's short note, which the article's
 * page shows as "Rättelse 4 december 2019: …" (issue 17).
 *
 * @param at   when the corrected version was saved
 * @param note what was corrected, 1–{@value #MAX_NOTE} characters
 */
public record Correction(Instant at, String note) {
    /** The longest note an editor may write. */
    public static final int MAX_NOTE = 500;
    /** How many corrections an article keeps (the newest): bounded, as the article's item must stay under 400 KB. */
    public static final int MAX_KEPT = 50;

    public Correction {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(note, "note");
    }

    /** {@code earlier} with {@code added} after them, keeping the newest {@link #MAX_KEPT}, oldest first. */
    public static List<Correction> append(List<Correction> earlier, Correction added) {
        List<Correction> all = new ArrayList<>(earlier);
        all.add(added);
        return List.copyOf(all.subList(Math.max(0, all.size() - MAX_KEPT), all.size()));
    }
}
