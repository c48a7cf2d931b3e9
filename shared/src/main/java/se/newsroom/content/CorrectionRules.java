package se.newsroom.content;

import java.time.Instant;
import java.util.Optional;

import se.newsroom.error.FieldError;
import se.newsroom.error.InvalidInputException;

/**
 * When a save may be a public correction, and what its note may hold: only a published article that stays
 * published is corrected (a draft has no readers to tell), with a note of 1–{@value Correction#MAX_NOTE}
 * characters. The messages are Swedish, as the desk shows them.
 */
public final class CorrectionRules {
    /** The field a refused correction is reported on. */
    public static final String FIELD = "correction";

    private CorrectionRules() {
    }

    /**
     * The correction a save asks for, checked.
     *
     * @param input  what the editor sent, or null for an ordinary save
     * @param before the stored article's status, empty on a create
     * @param after  the status the save gives it
     * @param at     when the save happens (the correction's date)
     * @return empty for an ordinary save
     * @throws InvalidInputException (422 on {@code correction} or {@code correction.note}) when it may not be one
     */
    public static Optional<Correction> check(ArticleInput.CorrectionInput input, Optional<ArticleStatus> before,
                                             ArticleStatus after, Instant at) {
        if (input == null) {
            return Optional.empty();
        }
        if (before.filter(s -> s == ArticleStatus.PUBLISHED).isEmpty() || after != ArticleStatus.PUBLISHED) {
            throw invalid(FIELD, "En rättelse kan bara göras i en publicerad nyhet som förblir publicerad; "
                    + "spara ändringen utan rättelse.");
        }
        String note = Optional.ofNullable(input.note()).map(String::strip).orElse("");
        Optional<Text.Flaw> flaw = Text.flaw(note, true);
        if (flaw.isPresent()) {
            throw invalid(FIELD + ".note", flaw.get().message());
        }
        int length = note.codePointCount(0, note.length());
        if (!Text.hasVisible(note)) {
            throw invalid(FIELD + ".note", "Skriv vad som rättades (1–" + Correction.MAX_NOTE + " tecken).");
        }
        if (length > Correction.MAX_NOTE) {
            throw invalid(FIELD + ".note", "Rättelsens text får ha högst " + Correction.MAX_NOTE + " tecken (den har "
                    + length + ").");
        }
        return Optional.of(new Correction(at, Text.normalize(note)));
    }

    private static InvalidInputException invalid(String field, String message) {
        return new InvalidInputException("Rättelsen kan inte sparas: " + message, FieldError.only(field, message));
    }
}
