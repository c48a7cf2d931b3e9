package se.newsroom.render.site;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

import se.newsroom.content.Article;
import se.newsroom.content.ArticleStatus;
import se.newsroom.content.Categories;
import se.newsroom.content.CategoryEntry;
import se.newsroom.content.Comment;
import se.newsroom.content.ListedArticle;
import se.newsroom.content.Media;
import se.newsroom.content.PrivacyNotice;
import se.newsroom.render.plan.Page;
import se.newsroom.table.DynamoDbSiteReads;

/**
 * The whole site's content in memory, indexed once: what a full rebuild renders from, so that 10,000 pages cost
 * one scan of the table instead of queries per page.
 */
public final class SnapshotSiteContent implements SiteContent {
    private static final Function<Article, Instant> PUBLISHED_AT = a -> a.publishedAt().orElseThrow();
    private final Map<String, Article> byId = new HashMap<>();
    private final List<Article> published; // newest first
    private final Map<String, List<CategoryEntry>> byCategory = new HashMap<>();
    private final Map<String, List<Article>> listing = new HashMap<>();
    private final Map<String, List<Comment>> comments;
    private final Map<String, Media> media;
    private final ZoneId zone;
    private final Optional<PrivacyNotice> privacyNotice;
    /** The published articles by their place in the site's order, oldest first: the neighbour lookups. */
    private final NavigableMap<Position, Article> order = new TreeMap<>();

    public SnapshotSiteContent(Collection<Article> articles, Map<String, List<Comment>> approvedComments,
                               ZoneId zone) {
        this(articles, approvedComments, List.of(), zone);
    }

    public SnapshotSiteContent(Collection<Article> articles, Map<String, List<Comment>> approvedComments,
                               Collection<Media> media, ZoneId zone) {
        this(articles, approvedComments, media, Optional.empty(), zone);
    }

    /** @param privacyNotice the privacy notice an administrator saved, if any */
    public SnapshotSiteContent(Collection<Article> articles, Map<String, List<Comment>> approvedComments,
                               Collection<Media> media, Optional<PrivacyNotice> privacyNotice, ZoneId zone) {
        this.zone = zone;
        this.privacyNotice = privacyNotice;
        this.media = new HashMap<>();
        media.forEach(m -> this.media.put(m.id(), m));
        articles.forEach(a -> byId.put(a.id(), a));
        published = articles.stream()
                .filter(a -> a.status() == ArticleStatus.PUBLISHED && a.publishedAt().isPresent())
                .sorted(Comparator.comparing((Article a) -> a.publishedAt().orElseThrow()).reversed()
                        .thenComparing(Article::id, Comparator.reverseOrder()))
                .toList();
        for (Article a : published) {
            order.put(new Position(a.publishedAt().orElseThrow(), a.id()), a);
            // One entry per category page, as the table keeps one per category slug.
            Map<String, String> names = new LinkedHashMap<>();
            a.categories().forEach(name -> names.putIfAbsent(Categories.slug(name), name));
            names.forEach((slug, name) -> byCategory.computeIfAbsent(slug, k -> new ArrayList<>())
                    .add(CategoryEntry.of(a, name)));
            a.related().forEach(r -> listing.computeIfAbsent(r, k -> new ArrayList<>()).add(a));
        }
        this.comments = Map.copyOf(approvedComments);
    }

    /** A snapshot of everything the table holds, as one scan read it. */
    public static SnapshotSiteContent of(DynamoDbSiteReads.Everything everything, ZoneId zone) {
        return new SnapshotSiteContent(everything.articles(), everything.approvedComments(), everything.media(),
                everything.privacyNotice(), zone);
    }

