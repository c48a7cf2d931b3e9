package se.newsroom.content;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One saved version of an article, as its save left it, with who saved it and what the save changed.
 *
 * @param version      the article's version this save made
 * @param savedAt      when
 * @param savedBy      the editor's stable id
 * @param savedByName  how the editor was shown then
 * @param action       what the save did
 * @param changed      the fields that differ from the version before ({@link RevisionFields})
 * @param correction   the correction note, when the save was one
 * @param restoredFrom the revision a restore brought back
 * @param article      the article as saved; empty when read as a listing (without bodies)
 */
public record Revision(long version, Instant savedAt, String savedBy, String savedByName, AuditAction action,
                       List<String> changed, Optional<String> correction, Optional<Long> restoredFrom,
                       Optional<Article> article) {
    public Revision {
        Objects.requireNonNull(savedAt, "savedAt");
        changed = List.copyOf(changed);
    }

    /**
     * One page of an article's revisions, newest first.
     *
     * @param items      without their articles
     * @param nextCursor where the next page starts, empty on the last page
     */
    public record Page(List<Revision> items, Optional<String> nextCursor) {
        public Page {
            items = List.copyOf(items);
        }
    }
}
