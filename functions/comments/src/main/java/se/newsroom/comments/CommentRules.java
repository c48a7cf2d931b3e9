package se.newsroom.comments;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import se.newsroom.content.ArticleIds;
import se.newsroom.content.CommentStatus;
import se.newsroom.content.Text;
import se.newsroom.error.FieldError;
import se.newsroom.error.InvalidInputException;
import se.newsroom.error.NotFoundException;

/** What a comment must be; the messages are in Swedish because readers see them on the form's error page. */
final class CommentRules {
    static final int MAX_AUTHOR = 245;
    static final int MAX_EMAIL = 100;
    static final int MAX_BODY = 5_000;
    static final int MAX_DEPTH = 5;
    /** The marking of the newsroom's own replies, which a reader may not take as a name. */
    static final String STAFF_NAME = "Redaktionen";
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s.]{2,}");

    private CommentRules() {
    }

    /**
     * A comment's fields, checked and trimmed.
     *
     * @param email lower-cased, for hashing
     */
    record CheckedComment(String author, String email, String body, Optional<String> parentId, boolean honeypotFilled) {
    }

    static CheckedComment check(CommentInput in) {
        List<FieldError> errors = new ArrayList<>();
        int before = errors.size();
        String author = text(errors, "author", "Namnet", in.author(), true);
        if (errors.size() > before) {
            // the character is named
        } else if (author.isEmpty()) {
            errors.add(new FieldError("author", "Skriv ditt namn."));
        } else if (!Text.hasVisible(author)) {
            errors.add(new FieldError("author", "Namnet måste innehålla minst ett synligt tecken."));
        } else if (length(author) > MAX_AUTHOR) {
            errors.add(new FieldError("author", "Namnet får vara högst " + MAX_AUTHOR + " tecken."));
        } else if (isStaffName(author)) {
            errors.add(new FieldError("author", "Namnet " + STAFF_NAME
                    + " är förbehållet redaktionens egna svar; välj ett annat namn."));
        }
        String email = strip(in.email()).toLowerCase(Locale.ROOT);
        if (email.isEmpty()) {
            errors.add(new FieldError("email", "Skriv din e-postadress (den publiceras inte)."));
        } else if (email.length() > MAX_EMAIL || !EMAIL.matcher(email).matches()
                || Text.flaw(in.email(), true).isPresent()) {
            errors.add(new FieldError("email", "Skriv en giltig e-postadress, högst " + MAX_EMAIL + " tecken."));
        }
        String body = body(errors, in.body());
        Optional<String> parentId = parentId(errors, in.parentId());
        if (!errors.isEmpty()) {
            throw new InvalidInputException("Kommentaren kunde inte tas emot: " + errors.size() + " fel.", errors);
        }
        return new CheckedComment(author, email, body, parentId, !strip(in.website()).isEmpty());
    }

    /**
     * A staff reply's text and the comment it answers, checked as a reader's are.
     *
     * @throws InvalidInputException naming the fields that are wrong, in Swedish
     */
    static CheckedReply checkReply(ReplyInput in) {
        List<FieldError> errors = new ArrayList<>();
        String body = body(errors, in.body());
        Optional<String> parentId = parentId(errors, in.parentId());
        if (!errors.isEmpty()) {
            throw new InvalidInputException("Svaret kunde inte sparas: " + errors.size() + " fel.", errors);
        }
        return new CheckedReply(body, parentId);
    }

    /** A staff reply's fields, checked and trimmed. */
    record CheckedReply(String body, Optional<String> parentId) {
    }

    /**
     * Whether a name reads as the staff marking, whatever its case, spacing or compatibility forms ("REDAKTIONEN",
     * "Red aktionen", "Redaktionen" in full-width letters).
     */
    static boolean isStaffName(String name) {
        String folded = Normalizer.normalize(name, Normalizer.Form.NFKC).replaceAll("[\\s\\p{Cf}\\p{Z}]", "");
        return folded.toLowerCase(Locale.ROOT).equals(STAFF_NAME.toLowerCase(Locale.ROOT));
    }

    private static String body(List<FieldError> errors, String value) {
        int before = errors.size();
        String body = text(errors, "body", "Kommentaren", value, false);
        if (errors.size() > before) {
            // the character is named
        } else if (body.isEmpty()) {
            errors.add(new FieldError("body", "Skriv en kommentar."));
        } else if (!Text.hasVisible(body)) {
            errors.add(new FieldError("body", "Kommentaren måste innehålla minst ett synligt tecken."));
        } else if (length(body) > MAX_BODY) {
            errors.add(new FieldError("body", "Kommentaren får vara högst " + MAX_BODY + " tecken (den har "
                    + length(body) + ")."));
        }
        return body;
    }

    private static Optional<String> parentId(List<FieldError> errors, String value) {
        Optional<String> parentId = Optional.ofNullable(value).map(String::strip).filter(p -> !p.isEmpty());
        if (parentId.isPresent() && !ArticleIds.isValid(parentId.get())) {
            errors.add(new FieldError("parentId", "Kommentaren du svarar på finns inte."));
        }
        return parentId;
    }

    /**
     * Refuses ids this system could not have made, as for comments that do not exist.
     *
     * @throws NotFoundException naming the first id that cannot be one
     */
    static void requireIds(String articleId, String commentId) {
        if (!ArticleIds.isValid(articleId)) {
            throw new NotFoundException("There is no article " + articleId + ".");
        }
        if (!ArticleIds.isValid(commentId)) {
            throw new NotFoundException("There is no comment " + commentId + ".");
        }
    }

    /** The status an editor moderates a comment to, by its wire name. */
    static CommentStatus moderationStatus(String value) {
        return CommentStatus.fromWireName(value == null ? "" : value).orElseThrow(() ->
                new InvalidInputException("status must be approved, rejected, spam or pending.",
                        FieldError.only("status", "must be approved, rejected, spam or pending")));
    }

    /** The address whose comments to erase, as hashed (trimmed, lower-cased). */
    static String erasureEmail(String value) {
        String email = strip(value).toLowerCase(Locale.ROOT);
        if (email.isEmpty()) {
            throw new InvalidInputException("Name the email address whose comments to erase.",
                    FieldError.only("email", "is required"));
        }
        return email;
    }

    /**
     * A text field stripped and {@link Text#normalize normalized} (NFC, LF line breaks), or, after adding an error in
     * Swedish naming the first character it may not hold, as sent; "" when absent.
     */
    private static String text(List<FieldError> errors, String field, String label, String value, boolean oneLine) {
        String stripped = strip(value);
        Optional<Text.Flaw> flaw = Text.flaw(value, false).or(() -> Text.flaw(stripped, oneLine));
        flaw.ifPresent(f -> errors.add(new FieldError(field, switch (f.kind()) {
            case LINE_BREAK -> label + " ska stå på en rad.";
            case BIDI_CONTROL -> label + " innehåller ett osynligt tecken som vänder textens riktning ("
                    + f.unicode() + "). Skriv det utan.";
            case REPLACEMENT -> label + " innehåller ett tecken som gått förlorat på vägen (" + f.unicode()
                    + "). Skriv det igen.";
            default -> label + " innehåller ett tecken som inte kan visas (" + f.unicode() + "). Skriv det utan.";
        })));
        return flaw.isPresent() ? stripped : Text.normalize(stripped);
    }

    private static String strip(String value) {
        return value == null ? "" : value.strip();
    }

    private static int length(String value) {
        return value.codePointCount(0, value.length());
    }
}
