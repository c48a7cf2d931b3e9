package se.newsroom.content;

import java.time.Instant;
import java.util.Objects;

/**
 * A published article as its category's page lists it: what the category index keeps beside each article.
 *
 * @param category    the category's name as the article spells it
 * @param publishedAt when the article went live
 */
public record CategoryEntry(String articleId, String slug, String title, String summary, String category,
                            Instant publishedAt) {
    public CategoryEntry {
        Objects.requireNonNull(articleId, "articleId");
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(publishedAt, "publishedAt");
    }

    /** The entry of a published article in its category {@code category} (one of its own, as it spells it). */
    public static CategoryEntry of(Article a, String category) {
        return new CategoryEntry(a.id(), a.slug(), a.title(), a.summary(), category, a.publishedAt().orElseThrow());
    }

    /** The article's path on the site. */
    public String url() {
        return Article.PATH_PREFIX + slug + "/";
    }
}
