package se.newsroom.comments;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import se.newsroom.content.Comment;

/** A comment as the API shows it to editors; never the email or client address, which only exist as hashes. */
public record CommentView(String id, String articleId, String parentId, String author, String body, String status,
                          String createdAt) {

    public static CommentView of(Comment c, ZoneId zone) {
        return new CommentView(c.id(), c.articleId(), c.parentId().orElse(null), c.author(), c.body(),
                c.status().wireName(), DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(c.createdAt().atZone(zone)));
    }

    /** A page of the moderation queue. */
    public record Queue(List<CommentView> items, String nextCursor) {
    }

    /** What a reader's JSON post gets back: the id, and "pending" (even for what was judged spam). */
    public record Accepted(String id, String status) {
    }

    /** A moderation request. */
    public record Moderation(String status) {
    }

    /** An erasure request: every comment made with this email address. */
    public record Erasure(String email) {
    }

    /** What an erasure did. */
    public record Erased(int erased) {
    }
}
