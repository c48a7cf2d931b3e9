package se.newsroom.render.site;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import se.newsroom.content.Article;
import se.newsroom.content.ArticleStatus;
import se.newsroom.content.CategoryEntry;
import se.newsroom.content.Comment;
import se.newsroom.content.ListedArticle;
import se.newsroom.content.Media;
import se.newsroom.content.PrivacyNotice;
import se.newsroom.render.plan.Page;
import se.newsroom.table.DynamoDbSiteReads;

/** The site's content read from the table (through {@link DynamoDbSiteReads}), a bounded number of queries a page. */
public final class DynamoDbSiteContent implements SiteContent {
    private final DynamoDbSiteReads reads;
    private final ZoneId zone;
    /** A batch's period reads, by method and arguments; null outside a batch (nothing kept between batches). */
    private final Map<List<Object>, Object> batchReads;

    public DynamoDbSiteContent(DynamoDbSiteReads reads, ZoneId zone) {
        this(reads, zone, null);
    }

    private DynamoDbSiteContent(DynamoDbSiteReads reads, ZoneId zone, Map<List<Object>, Object> batchReads) {
        this.reads = reads;
        this.zone = zone;
        this.batchReads = batchReads;
    }

    /**
     * The same content for one stream batch, which keeps each period read (a month's or a category year's list, a
     * neighbour, the archive's counts) for the batch: the batch renders every page of a period from one query,
     * instead of one query a page. Point reads are not kept.
     */
    public DynamoDbSiteContent forBatch() {
        return new DynamoDbSiteContent(reads, zone, new ConcurrentHashMap<>());
    }

    @Override
    public SiteContent afresh() {
        return batchReads == null ? this : forBatch();
    }

    /** A period read, once per batch when in one. */
    @SuppressWarnings("unchecked")
    private <T> T once(Supplier<T> read, Object... key) {
        return batchReads == null ? read.get() : (T) batchReads.computeIfAbsent(List.of(key), k -> read.get());
    }

    @Override
    public Optional<Article> article(String id) {
        return reads.article(id);
    }

    @Override
    public Optional<PrivacyNotice> privacyNotice() {
        return reads.privacyNotice();
    }

    @Override
    public List<Article> latest(int count) {
        return reads.latestPublished(count);
    }

    @Override
    public List<ListedArticle> publishedBetween(Instant from, Instant to) {
        return once(() -> reads.publishedBetween(from, to), "publishedBetween", from, to);
    }

    @Override
    public List<ListedArticle> publishedBetweenWithImages(Instant from, Instant to) {
        return reads.withImages(reads.publishedBetween(from, to));
    }

    @Override
    public List<CategoryEntry> inCategory(String categorySlug) {
        return reads.inCategory(categorySlug);
    }

    @Override
    public List<ListedArticle> published(Collection<String> ids) {
        return reads.published(ids);
    }

    @Override
    public List<Comment> approvedComments(String articleId) {
        return reads.approvedComments(articleId);
    }

    @Override
    public Map<String, Media> media(Collection<String> ids) {
        return reads.media(ids);
    }

    @Override
    public List<Integer> years() {
        return reads.publishedYears(zone);
    }

    @Override
    public List<Page.ArticlePage> pagesListing(String articleId) {
        return published(reads.listedBy(articleId)).stream().map(a -> new Page.ArticlePage(a.id(), a.slug()))
                .toList();
    }

    @Override
    public List<Article> publishedUsing(String mediaId) {
        return reads.publishedUsing(mediaId);
    }

    @Override
    public Optional<Page.ArticlePage> publishedPage(String articleId) {
        return article(articleId).filter(a -> a.status() == ArticleStatus.PUBLISHED)
                .map(a -> new Page.ArticlePage(a.id(), a.slug()));
    }

    @Override
    public List<Article> latestArticlesInCategory(String categorySlug, int count) {
        return reads.latestArticlesInCategory(categorySlug, count);
    }

    @Override
    public Optional<ListedArticle> publishedBefore(Instant publishedAt, String id) {
        return reads.publishedBefore(publishedAt, id);
    }

    @Override
    public Optional<ListedArticle> publishedAfter(Instant publishedAt, String id) {
        return reads.publishedAfter(publishedAt, id);
    }

    @Override
    public List<CategoryEntry> inCategoryBetween(String categorySlug, Instant from, Instant to) {
        return once(() -> reads.inCategoryBetween(categorySlug, from, to), "inCategoryBetween", categorySlug, from,
                to);
    }

    @Override
    public Optional<ListedArticle> newestBefore(Instant at) {
        return once(() -> reads.newestPublishedBefore(at), "newestBefore", at);
    }

    @Override
    public Optional<ListedArticle> oldestAtOrAfter(Instant at) {
        return once(() -> reads.oldestPublishedAtOrAfter(at), "oldestAtOrAfter", at);
    }

    @Override
    public Optional<CategoryEntry> newestInCategoryBefore(String categorySlug, Instant at) {
        return once(() -> reads.newestInCategoryBefore(categorySlug, at), "newestInCategoryBefore", categorySlug,
                at);
    }

    @Override
    public Optional<CategoryEntry> oldestInCategoryAtOrAfter(String categorySlug, Instant at) {
        return once(() -> reads.oldestInCategoryAtOrAfter(categorySlug, at), "oldestInCategoryAtOrAfter",
                categorySlug, at);
    }

    @Override
    public List<CategoryEntry> latestInCategory(String categorySlug, int count) {
        return once(() -> reads.latestInCategory(categorySlug, count), "latestInCategory", categorySlug, count);
    }

    @Override
    public Map<YearMonth, Integer> monthCounts() {
        return once(() -> {
            Map<YearMonth, Integer> counts = new TreeMap<>();
            reads.publishedDates().forEach(t -> counts.merge(YearMonth.from(t.atZone(zone)), 1, Integer::sum));
            return counts;
        }, "monthCounts");
    }

    @Override
    public List<ListedArticle> withImages(List<ListedArticle> listed) {
        return listed.isEmpty() ? listed : reads.withImages(listed);
    }

    @Override
    public List<Article> publishedArticlesBetween(Instant from, Instant to) {
        return reads.publishedArticlesBetween(from, to);
    }

    @Override
    public List<YearMonth> months() {
        return reads.publishedMonths(zone);
    }
}
