package se.newsroom.comments;

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
        }
        String email = strip(in.email()).toLowerCase(Locale.ROOT);
        if (email.isEmpty()) {
            errors.add(new FieldError("email", "Skriv din e-postadress (den publiceras inte)."));
        } else if (email.length() > MAX_EMAIL || !EMAIL.matcher(email).matches()
                || Text.flaw(in.email(), true).isPresent()) {
            errors.add(new FieldError("email", "Skriv en giltig e-postadress, högst " + MAX_EMAIL + " tecken."));
        }
        before = errors.size();
        String body = text(errors, "body", "Kommentaren", in.body(), false);
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
        Optional<String> parentId = Optional.ofNullable(in.parentId()).map(String::strip).filter(p -> !p.isEmpty());
        if (parentId.isPresent() && !ArticleIds.isValid(parentId.get())) {
            errors.add(new FieldError("parentId", "Kommentaren du svarar på finns inte."));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("Kommentaren kunde inte tas emot: " + errors.size() + " fel.", errors);
        }
        return new CheckedComment(author, email, body, parentId, !strip(in.website()).isEmpty());
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
