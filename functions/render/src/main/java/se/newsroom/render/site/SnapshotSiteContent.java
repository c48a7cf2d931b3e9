package se.newsroom.render.site;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import se.newsroom.article.Article;
import se.newsroom.article.ArticleStatus;
import se.newsroom.article.Categories;
import se.newsroom.render.plan.Page;

/**
 * The whole site's content in memory, indexed once: what a full rebuild renders from, so that 10,000 pages cost
 * one scan of the table instead of queries per page.
 */
public final class SnapshotSiteContent implements SiteContent {
    private final Map<String, Article> byId = new HashMap<>();
    private final List<Article> published; // newest first
    private final Map<String, List<Article>> byCategory = new HashMap<>();
    private final Map<String, List<Article>> listing = new HashMap<>();
    private final Map<String, List<Comment>> comments;
    private final ZoneId zone;

    public SnapshotSiteContent(Collection<Article> articles, Map<String, List<Comment>> approvedComments,
                               ZoneId zone) {
        this.zone = zone;
        articles.forEach(a -> byId.put(a.id(), a));
        published = articles.stream()
                .filter(a -> a.status() == ArticleStatus.PUBLISHED && a.publishedAt().isPresent())
                .sorted(Comparator.comparing((Article a) -> a.publishedAt().orElseThrow()).reversed()
                        .thenComparing(Article::id, Comparator.reverseOrder()))
                .toList();
        for (Article a : published) {
            a.categories().stream().map(Categories::slug).distinct()
                    .forEach(slug -> byCategory.computeIfAbsent(slug, k -> new ArrayList<>()).add(a));
            a.related().forEach(r -> listing.computeIfAbsent(r, k -> new ArrayList<>()).add(a));
        }
        this.comments = Map.copyOf(approvedComments);
    }

    /** Every published article, newest first. */
    public List<Article> publishedArticles() {
        return published;
    }

    /** Every category slug with published articles. */
    public Collection<String> categorySlugs() {
        return byCategory.keySet();
    }

    @Override
    public Optional<Article> article(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public List<Article> latest(int count) {
        return published.subList(0, Math.min(count, published.size()));
    }

    @Override
    public List<Article> publishedBetween(Instant from, Instant to) {
        return published.stream().filter(a -> !a.publishedAt().orElseThrow().isBefore(from)
                && a.publishedAt().orElseThrow().isBefore(to)).toList();
    }

    @Override
    public List<Article> inCategory(String categorySlug) {
        return byCategory.getOrDefault(categorySlug, List.of());
    }

    @Override
    public List<Article> published(Collection<String> ids) {
        return ids.stream().map(byId::get).filter(a -> a != null && a.status() == ArticleStatus.PUBLISHED).toList();
    }

    @Override
    public List<Comment> approvedComments(String articleId) {
        return comments.getOrDefault(articleId, List.of());
    }

    @Override
    public List<Integer> years() {
        TreeSet<Integer> years = new TreeSet<>();
        published.forEach(a -> years.add(a.publishedAt().orElseThrow().atZone(zone).getYear()));
        return List.copyOf(years);
    }

    @Override
    public List<Page.ArticlePage> pagesListing(String articleId) {
        return listing.getOrDefault(articleId, List.of()).stream()
                .map(a -> new Page.ArticlePage(a.id(), a.slug())).toList();
    }

    @Override
    public Optional<Page.ArticlePage> publishedPage(String articleId) {
        return article(articleId).filter(a -> a.status() == ArticleStatus.PUBLISHED)
                .map(a -> new Page.ArticlePage(a.id(), a.slug()));
    }
}
