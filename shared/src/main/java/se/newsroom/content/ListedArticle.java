package se.newsroom.content;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An article as a listing holds it: everything but its body (the table's ArticlesByStatus index does not project
 * bodies). It cannot be saved back; read the {@link Article} for that.
 *
 * @param image its featured image: empty when it has none, and in an item of the ArticlesByStatus index, which does
 *              not project it (its projection cannot change in place); the site's lists read it beside the index
 * @see Article for the meaning of each field
 */
public record ListedArticle(String id, String slug, String title, String summary, List<String> categories,
                            List<String> related, ArticleStatus status, Optional<Instant> publishAt,
                            Optional<Instant> publishedAt, Instant createdAt, Instant updatedAt, String author,
                            boolean commentsOpen, long version, List<String> previousSlugs,
                            Optional<ArticleImage> image) {
    public ListedArticle {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(summary, "summary");
        categories = List.copyOf(categories);
        related = List.copyOf(related);
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(publishAt, "publishAt");
        Objects.requireNonNull(publishedAt, "publishedAt");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(author, "author");
        previousSlugs = List.copyOf(previousSlugs);
        Objects.requireNonNull(image, "image");
    }

    /** A listed article without its featured image. */
    public ListedArticle(String id, String slug, String title, String summary, List<String> categories,
                         List<String> related, ArticleStatus status, Optional<Instant> publishAt,
                         Optional<Instant> publishedAt, Instant createdAt, Instant updatedAt, String author,
                         boolean commentsOpen, long version, List<String> previousSlugs) {
        this(id, slug, title, summary, categories, related, status, publishAt, publishedAt, createdAt, updatedAt,
                author, commentsOpen, version, previousSlugs, Optional.empty());
    }

    /** A copy with this featured image. */
    public ListedArticle withImage(Optional<ArticleImage> newImage) {
        return new ListedArticle(id, slug, title, summary, categories, related, status, publishAt, publishedAt,
                createdAt, updatedAt, author, commentsOpen, version, previousSlugs, newImage);
    }

    /** Its path on the site. */
    public String url() {
        return Article.PATH_PREFIX + slug + "/";
    }

    /** The whole article, given its body. */
    public Article withBody(String body) {
        return new Article(id, slug, title, summary, body, categories, related, status, publishAt, publishedAt,
                createdAt, updatedAt, author, commentsOpen, version, previousSlugs, image);
    }
}
