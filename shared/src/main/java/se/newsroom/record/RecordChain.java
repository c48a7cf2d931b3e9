package se.newsroom.record;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks an article's public record link by link: each stored version must hash to the hash it holds, name the
 * version its key names, and hold the hash of the version stored before it ("" for the first). The first version
 * failing any of these is reported; a version removed from the middle (or the start) shows as the next one's
 * broken link.
 */
public final class RecordChain {
    private final RecordStore store;

    public RecordChain(RecordStore store) {
        this.store = store;
    }

    /**
     * A stored version as the check saw it.
     *
     * @param hash the hash it holds (not necessarily its own: see {@link Check#broken()})
     */
    public record Version(long version, String key, String savedAt, String publishedAt, String title, String hash,
                          String previousHash, int corrections) {
    }

    /**
     * Where the chain breaks.
     *
     * @param version the first version whose hash or link is wrong
     * @param reason  what is wrong with it, in Swedish, as the desk shows it
     */
    public record Broken(long version, String reason) {
    }

    /**
     * The outcome of a check.
     *
     * @param versions every version stored, oldest first
     * @param broken   the first fault; empty when the record is untampered
     */
    public record Check(String articleId, List<Version> versions, Optional<Broken> broken) {
        public Check {
            versions = List.copyOf(versions);
        }

        public boolean verified() {
            return broken.isEmpty();
        }
    }

    /** Reads every stored version of the article, oldest first, and checks the chain. */
    public Check verify(String articleId) {
        List<Version> versions = new ArrayList<>();
        Optional<Broken> broken = Optional.empty();
        String previousHash = "";
        long previousVersion = 0;
        for (String key : store.keys(PublicRecord.prefix(articleId))) {
            long keyVersion = PublicRecord.versionOf(key);
            Optional<byte[]> bytes = store.read(key);
            if (keyVersion < 0 || bytes.isEmpty()) {
                broken = first(broken, new Broken(Math.max(keyVersion, 0), "Objektet " + key
                        + " är ingen version av nyhetens register."));
                continue;
            }
            PublicRecord record;
            try {
                record = PublicRecord.parse(bytes.get());
            } catch (IllegalArgumentException e) {
                broken = first(broken, new Broken(keyVersion, "Version " + keyVersion + " är inte läsbar JSON."));
                continue;
            }
            versions.add(new Version(keyVersion, key, record.text("savedAt"), record.text("publishedAt"),
                    record.text("title"), record.hash(), record.previousHash(), record.corrections()));
            if (!record.intact()) {
                broken = first(broken, new Broken(keyVersion, "Version " + keyVersion
                        + " har ändrats: dess innehåll stämmer inte med dess hash."));
            } else if (record.version() != keyVersion || !articleId.equals(record.articleId())) {
                broken = first(broken, new Broken(keyVersion, "Version " + keyVersion
                        + " ligger under fel nyckel: den säger sig vara version " + record.version() + " av "
                        + record.articleId() + "."));
            } else if (!record.previousHash().equals(previousHash)) {
                broken = first(broken, new Broken(keyVersion, "Version " + keyVersion + " pekar inte på "
                        + (previousVersion == 0 ? "början av registret" : "version " + previousVersion)
                        + ": en tidigare version saknas eller har ändrats."));
            }
            previousHash = record.hash();
            previousVersion = keyVersion;
        }
        return new Check(articleId, versions, broken);
    }

    private static Optional<Broken> first(Optional<Broken> found, Broken next) {
        return found.isPresent() ? found : Optional.of(next);
    }
}
