package se.newsroom.render.site;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
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
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;

import se.newsroom.content.Article;
import se.newsroom.content.ArticleStatus;
import se.newsroom.content.Categories;
import se.newsroom.content.CategoryEntry;
import se.newsroom.content.Comment;
import se.newsroom.content.CommentStatus;
import se.newsroom.content.ListedArticle;
import se.newsroom.content.Media;
import se.newsroom.content.PrivacyNotice;
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
    private static final Comparator<CategoryEntry> ENTRIES_NEWEST_FIRST = Comparator
            .comparing(CategoryEntry::publishedAt, NEWEST_FIRST).thenComparing(CategoryEntry::articleId, ID_DESCENDING);

    private final SiteContent table;
    private final ZoneId zone;
    /** Each changed article's state after the batch; empty when deleted. */
    private final Map<String, Optional<Article>> articles = new LinkedHashMap<>();
    /** Each article's changed comments' states after the batch, by comment id. */
    private final Map<String, Map<String, Optional<Comment>>> comments = new LinkedHashMap<>();
    /** The years the changed articles were listed in before the batch. */
    private final Set<Integer> yearsBefore = new TreeSet<>();
    /** The months the changed articles were listed in before the batch. */
    private final Set<YearMonth> monthsBefore = new TreeSet<>();

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
                    c.before().filter(BatchSiteContent::listed).ifPresent(b -> {
                        merged.yearsBefore.add(merged.year(b));
                        merged.monthsBefore.add(YearMonth.from(b.publishedAt().orElseThrow().atZone(zone)));
                    });
                    merged.articles.put(id, c.after());
                }
                case Change.CommentChanged c -> {
                    String id = c.after().or(c::before).orElseThrow().id();
                    merged.comments.computeIfAbsent(c.articleId(), k -> new LinkedHashMap<>()).put(id, c.after());
                }
                case Change.MediaChanged c -> {
                    // Media items are read by id, consistently: nothing to merge.
                }
                case Change.PrivacyNoticeChanged c -> {
                    // The notice is read by its key, consistently: nothing to merge.
                }
            }
        }
        // Each changed article as the table holds it now (a consistent read by id): its record's after-image may be
        // older than the table when a later change of it waits in a later batch, and a page must not show the older
        // state over the index's newer one.
        merged.articles.replaceAll((id, after) -> table.article(id));
        return merged.articles.isEmpty() && merged.comments.isEmpty() ? table : merged;
    }

    @Override
    public Optional<Article> article(String id) {
        return table.article(id);
    }

    @Override
    public Optional<PrivacyNotice> privacyNotice() {
        return table.privacyNotice();
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
        entries.sort(ENTRIES_NEWEST_FIRST);
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

    @Override
    public List<CategoryEntry> inCategoryBetween(String categorySlug, Instant from, Instant to) {
        List<CategoryEntry> entries = new ArrayList<>(table.inCategoryBetween(categorySlug, from, to));
        entries.removeIf(e -> articles.containsKey(e.articleId()));
        changedListed().filter(a -> within(a, from, to))
                .forEach(a -> categoryName(a, categorySlug).ifPresent(name -> entries.add(CategoryEntry.of(a, name))));
        entries.sort(ENTRIES_NEWEST_FIRST);
        return List.copyOf(entries);
    }

    @Override
    public Optional<ListedArticle> newestBefore(Instant at) {
        List<ListedArticle> candidates = new ArrayList<>();
        Optional<ListedArticle> found = table.newestBefore(at);
        // A changed article the index still places here is skipped: the one before it (or one at the same time).
        for (int n = 0; n <= articles.size() && found.isPresent() && articles.containsKey(found.get().id()); n++) {
            Instant t = found.get().publishedAt().orElseThrow();
            table.publishedBetween(t, t.plusMillis(1)).stream().filter(a -> !articles.containsKey(a.id()))
                    .forEach(candidates::add);
            found = table.newestBefore(t);
        }
        found.filter(f -> !changed(f)).ifPresent(candidates::add);
        changedListed().filter(a -> a.publishedAt().orElseThrow().isBefore(at)).map(Article::listed)
                .forEach(candidates::add);
        return candidates.stream().min(this::newestFirstListed);
    }

    @Override
    public Optional<ListedArticle> oldestAtOrAfter(Instant at) {
        List<ListedArticle> candidates = new ArrayList<>();
        Optional<ListedArticle> found = table.oldestAtOrAfter(at);
        for (int n = 0; n <= articles.size() && found.isPresent() && articles.containsKey(found.get().id()); n++) {
            Instant t = found.get().publishedAt().orElseThrow();
            table.publishedBetween(t, t.plusMillis(1)).stream().filter(a -> !articles.containsKey(a.id()))
                    .forEach(candidates::add);
            found = table.oldestAtOrAfter(t.plusMillis(1));
        }
        found.filter(f -> !changed(f)).ifPresent(candidates::add);
        changedListed().filter(a -> !a.publishedAt().orElseThrow().isBefore(at)).map(Article::listed)
                .forEach(candidates::add);
        return candidates.stream().max(this::newestFirstListed);
    }

    @Override
    public Optional<CategoryEntry> newestInCategoryBefore(String categorySlug, Instant at) {
        List<CategoryEntry> candidates = new ArrayList<>();
        Optional<CategoryEntry> found = table.newestInCategoryBefore(categorySlug, at);
        for (int n = 0; n <= articles.size() && found.isPresent()
                && articles.containsKey(found.get().articleId()); n++) {
            Instant t = found.get().publishedAt();
            table.inCategoryBetween(categorySlug, t, t.plusMillis(1)).stream()
                    .filter(e -> !articles.containsKey(e.articleId())).forEach(candidates::add);
            found = table.newestInCategoryBefore(categorySlug, t);
        }
        found.filter(f -> !changed(f)).ifPresent(candidates::add);
        changedListed().filter(a -> a.publishedAt().orElseThrow().isBefore(at))
                .forEach(a -> categoryName(a, categorySlug).ifPresent(n -> candidates.add(CategoryEntry.of(a, n))));
        return candidates.stream().min(ENTRIES_NEWEST_FIRST);
    }

    @Override
    public Optional<CategoryEntry> oldestInCategoryAtOrAfter(String categorySlug, Instant at) {
        List<CategoryEntry> candidates = new ArrayList<>();
        Optional<CategoryEntry> found = table.oldestInCategoryAtOrAfter(categorySlug, at);
        for (int n = 0; n <= articles.size() && found.isPresent()
                && articles.containsKey(found.get().articleId()); n++) {
            Instant t = found.get().publishedAt();
            table.inCategoryBetween(categorySlug, t, t.plusMillis(1)).stream()
                    .filter(e -> !articles.containsKey(e.articleId())).forEach(candidates::add);
            found = table.oldestInCategoryAtOrAfter(categorySlug, t.plusMillis(1));
        }
        found.filter(f -> !changed(f)).ifPresent(candidates::add);
        changedListed().filter(a -> !a.publishedAt().orElseThrow().isBefore(at))
                .forEach(a -> categoryName(a, categorySlug).ifPresent(n -> candidates.add(CategoryEntry.of(a, n))));
        return candidates.stream().max(ENTRIES_NEWEST_FIRST);
    }

    @Override
    public List<CategoryEntry> latestInCategory(String categorySlug, int count) {
        List<CategoryEntry> entries = new ArrayList<>(table.latestInCategory(categorySlug, count + articles.size()));
        entries.removeIf(e -> articles.containsKey(e.articleId()));
        changedListed().forEach(a -> categoryName(a, categorySlug)
                .ifPresent(name -> entries.add(CategoryEntry.of(a, name))));
        entries.sort(ENTRIES_NEWEST_FIRST);
        return List.copyOf(entries.subList(0, Math.min(count, entries.size())));
    }

    @Override
    public Map<YearMonth, Integer> monthCounts() {
        Map<YearMonth, Integer> counts = new TreeMap<>(table.monthCounts());
        // The index may or may not count a changed article yet: each month one was or is in, counted again.
        Set<YearMonth> months = new TreeSet<>(monthsBefore);
        changedListed().forEach(a -> months.add(YearMonth.from(a.publishedAt().orElseThrow().atZone(zone))));
        for (YearMonth month : months) {
            int count = publishedBetween(month.atDay(1).atStartOfDay(zone).toInstant(),
                    month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant()).size();
            if (count == 0) {
                counts.remove(month);
            } else {
                counts.put(month, count);
            }
        }
        return counts;
    }

    @Override
    public List<ListedArticle> withImages(List<ListedArticle> listed) {
        return table.withImages(listed);
    }

    @Override
    public List<Article> latestArticlesInCategory(String categorySlug, int count) {
        List<Article> latest = new ArrayList<>(table.latestArticlesInCategory(categorySlug, count + articles.size()));
        latest.removeIf(a -> articles.containsKey(a.id()));
        changedListed().filter(a -> categoryName(a, categorySlug).isPresent()).forEach(latest::add);
        latest.sort(this::newestFirst);
        return List.copyOf(latest.subList(0, Math.min(count, latest.size())));
    }

    @Override
    public Optional<ListedArticle> publishedBefore(Instant publishedAt, String id) {
        List<ListedArticle> candidates = new ArrayList<>();
        Optional<ListedArticle> found = table.publishedBefore(publishedAt, id);
        for (int n = 0; n <= articles.size() && found.isPresent() && articles.containsKey(found.get().id()); n++) {
            found = table.publishedBefore(found.get().publishedAt().orElseThrow(), found.get().id());
        }
        found.filter(f -> !changed(f)).ifPresent(candidates::add);
        changedListed().filter(a -> !a.id().equals(id) && position(a.listed(), publishedAt, id) < 0)
                .map(Article::listed).forEach(candidates::add);
        return candidates.stream().min(this::newestFirstListed);
    }

    @Override
    public Optional<ListedArticle> publishedAfter(Instant publishedAt, String id) {
        List<ListedArticle> candidates = new ArrayList<>();
        Optional<ListedArticle> found = table.publishedAfter(publishedAt, id);
        for (int n = 0; n <= articles.size() && found.isPresent() && articles.containsKey(found.get().id()); n++) {
            found = table.publishedAfter(found.get().publishedAt().orElseThrow(), found.get().id());
        }
        found.filter(f -> !changed(f)).ifPresent(candidates::add);
        changedListed().filter(a -> !a.id().equals(id) && position(a.listed(), publishedAt, id) > 0)
                .map(Article::listed).forEach(candidates::add);
        return candidates.stream().max(this::newestFirstListed);
    }

    private boolean changed(Object found) {
        return found instanceof ListedArticle a ? articles.containsKey(a.id())
                : articles.containsKey(((CategoryEntry) found).articleId());
    }

    /** Where {@code a} is in the publication order (date, then id) against the position ({@code t}, {@code id}). */
    private static int position(ListedArticle a, Instant t, String id) {
        int byDate = a.publishedAt().orElseThrow().compareTo(t);
        return byDate != 0 ? byDate : a.id().compareTo(id);
    }

    @Override
    public List<Article> publishedArticlesBetween(Instant from, Instant to) {
        return patch(new ArrayList<>(table.publishedArticlesBetween(from, to)), Article::id, a -> a,
                a -> within(a, from, to), this::newestFirst, Integer.MAX_VALUE);
    }

    @Override
    public List<YearMonth> months() {
        Set<YearMonth> months = new TreeSet<>(table.months());
        changedListed().forEach(a -> months.add(YearMonth.from(a.publishedAt().orElseThrow().atZone(zone))));
        // A month a changed article left may have had only it: asked again, of the merged list.
        for (YearMonth month : monthsBefore) {
            if (publishedBetween(month.atDay(1).atStartOfDay(zone).toInstant(),
                    month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant()).isEmpty()) {
                months.remove(month);
            }
        }
        return List.copyOf(months);
    }

    @Override
    public SiteContent afresh() {
        BatchSiteContent merged = new BatchSiteContent(table.afresh(), zone);
        merged.articles.putAll(articles);
        comments.forEach((id, changed) -> merged.comments.put(id, new LinkedHashMap<>(changed)));
        merged.yearsBefore.addAll(yearsBefore);
        merged.monthsBefore.addAll(monthsBefore);
        return merged;
    }

    private Stream<Article> changedListed() {
        return articles.values().stream().flatMap(Optional::stream).filter(BatchSiteContent::listed);
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
