package se.newsroom.render.site;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;

import se.newsroom.content.Article;
import se.newsroom.content.ArticleStatus;
import se.newsroom.content.Categories;
import se.newsroom.content.CategoryEntry;
import se.newsroom.content.Comment;
import se.newsroom.content.CommentStatus;
import se.newsroom.content.ListedArticle;
import se.newsroom.content.Media;
import se.newsroom.render.plan.Change;
import se.newsroom.render.plan.Page;

/**
 * What one stream batch reads: the table's answers with the batch's own changes merged in. The site's lists come
 * from eventually consistent indexes (ArticlesByStatus, ApprovedComments), which may not hold yet the very change
 * the batch was started for; so every list answer drops the changed articles and comments and adds their state
 * after the batch (each item's last record in it) where it belongs, re-sorted and re-limited. Point reads (an
 * article, media items, "Läs mer") are consistent reads and pass through.
 *
 * <p>A later change of the same item is in a later batch (a stream keeps each item's records in order, and Lambda
 * does not start an item's next batch before this one is done), which re-renders every page this state is on.
 */
public final class BatchSiteContent implements SiteContent {
    private static final Comparator<Instant> NEWEST_FIRST = Comparator.reverseOrder();
    private static final Comparator<String> ID_DESCENDING = Comparator.reverseOrder();

    private final SiteContent table;
    private final ZoneId zone;
    /** Each changed article's state after the batch; empty when deleted. */
    private final Map<String, Optional<Article>> articles = new LinkedHashMap<>();
    /** Each article's changed comments' states after the batch, by comment id. */
    private final Map<String, Map<String, Optional<Comment>>> comments = new LinkedHashMap<>();
    /** The years the changed articles were listed in before the batch. */
    private final Set<Integer> yearsBefore = new TreeSet<>();

    private BatchSiteContent(SiteContent table, ZoneId zone) {
        this.table = table;
        this.zone = zone;
    }

    /** The table's content as seen by a batch of these changes, in the stream's order. */
    public static SiteContent over(SiteContent table, List<Change> changes, ZoneId zone) {
        BatchSiteContent merged = new BatchSiteContent(table, zone);
        for (Change change : changes) {
            switch (change) {
                case Change.ArticleChanged c -> {
                    String id = c.after().or(c::before).orElseThrow().id();
                    c.before().filter(BatchSiteContent::listed).ifPresent(b -> merged.yearsBefore.add(merged.year(b)));
                    merged.articles.put(id, c.after());
                }
                case Change.CommentChanged c -> {
                    String id = c.after().or(c::before).orElseThrow().id();
                    merged.comments.computeIfAbsent(c.articleId(), k -> new LinkedHashMap<>()).put(id, c.after());
                }
                case Change.MediaChanged c -> {
                    // Media items are read by id, consistently: nothing to merge.
                }
            }
        }
        return merged.articles.isEmpty() && merged.comments.isEmpty() ? table : merged;
    }

    @Override
    public Optional<Article> article(String id) {
        return table.article(id);
    }

    @Override
    public List<Article> latest(int count) {
        List<Article> listed = new ArrayList<>(table.latest(count + articles.size()));
        return patch(listed, Article::id, a -> a, a -> true, this::newestFirst, count);
    }

    @Override
    public List<ListedArticle> publishedBetween(Instant from, Instant to) {
        return patch(new ArrayList<>(table.publishedBetween(from, to)), ListedArticle::id, Article::listed,
                a -> within(a, from, to), this::newestFirstListed, Integer.MAX_VALUE);
    }

    @Override
    public List<ListedArticle> publishedBetweenWithImages(Instant from, Instant to) {
        return patch(new ArrayList<>(table.publishedBetweenWithImages(from, to)), ListedArticle::id, Article::listed,
                a -> within(a, from, to), this::newestFirstListed, Integer.MAX_VALUE);
    }

    @Override
    public List<CategoryEntry> inCategory(String categorySlug) {
        List<CategoryEntry> entries = new ArrayList<>(table.inCategory(categorySlug));
        entries.removeIf(e -> articles.containsKey(e.articleId()));
        articles.values().stream().flatMap(Optional::stream).filter(BatchSiteContent::listed)
                .forEach(a -> categoryName(a, categorySlug).ifPresent(name -> entries.add(CategoryEntry.of(a, name))));
        entries.sort(Comparator.comparing(CategoryEntry::publishedAt, NEWEST_FIRST)
                .thenComparing(CategoryEntry::articleId, ID_DESCENDING));
        return List.copyOf(entries);
    }