    @Override
    public Optional<PrivacyNotice> privacyNotice() {
        return privacyNotice;
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
    public List<ListedArticle> publishedBetween(Instant from, Instant to) {
        int newest = firstBefore(published, PUBLISHED_AT, to);
        return published.subList(newest, Math.max(newest, firstBefore(published, PUBLISHED_AT, from))).stream()
                .map(Article::listed).toList();
    }

    @Override
    public List<ListedArticle> publishedBetweenWithImages(Instant from, Instant to) {
        return publishedBetween(from, to); // whole articles, images included
    }

    @Override
    public List<CategoryEntry> inCategory(String categorySlug) {
        return byCategory.getOrDefault(categorySlug, List.of());
    }

    @Override
    public List<ListedArticle> published(Collection<String> ids) {
        return ids.stream().map(byId::get).filter(a -> a != null && a.status() == ArticleStatus.PUBLISHED)
                .map(Article::listed).toList();
    }

    @Override
    public List<Comment> approvedComments(String articleId) {
        return comments.getOrDefault(articleId, List.of());
    }

    @Override
    public Map<String, Media> media(Collection<String> ids) {
        Map<String, Media> found = new HashMap<>();
        ids.stream().filter(media::containsKey).forEach(id -> found.put(id, media.get(id)));
        return found;
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
    public List<Article> publishedUsing(String mediaId) {
        return published.stream().filter(a -> a.mediaIds().contains(mediaId)).toList();
    }

    @Override
    public Optional<Page.ArticlePage> publishedPage(String articleId) {
        return article(articleId).filter(a -> a.status() == ArticleStatus.PUBLISHED)
                .map(a -> new Page.ArticlePage(a.id(), a.slug()));
    }

    @Override
    public List<Article> latestArticlesInCategory(String categorySlug, int count) {
        return inCategory(categorySlug).stream().limit(count).map(e -> byId.get(e.articleId())).toList();
    }

    @Override
    public Optional<ListedArticle> publishedBefore(Instant publishedAt, String id) {
        return neighbour(order.headMap(new Position(publishedAt, id), false).descendingMap(), id);
    }

    @Override
    public Optional<ListedArticle> publishedAfter(Instant publishedAt, String id) {
        return neighbour(order.tailMap(new Position(publishedAt, id), false), id);
    }

    private static Optional<ListedArticle> neighbour(NavigableMap<Position, Article> side, String id) {
        return side.values().stream().filter(a -> !a.id().equals(id)).findFirst().map(Article::listed);
    }

    /** A place in the site's order: as the ArticlesByStatus index sorts, by date and then id. */
    private record Position(Instant publishedAt, String id) implements Comparable<Position> {
        @Override
        public int compareTo(Position other) {
            int byDate = publishedAt.compareTo(other.publishedAt);
            return byDate != 0 ? byDate : id.compareTo(other.id);
        }
    }

    @Override
    public List<CategoryEntry> inCategoryBetween(String categorySlug, Instant from, Instant to) {
        List<CategoryEntry> entries = inCategory(categorySlug);
        int newest = firstBefore(entries, CategoryEntry::publishedAt, to);
        return List.copyOf(entries.subList(newest,
                Math.max(newest, firstBefore(entries, CategoryEntry::publishedAt, from))));
    }

    @Override
    public Optional<ListedArticle> newestBefore(Instant at) {
        int i = firstBefore(published, PUBLISHED_AT, at);
        return i < published.size() ? Optional.of(published.get(i).listed()) : Optional.empty();
    }

    @Override
    public Optional<ListedArticle> oldestAtOrAfter(Instant at) {
        int i = firstBefore(published, PUBLISHED_AT, at);
        return i > 0 ? Optional.of(published.get(i - 1).listed()) : Optional.empty();
    }

    @Override
    public Optional<CategoryEntry> newestInCategoryBefore(String categorySlug, Instant at) {
        List<CategoryEntry> entries = inCategory(categorySlug);
        int i = firstBefore(entries, CategoryEntry::publishedAt, at);
        return i < entries.size() ? Optional.of(entries.get(i)) : Optional.empty();
    }

    @Override
    public Optional<CategoryEntry> oldestInCategoryAtOrAfter(String categorySlug, Instant at) {
        List<CategoryEntry> entries = inCategory(categorySlug);
        int i = firstBefore(entries, CategoryEntry::publishedAt, at);
        return i > 0 ? Optional.of(entries.get(i - 1)) : Optional.empty();
    }

    @Override
    public List<CategoryEntry> latestInCategory(String categorySlug, int count) {
        List<CategoryEntry> entries = inCategory(categorySlug);
        return entries.subList(0, Math.min(count, entries.size()));
    }

    @Override
    public Map<YearMonth, Integer> monthCounts() {
        Map<YearMonth, Integer> counts = new TreeMap<>();
        published.forEach(a -> counts.merge(YearMonth.from(a.publishedAt().orElseThrow().atZone(zone)), 1,
                Integer::sum));
        return counts;
    }

    @Override
    public List<ListedArticle> withImages(List<ListedArticle> listed) {
        return listed; // whole articles, images included
    }

    @Override
    public List<Article> publishedArticlesBetween(Instant from, Instant to) {
        return published.stream().filter(a -> !a.publishedAt().orElseThrow().isBefore(from)
                && a.publishedAt().orElseThrow().isBefore(to)).toList();
    }

    @Override
    public List<YearMonth> months() {
        TreeSet<YearMonth> months = new TreeSet<>();
        published.forEach(a -> months.add(YearMonth.from(a.publishedAt().orElseThrow().atZone(zone))));
        return List.copyOf(months);
    }

    // A rebuild asks for every period's list and neighbours, about 1,600 times on 10,000
    // articles; each is a binary search in the newest-first lists instead of a pass over all of them.

    /** The index of the first item of a newest-first list published before {@code at}; its size when none is. */
    static <T> int firstBefore(List<T> newestFirst, Function<T, Instant> published, Instant at) {
        int low = 0;
        int high = newestFirst.size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (published.apply(newestFirst.get(middle)).isBefore(at)) {
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        return low;
    }
}
