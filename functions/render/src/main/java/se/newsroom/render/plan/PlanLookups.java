package se.newsroom.render.plan;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import se.newsroom.content.Article;
import se.newsroom.content.CategoryEntry;
import se.newsroom.content.ListedArticle;

/** The little the planner must look up beyond the change itself; bounded reads, whatever the site's size. */
public interface PlanLookups {
    /** The published articles that list {@code articleId} under "Läs mer", as their pages. */
    List<Page.ArticlePage> pagesListing(String articleId);

    /** The page of an article if it is published, e.g. for a comment's article. */
    Optional<Page.ArticlePage> publishedPage(String articleId);

    /** The published articles that use a picture, as their featured image or in their bodies. */
    List<Article> publishedUsing(String mediaId);

    /**
     * The published article just before the position ({@code publishedAt}, {@code id}) in the site's publication
     * order (date, then id), other than {@code id} itself: the older neighbour an article page links to.
     */
    Optional<ListedArticle> publishedBefore(Instant publishedAt, String id);

    /** The published article just after that position, other than {@code id}: the newer neighbour. */
    Optional<ListedArticle> publishedAfter(Instant publishedAt, String id);

    // What the planner reads to know a period's pages and its neighbours. One query each.

    /** Published articles with {@code from <= publishedAt < to}, newest first: one period of the site-wide list. */
    List<ListedArticle> publishedBetween(Instant from, Instant to);

    /**
     * The entries of a category's published articles with {@code from <= publishedAt < to}, newest first: one year
     * period of the category's list (read consistently: the entries live in the base table).
     */
    List<CategoryEntry> inCategoryBetween(String categorySlug, Instant from, Instant to);

    /** The newest published article with {@code publishedAt < at}: the start of the previous non-empty period. */
    Optional<ListedArticle> newestBefore(Instant at);

    /** The oldest published article with {@code publishedAt >= at}: the start of the next non-empty period. */
    Optional<ListedArticle> oldestAtOrAfter(Instant at);

    /** {@link #newestBefore} within one category. */
    Optional<CategoryEntry> newestInCategoryBefore(String categorySlug, Instant at);

    /** {@link #oldestAtOrAfter} within one category. */
    Optional<CategoryEntry> oldestInCategoryAtOrAfter(String categorySlug, Instant at);
}