    @Override
    public List<ListedArticle> published(Collection<String> ids) {
        return table.published(ids);
    }

    @Override
    public List<Comment> approvedComments(String articleId) {
        Map<String, Optional<Comment>> changed = comments.get(articleId);
        if (changed == null) {
            return table.approvedComments(articleId);
        }
        List<Comment> approved = new ArrayList<>(table.approvedComments(articleId));
        approved.removeIf(c -> changed.containsKey(c.id()));
        changed.values().stream().flatMap(Optional::stream).filter(c -> c.status() == CommentStatus.APPROVED)
                .forEach(approved::add);
        approved.sort(Comparator.comparing(Comment::createdAt).thenComparing(Comment::id));
        return List.copyOf(approved);
    }

    @Override
    public Map<String, Media> media(Collection<String> ids) {
        return table.media(ids);
    }

    @Override
    public List<Integer> years() {
        Set<Integer> years = new TreeSet<>(table.years());
        articles.values().stream().flatMap(Optional::stream).filter(BatchSiteContent::listed)
                .forEach(a -> years.add(year(a)));
        // A year a changed article left may have had only it: asked again, of the merged list.
        for (int year : yearsBefore) {
            Instant from = LocalDate.of(year, 1, 1).atStartOfDay(zone).toInstant();
            Instant to = LocalDate.of(year + 1, 1, 1).atStartOfDay(zone).toInstant();
            if (publishedBetween(from, to).isEmpty()) {
                years.remove(year);
            }
        }
        return List.copyOf(years);
    }

    @Override
    public List<Page.ArticlePage> pagesListing(String articleId) {
        Set<Page.ArticlePage> pages = new LinkedHashSet<>(table.pagesListing(articleId));
        pages.removeIf(p -> articles.containsKey(p.articleId()));
        articles.values().stream().flatMap(Optional::stream)
                .filter(a -> a.status() == ArticleStatus.PUBLISHED && a.related().contains(articleId))
                .forEach(a -> pages.add(new Page.ArticlePage(a.id(), a.slug())));
        return List.copyOf(pages);
    }

    @Override
    public List<Article> publishedUsing(String mediaId) {
        List<Article> using = new ArrayList<>(table.publishedUsing(mediaId));
        using.removeIf(a -> articles.containsKey(a.id()));
        articles.values().stream().flatMap(Optional::stream)
                .filter(a -> listed(a) && a.mediaIds().contains(mediaId)).forEach(using::add);
        return List.copyOf(using);
    }

    @Override
    public Optional<Page.ArticlePage> publishedPage(String articleId) {
        return table.publishedPage(articleId);
    }

    /**
     * {@code listed} without the changed articles, plus those whose state after the batch is published and
     * {@code belongs}, sorted and cut to {@code limit}.
     */
    private <T> List<T> patch(List<T> listed, Function<T, String> id, Function<Article, T> asListed,
                              Predicate<Article> belongs, Comparator<T> order, int limit) {
        listed.removeIf(t -> articles.containsKey(id.apply(t)));
        articles.values().stream().flatMap(Optional::stream).filter(a -> listed(a) && belongs.test(a))
                .map(asListed).forEach(listed::add);
        listed.sort(order);
        return List.copyOf(listed.subList(0, Math.min(limit, listed.size())));
    }

    private int newestFirst(Article a, Article b) {
        return Comparator.comparing((Article x) -> x.publishedAt().orElseThrow(), NEWEST_FIRST)
                .thenComparing(Article::id, ID_DESCENDING).compare(a, b);
    }

    private int newestFirstListed(ListedArticle a, ListedArticle b) {
        return Comparator.comparing((ListedArticle x) -> x.publishedAt().orElseThrow(), NEWEST_FIRST)
                .thenComparing(ListedArticle::id, ID_DESCENDING).compare(a, b);
    }

    private static boolean within(Article a, Instant from, Instant to) {
        Instant t = a.publishedAt().orElseThrow();
        return !t.isBefore(from) && t.isBefore(to);
    }

    /** The article's own spelling of the category with this slug, if it is in it. */
    private static Optional<String> categoryName(Article a, String slug) {
        return a.categories().stream().filter(name -> Categories.slug(name).equals(slug)).findFirst();
    }

    private static boolean listed(Article a) {
        return a.status() == ArticleStatus.PUBLISHED && a.publishedAt().isPresent();
    }

    private int year(Article a) {
        return a.publishedAt().orElseThrow().atZone(zone).getYear();
    }
}
