package se.newsroom.content;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A news article as stored: the editor's Markdown source and its publishing state. Listings, which carry no
 * bodies, hold {@link ListedArticle}s instead.
 *
 * @param id            sortable id (a ULID)
 * @param slug          the last part of its URL, unique on the site
 * @param title         the headline
 * @param summary       the lead shown in lists; may be empty
 * @param body          Markdown source
 * @param categories    category names, in the editor's order
 * @param related       ids of other articles, shown under "Läs mer"
 * @param status        draft, review, scheduled or published
 * @param publishAt     when a scheduled article goes live
 * @param publishedAt   when it went (or, for a migrated article, first went) live
 * @param createdAt     when it was created
 * @param updatedAt     when it was last changed
 * @param author        the byline
 * @param commentsOpen  whether readers may comment
 * @param version       the optimistic-lock version, 1 on create, +1 on each update
 * @param previousSlugs slugs it had before; each still redirects here
 * @param image         its featured image, if any
 * @param legacyPaths   the addresses it had on the site it was moved from (e.g. WordPress's {@code /2019/12/04/x/}
 *                      and {@code /?p=123}), each answering with a redirect here; empty for an article made here
 */
public record Article(String id, String slug, String title, String summary, String body, List<String> categories,
                      List<String> related, ArticleStatus status, Optional<Instant> publishAt,
                      Optional<Instant> publishedAt, Instant createdAt, Instant updatedAt, String author,
                      boolean commentsOpen, long version, List<String> previousSlugs, Optional<ArticleImage> image,
                      List<String> legacyPaths) {

    /** Where every article lives on the site. */
    public static final String PATH_PREFIX = "/nyheter/";

    public Article {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(image, "image");
        // Everything but the body is what a listing holds: checked (and the lists copied) in one place.
        ListedArticle listed = new ListedArticle(id, slug, title, summary, categories, related, status, publishAt,
                publishedAt, createdAt, updatedAt, author, commentsOpen, version, previousSlugs);
        categories = listed.categories();
        related = listed.related();
        previousSlugs = listed.previousSlugs();
        legacyPaths = List.copyOf(legacyPaths);
    }

    /** An article made here, with no addresses from a site it was moved from. */
    public Article(String id, String slug, String title, String summary, String body, List<String> categories,
                   List<String> related, ArticleStatus status, Optional<Instant> publishAt,
                   Optional<Instant> publishedAt, Instant createdAt, Instant updatedAt, String author,
                   boolean commentsOpen, long version, List<String> previousSlugs, Optional<ArticleImage> image) {
        this(id, slug, title, summary, body, categories, related, status, publishAt, publishedAt, createdAt, updatedAt,
                author, commentsOpen, version, previousSlugs, image, List.of());
    }

    /** An article without a featured image. */
    public Article(String id, String slug, String title, String summary, String body, List<String> categories,
                   List<String> related, ArticleStatus status, Optional<Instant> publishAt,
                   Optional<Instant> publishedAt, Instant createdAt, Instant updatedAt, String author,
                   boolean commentsOpen, long version, List<String> previousSlugs) {
        this(id, slug, title, summary, body, categories, related, status, publishAt, publishedAt, createdAt, updatedAt,
                author, commentsOpen, version, previousSlugs, Optional.empty());
    }

    /** The pictures it uses: its featured image and its body's, distinct. */
    public Set<String> mediaIds() {
        return MediaReferences.of(image, body);
    }

    /** A builder for a new article: an empty draft at version 1 until told otherwise. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from this article, to change a few fields and keep the rest. */
    public Builder toBuilder() {
        return new Builder().id(id).slug(slug).title(title).summary(summary).body(body).categories(categories)
                .related(related).status(status).publishAt(publishAt).publishedAt(publishedAt).createdAt(createdAt)
                .updatedAt(updatedAt).author(author).commentsOpen(commentsOpen).version(version)
                .previousSlugs(previousSlugs).image(image).legacyPaths(legacyPaths);
    }

    /** Its path on the site, e.g. {@code /nyheter/politiska-styrningen-av-individ-och-familj-utreds/}. */
    public String url() {
        return PATH_PREFIX + slug + "/";
    }

    /** What a listing shows of it: everything but the body. */
    public ListedArticle listed() {
        return new ListedArticle(id, slug, title, summary, categories, related, status, publishAt, publishedAt,
                createdAt, updatedAt, author, commentsOpen, version, previousSlugs, image);
    }

    /** A copy with these addresses from the site it was moved from. */
    public Article withLegacyPaths(List<String> paths) {
        return toBuilder().legacyPaths(paths).build();
    }

    /** A copy with another slug, as the store settles it when the wanted one is taken. */
    public Article withSlug(String newSlug) {
        return toBuilder().slug(newSlug).build();
    }

    /** Builds an {@link Article}; {@link #build()} checks what the record's constructor checks. */
    public static final class Builder {
        private String id;
        private String slug;
        private String title;
        private String summary = "";
        private String body = "";
        private List<String> categories = List.of();
        private List<String> related = List.of();
        private ArticleStatus status = ArticleStatus.DRAFT;
        private Optional<Instant> publishAt = Optional.empty();
        private Optional<Instant> publishedAt = Optional.empty();
        private Instant createdAt;
        private Instant updatedAt;
        private String author;
        private boolean commentsOpen = true;
        private long version = 1;
        private List<String> previousSlugs = List.of();
        private Optional<ArticleImage> image = Optional.empty();
        private List<String> legacyPaths = List.of();

        private Builder() {
        }

        public Builder id(String value) {
            id = value;
            return this;
        }

        public Builder slug(String value) {
            slug = value;
            return this;
        }

        public Builder title(String value) {
            title = value;
            return this;
        }

        public Builder summary(String value) {
            summary = value;
            return this;
        }

        public Builder body(String value) {
            body = value;
            return this;
        }

        public Builder categories(List<String> value) {
            categories = value;
            return this;
        }

        public Builder related(List<String> value) {
            related = value;
            return this;
        }

        public Builder status(ArticleStatus value) {
            status = value;
            return this;
        }

        public Builder publishAt(Optional<Instant> value) {
            publishAt = value;
            return this;
        }

        public Builder publishedAt(Optional<Instant> value) {
            publishedAt = value;
            return this;
        }

        public Builder createdAt(Instant value) {
            createdAt = value;
            return this;
        }

        public Builder updatedAt(Instant value) {
            updatedAt = value;
            return this;
        }

        /** Sets both creation and last change, as for a new article. */
        public Builder createdAndUpdatedAt(Instant value) {
            return createdAt(value).updatedAt(value);
        }

        public Builder author(String value) {
            author = value;
            return this;
        }

        public Builder commentsOpen(boolean value) {
            commentsOpen = value;
            return this;
        }

        public Builder version(long value) {
            version = value;
            return this;
        }

        public Builder previousSlugs(List<String> value) {
            previousSlugs = value;
            return this;
        }

        public Builder image(Optional<ArticleImage> value) {
            image = value;
            return this;
        }

        public Builder legacyPaths(List<String> value) {
            legacyPaths = value;
            return this;
        }

        public Article build() {
            return new Article(id, slug, title, summary, body, categories, related, status, publishAt, publishedAt,
                    createdAt, updatedAt, author, commentsOpen, version, previousSlugs, image, legacyPaths);
        }
    }
}
