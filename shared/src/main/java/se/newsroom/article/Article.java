package se.newsroom.article;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A news article as stored: the editor's Markdown source and its publishing state.
 *
 * @param id            sortable id (a ULID)
 * @param slug          the last part of its URL, unique on the site
 * @param title         the headline
 * @param summary       the lead shown in lists; may be empty
 * @param body          Markdown source; empty in list results, which do not carry bodies
 * @param categories    category names, in the editor's order
 * @param related       ids of other articles, shown under "Läs mer"
 * @param status        draft, scheduled or published
 * @param publishAt     when a scheduled article goes live
 * @param publishedAt   when it went (or, for a migrated article, first went) live
 * @param createdAt     when it was created
 * @param updatedAt     when it was last changed
 * @param author        the byline
 * @param commentsOpen  whether readers may comment
 * @param version       the optimistic-lock version, 1 on create, +1 on each update
 * @param previousSlugs slugs it had before; each still redirects here
 */
public record Article(String id, String slug, String title, String summary, String body, List<String> categories,
                      List<String> related, ArticleStatus status, Optional<Instant> publishAt,
                      Optional<Instant> publishedAt, Instant createdAt, Instant updatedAt, String author,
                      boolean commentsOpen, long version, List<String> previousSlugs) {

    /** Where every article lives on the site. */
    public static final String PATH_PREFIX = "/nyheter/";

    public Article {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(body, "body");
        categories = List.copyOf(categories);
        related = List.copyOf(related);
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(publishAt, "publishAt");
        Objects.requireNonNull(publishedAt, "publishedAt");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(author, "author");
        previousSlugs = List.copyOf(previousSlugs);
    }

    /** Its path on the site, e.g. {@code /nyheter/politiska-styrningen-av-individ-och-familj-utreds/}. */
    public String url() {
        return PATH_PREFIX + slug + "/";
    }

    /** A copy with another slug, as the store settles it when the wanted one is taken. */
    public Article withSlug(String newSlug) {
        return new Article(id, newSlug, title, summary, body, categories, related, status, publishAt, publishedAt,
                createdAt, updatedAt, author, commentsOpen, version, previousSlugs);
    }
}
