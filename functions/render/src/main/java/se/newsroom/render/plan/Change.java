package se.newsroom.render.plan;

import java.util.Optional;

import se.newsroom.content.Article;
import se.newsroom.content.Comment;
import se.newsroom.content.Media;

/** What one stream record changed, as far as the site is concerned. */
public sealed interface Change {
    /**
     * An article was created, changed or deleted.
     *
     * @param before its state before the change, empty when created
     * @param after  its state after the change, empty when deleted
     */
    record ArticleChanged(Optional<Article> before, Optional<Article> after) implements Change {
    }

    /**
     * A comment of an article was added, moderated or erased.
     *
     * @param before its state before the change, empty when posted
     * @param after  its state after the change, empty when erased
     */
    record CommentChanged(String articleId, Optional<Comment> before, Optional<Comment> after) implements Change {
    }

    /**
     * A picture of the media library was asked for, read, edited (alt text, caption, credit) or deleted; an article
     * save that starts using it writes it too (its use version).
     *
     * @param before its state before the change, empty when asked for
     * @param after  its state after the change, empty when deleted
     */
    record MediaChanged(String mediaId, Optional<Media> before, Optional<Media> after) implements Change {
    }

    /** An administrator saved the privacy notice (its page and its sitemap entry show it). */
    record PrivacyNoticeChanged() implements Change {
    }
}
