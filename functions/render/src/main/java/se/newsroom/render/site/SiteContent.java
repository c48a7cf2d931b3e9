package se.newsroom.render.site;

import java.time.Instant;
import java.time.YearMonth;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import se.newsroom.content.Article;
import se.newsroom.content.CategoryEntry;
import se.newsroom.content.Comment;
import se.newsroom.content.ListedArticle;
import se.newsroom.content.Media;
import se.newsroom.content.PrivacyNotice;
import se.newsroom.render.plan.PlanLookups;

/** What the renderer reads: the table (for one batch) or an in-memory snapshot (for a full rebuild, benches). */
public interface SiteContent extends PlanLookups {
    /** The privacy notice an administrator saved; empty until one is (the page then shows the default). */
    Optional<PrivacyNotice> privacyNotice();

    /** An article with its body, whatever its status. */
    Optional<Article> article(String id);

    /** The newest published articles, with bodies (the feed carries them). */
    List<Article> latest(int count);

    /** Published articles with {@code from <= publishedAt < to}, newest first. */
    List<ListedArticle> publishedBetween(Instant from, Instant to);

    /** The same, each with its featured image: what a month's list shows, thumbnails included. */
    List<ListedArticle> publishedBetweenWithImages(Instant from, Instant to);

    /** The entries of a category's published articles, newest first. */
    List<CategoryEntry> inCategory(String categorySlug);

    /** The published articles among these ids, in the order given. */
    List<ListedArticle> published(Collection<String> ids);

    /** An article's approved comments, oldest first. */
    List<Comment> approvedComments(String articleId);

    /** The media items among these ids, by id, whatever their status: one read for all of a page's pictures. */
    Map<String, Media> media(Collection<String> ids);

    /** The years that have published articles, oldest first. */
    List<Integer> years();

    /** A category's newest published articles, with bodies, newest first: its feed. */
    List<Article> latestArticlesInCategory(String categorySlug, int count);

    // The category head, the archive index's counts, a period page's thumbnails.

    /** The newest {@code count} entries of a category, newest first: its head page (and whether there are more). */
    List<CategoryEntry> latestInCategory(String categorySlug, int count);

    /** How many articles were published in each month (in the site's zone) that has any, oldest month first. */
    Map<YearMonth, Integer> monthCounts();

    /** These listed articles, each with its featured image: a period page's thumbnails, read for its slice only. */
    List<ListedArticle> withImages(List<ListedArticle> listed);

    /** The published articles with {@code from <= publishedAt < to}, with their bodies, newest first (search). */
    List<Article> publishedArticlesBetween(Instant from, Instant to);

    /** The months that have published articles, oldest first (the search index's shards). */
    List<YearMonth> months();

    /**
     * The same content with nothing kept from earlier reads: what a page rendered again reads, after another batch
     * wrote it since this batch's reads (a batch keeps its period reads, DynamoDbSiteContent.forBatch).
     */
    default SiteContent afresh() {
        return this;
    }
}
