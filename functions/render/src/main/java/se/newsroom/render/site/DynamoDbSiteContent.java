package se.newsroom.render.site;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import se.newsroom.content.Article;
import se.newsroom.content.ArticleStatus;
import se.newsroom.content.CategoryEntry;
import se.newsroom.content.Comment;
import se.newsroom.content.ListedArticle;
import se.newsroom.content.Media;
import se.newsroom.render.plan.Page;
import se.newsroom.table.DynamoDbSiteReads;

/** The site's content read from the table (through {@link DynamoDbSiteReads}), a bounded number of queries a page. */
public final class DynamoDbSiteContent implements SiteContent {
    private final DynamoDbSiteReads reads;
    private final ZoneId zone;

    public DynamoDbSiteContent(DynamoDbSiteReads reads, ZoneId zone) {
        this.reads = reads;
        this.zone = zone;
    }

    @Override
    public Optional<Article> article(String id) {
        return reads.article(id);
    }

    @Override
    public List<Article> latest(int count) {
        return reads.latestPublished(count);
    }

    @Override
    public List<ListedArticle> publishedBetween(Instant from, Instant to) {
        return reads.publishedBetween(from, to);
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
    public List<Article> latestInCategory(String categorySlug, int count) {
        return reads.latestInCategory(categorySlug, count);
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
    public List<Article> publishedArticlesBetween(Instant from, Instant to) {
        return reads.publishedArticlesBetween(from, to);
    }

    @Override
    public List<YearMonth> months() {
        return reads.publishedMonths(zone);
    }
}
