package se.newsroom.comments;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

import se.newsroom.content.ArticleStatus;
import se.newsroom.content.Comment;
import se.newsroom.content.ListedArticle;

/**
 * A comment as the API shows it to editors; never the email or client address, which only exist as hashes.
 *
 * @param staff whether it is the newsroom's own reply (always written, false for a reader's)
 */
public record CommentView(String id, String articleId, String parentId, String author, String body, String status,
                          String createdAt, @JsonInclude(JsonInclude.Include.ALWAYS) boolean staff) {

    public static CommentView of(Comment c, ZoneId zone) {
        return new CommentView(c.id(), c.articleId(), c.parentId().orElse(null), c.author(), c.body(),
                c.status().wireName(), DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(c.createdAt().atZone(zone)),
                c.staff());
    }

    /** A page of the moderation queue. */
    public record Queue(List<Queued> items, String nextCursor) {
    }

    /** A comment in the moderation queue: the comment, and the article it is on. */
    public record Queued(@JsonUnwrapped CommentView comment, ArticleRef article) {
    }

    /**
     * The article a comment is on, for the queue to name and link it.
     *
     * @param title its title; null (written as such) when it has been deleted since
     * @param url   its page; null (written as such) unless it is published
     */
    public record ArticleRef(String id, @JsonInclude(JsonInclude.Include.ALWAYS) String title,
                             @JsonInclude(JsonInclude.Include.ALWAYS) String url) {
        /** The reference to article {@code id}, when found. */
        public static ArticleRef of(String id, Optional<ListedArticle> article) {
            return new ArticleRef(id, article.map(ListedArticle::title).orElse(null), article
                    .filter(a -> a.status() == ArticleStatus.PUBLISHED).map(ListedArticle::url).orElse(null));
        }
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
