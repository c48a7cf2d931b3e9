package se.newsroom.content;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import se.newsroom.error.ConflictException;
import se.newsroom.error.InvalidCursorException;
import se.newsroom.error.NotFoundException;
import se.newsroom.error.TooManyRequestsException;

/** Where comments live, beside their article in the content table. */
public interface CommentStore {

    /**
     * The hashes stored with a comment instead of what they hash.
     *
     * @param email     the commenter's email address, for erasure
     * @param client    the client's address, for rate limits
     * @param duplicate the article and text, so the same text from the same email address is stored once
     */
    record Hashes(String email, String client, String duplicate) {
    }

    /**
     * How often one client may comment.
     *
     * @param floodSeconds seconds between two comments
     * @param perHour      comments in one clock hour
     */
    record Limits(int floodSeconds, int perHour) {
    }

    /**
     * One page of the moderation queue.
     *
     * @param nextCursor where the next page starts, empty on the last page
     */
    record PendingComments(List<Comment> items, Optional<String> nextCursor) {
        public PendingComments {
            items = List.copyOf(items);
        }
    }

    /**
     * Stores a new comment, counting it against the client's limits (a refused one is given back). Nothing is
     * half-written: a failure at any point leaves no state that refuses a later post of it or hides it from erasure.
     *
     * @param checks the caller's checks that need reads (is the article open, the comment replied to), run while the
     *               store counts and claims; they answer the comment to store (e.g. with its depth) or throw, and
     *               then nothing is stored and their exception is thrown
     * @return the comment as stored (its id may be that of an earlier attempt at the same text that never finished)
     * @throws ConflictException        when the same text from the same email address is on the article already
     * @throws TooManyRequestsException when the client is over a limit
     */
    Comment post(Comment comment, Hashes hashes, Limits limits, Instant now, Supplier<Comment> checks);

    /** {@link #post(Comment, Hashes, Limits, Instant, Supplier)} with no checks of the caller's. */
    default Comment post(Comment comment, Hashes hashes, Limits limits, Instant now) {
        return post(comment, hashes, limits, now, () -> comment);
    }

    /**
     * Stores the newsroom's own reply ({@link Comment#staff()}, approved) with its audit entry, in one transaction:
     * no rate limit and no address to erase it by, so no other item.
     *
     * @param checks the caller's checks that need reads (the article, the comment replied to), run first; they
     *               answer the comment to store (e.g. with its depth) or throw, and then nothing is stored
     * @param audit  who replied, recorded with the reply
     * @return the reply as stored
     * @throws ConflictException when a comment with its id exists already
     */
    Comment reply(Supplier<Comment> checks, AuditEntry audit);

    /** A comment of an article. */
    Optional<Comment> find(String articleId, String commentId);

    /**
     * Pending comments, oldest first.
     *
     * @throws InvalidCursorException when the cursor is not one this store made
     */
    PendingComments pending(int limit, Optional<String> cursor);

    /**
     * Sets a comment's status, and appends {@code audit} (who did it) to the audit log in the same transaction;
     * only pending comments are in the moderation queue.
     *
     * @throws NotFoundException when there is no such comment
     */
    Comment moderate(String articleId, String commentId, CommentStatus status, AuditEntry audit);

    /**
     * Erases a comment and every trace of it (its erasure marker, its duplicate check); the comment's deletion and
     * {@code audit} are one transaction.
     *
     * @throws NotFoundException when there is no such comment
     */
    void delete(String articleId, String commentId, AuditEntry audit);

    /**
     * Erases every comment made with the email address behind this hash; returns how many. Then appends one audit
     * entry: {@code editor} erased that many comments at {@code at}, and nothing of whose (no address, no hash).
     */
    int eraseByEmail(String emailHash, Instant at, String editor, String editorName);

    /**
     * Erases every comment of an article, whatever its status, with their erasure markers, a page at a time (no
     * transaction, so no limit on their number); run again, it finishes what a failed run left. Returns how many.
     */
    int deleteAllOf(String articleId);
}
