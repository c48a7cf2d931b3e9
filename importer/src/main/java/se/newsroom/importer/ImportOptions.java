package se.newsroom.importer;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * How an import runs.
 *
 * @param dryRun   read and convert everything and say what would be written, writing nothing
 * @param uploads  a local copy of the old site's {@code wp-content/uploads}, where its pictures are taken from
 * @param hashSalt the comments function's salt (HASH_SALT), so imported email addresses hash as posted ones do
 */
public record ImportOptions(boolean dryRun, Optional<Path> uploads, String hashSalt) {
    public ImportOptions {
        Objects.requireNonNull(uploads, "uploads");
        Objects.requireNonNull(hashSalt, "hashSalt");
    }
}
