package se.newsroom.content;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the moderators' comment digest reads and keeps: the pending comments they have not been told of yet, and the
 * watermark that says which those are (the id of the newest comment a digest has covered; comment ids are ULIDs, so
 * they sort by the time they were posted).
 */
public interface CommentDigestStore {

    /**
     * A pending comment as the digest counts it: where it waits and since when. Nothing that names or reaches its
     * writer (no author, no address, no hash) is read at all.
     */
    record Waiting(String commentId, String articleId, Instant createdAt) {
    }

    /**
     * How far the digests have come.
     *
     * @param after the id of the newest comment a digest has covered; empty before the first digest
     */
    record Watermark(Optional<String> after) {
        /** Before any digest. */
        public static final Watermark NONE = new Watermark(Optional.empty());
    }

    /** The watermark as it is now (read consistently). */
    Watermark watermark();

    /**
     * Every pending comment whose id sorts after {@code after} and not after {@code upTo}, oldest first, read from
     * the moderation queue page by page.
     */
    List<Waiting> waiting(Watermark after, String upTo);

    /**
     * Moves the watermark from {@code from} to {@code to}, on condition that it is still {@code from}: of two runs
     * that read the same watermark, only one moves it.
     *
     * @return false when another run moved it first (this one must then tell nobody anything)
     */
    boolean advance(Watermark from, String to, Instant at);

    /**
     * Puts the watermark back from {@code to} to {@code from} after a digest that could not be sent, on condition that
     * no later run has moved it since (then the next run covers the same comments again).
     *
     * @return false when it had moved on (those comments then go untold, and the caller says so in its log)
     */
    boolean giveBack(String to, Watermark from, Instant at);
}
