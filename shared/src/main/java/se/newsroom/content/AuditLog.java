package se.newsroom.content;

import java.util.List;
import java.util.Optional;

import se.newsroom.error.InvalidCursorException;

/** The append-only audit log: entries are added, never changed or removed, and read newest first. */
public interface AuditLog {

    /**
     * Appends an entry that no other write goes with (an erasure's count). Entries that record a change of the table
     * are written in that change's own transaction, by the store making it.
     */
    void append(AuditEntry entry);

    /**
     * An article's entries (its saves, deletion, and its comments' moderation), newest first.
     *
     * @param cursor the {@link Page#nextCursor()} of the previous page
     * @throws InvalidCursorException when the cursor is not one this log made for this query
     */
    Page ofArticle(String articleId, int limit, Optional<String> cursor);

    /**
     * An editor's entries, newest first.
     *
     * @throws InvalidCursorException when the cursor is not one this log made for this query
     */
    Page ofEditor(String editor, int limit, Optional<String> cursor);

    /**
     * One page of entries.
     *
     * @param items      newest first
     * @param nextCursor where the next page starts, empty on the last page
     */
    record Page(List<AuditEntry> items, Optional<String> nextCursor) {
        public Page {
            items = List.copyOf(items);
        }
    }
}
