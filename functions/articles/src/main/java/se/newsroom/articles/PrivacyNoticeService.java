package se.newsroom.articles;

import java.time.Clock;
import java.util.Optional;

import se.newsroom.content.PrivacyNotice;
import se.newsroom.content.PrivacyNoticeStore;
import se.newsroom.content.Text;
import se.newsroom.content.Timestamps;
import se.newsroom.error.FieldError;
import se.newsroom.error.InvalidInputException;
import se.newsroom.error.StaleVersionException;

/**
 * The site's privacy notice, which the comment form and every page's footer link to: read by any member of the
 * newsroom, replaced by an administrator. Saving it writes the table's item, whose stream record re-renders
 * {@code /integritet/}.
 */
public final class PrivacyNoticeService {
    private final PrivacyNoticeStore store;
    private final Clock clock;
    private final String contact;

    /** @param contact who readers ask to have their comments erased, named by the default text; "" for none */
    public PrivacyNoticeService(PrivacyNoticeStore store, Clock clock, String contact) {
        this.store = store;
        this.clock = clock;
        this.contact = contact;
    }

    /** What a save sends. */
    public record Input(String markdown) {
    }

    /** The notice the site shows: the saved text, or the bundled default (version 0) until one is saved. */
    public PrivacyNotice get() {
        return store.find().orElseGet(() -> PrivacyNotice.defaultNotice(contact));
    }

    /**
     * Replaces the notice.
     *
     * @param expectedVersion the version the text was edited from (the ETag of {@link #get}; 0 for the default)
     * @throws InvalidInputException when the text is empty, too long or holds a character it may not
     * @throws StaleVersionException when someone saved another version meanwhile
     */
    public PrivacyNotice save(long expectedVersion, Input input) {
        String markdown = Optional.ofNullable(input.markdown()).orElse("");
        Optional<Text.Flaw> flaw = Text.flaw(markdown, false);
        if (flaw.isPresent()) {
            throw invalid("Texten innehåller ett tecken som inte kan visas (" + flaw.get().unicode()
                    + "). Skriv den utan.");
        }
        markdown = Text.normalize(markdown).strip();
        if (!Text.hasVisible(markdown)) {
            throw invalid("Skriv integritetstexten: den kan inte vara tom.");
        }
        int length = markdown.codePointCount(0, markdown.length());
        if (length > PrivacyNotice.MAX_MARKDOWN) {
            throw invalid("Texten får vara högst " + PrivacyNotice.MAX_MARKDOWN + " tecken (den har " + length
                    + ").");
        }
        return store.save(markdown, expectedVersion, Timestamps.truncate(clock.instant()));
    }

    private static InvalidInputException invalid(String message) {
        return new InvalidInputException("Integritetstexten kunde inte sparas: " + message,
                FieldError.only("markdown", message));
    }
}
