package se.newsroom.content;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

/**
 * The site's privacy notice (GDPR, articles 13 and 14): what a comment stores, for how long, and how to have it
 * erased, as Markdown. An administrator's text when one is saved; until then the bundled Swedish default.
 *
 * @param markdown  the text
 * @param updatedAt when it was saved; empty for the default
 * @param version   1 for the first saved text, one more for each save after it; 0 for the default
 */
public record PrivacyNotice(String markdown, Optional<Instant> updatedAt, long version) {
    /** The most characters (code points) the notice may have. */
    public static final int MAX_MARKDOWN = 20_000;
    /** The address of its page on the site. */
    public static final String PATH = "/integritet/";

    private static final String DEFAULT = read("privacy-notice.md");

    /**
     * The bundled default, with the contact for erasure requests filled in.
     *
     * @param contact who to ask (e.g. an email address); empty when none is configured
     */
    public static PrivacyNotice defaultNotice(String contact) {
        String ask = contact.isBlank()
                ? "Kontakta kommunen och be om att få dina kommentarer raderade."
                : "Skriv till " + contact.strip() + " och be om att få dina kommentarer raderade.";
        return new PrivacyNotice(DEFAULT.replace("{kontakt}", ask), Optional.empty(), 0);
    }

    /** Whether this is the bundled default rather than a saved text. */
    public boolean isDefault() {
        return version == 0;
    }

    private static String read(String name) {
        try (InputStream in = PrivacyNotice.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("The bundled " + name + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
