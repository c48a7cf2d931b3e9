package se.newsroom.content;

import java.time.Instant;
import java.util.Optional;

import se.newsroom.error.StaleVersionException;

/** Where the privacy notice an administrator saved is kept. */
public interface PrivacyNoticeStore {
    /** The saved notice; empty when none has been saved (the site then shows the default). */
    Optional<PrivacyNotice> find();

    /**
     * Saves a new text, on condition that the notice is still at {@code expectedVersion}.
     *
     * @param expectedVersion the version the text was edited from; 0 for the default (no notice saved yet)
     * @return the notice as saved, at {@code expectedVersion + 1}
     * @throws StaleVersionException when someone saved another version meanwhile
     */
    PrivacyNotice save(String markdown, long expectedVersion, Instant now);
}
