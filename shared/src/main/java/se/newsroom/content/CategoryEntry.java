package se.newsroom.content;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A published article as its category's page lists it: what the category index keeps beside each article.
 *
 * @param category    the category's name as the article spells it
 * @param publishedAt when the article went live
 * @param image       the article's featured image (its list thumbnail); empty when none, or in an entry written
 *                    before entries carried it
 */
public record CategoryEntry(String articleId, String slug, String title, String summary, String category,
                            Instant publishedAt, Optional<ArticleImage> image) {
    public CategoryEntry {
        Objects.requireNonNull(articleId, "articleId");
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(publishedAt, "publishedAt");
        Objects.requireNonNull(image, "image");
    }

    /** The entry of a published article in its category {@code category} (one of its own, as it spells it). */
    public static CategoryEntry of(Article a, String category) {
        return new CategoryEntry(a.id(), a.slug(), a.title(), a.summary(), category, a.publishedAt().orElseThrow(),
                a.image());
    }

    /** The article's path on the site. */
    public String url() {
        return Article.PATH_PREFIX + slug + "/";
    }
}
