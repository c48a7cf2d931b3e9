package se.newsroom.render.plan;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import se.newsroom.content.Article;
import se.newsroom.content.ArticleImage;
import se.newsroom.content.ArticleStatus;
import se.newsroom.content.Categories;
import se.newsroom.content.CategoryEntry;
import se.newsroom.content.Comment;
import se.newsroom.content.CommentStatus;
import se.newsroom.content.LegacyPaths;
import se.newsroom.content.ListedArticle;
import se.newsroom.content.Media;

/**
 * Works out which pages a change touches. Publishing one article touches a bounded set whatever the site's size:
 * its page, the front page, its month, its categories, the feed, its year's sitemap part and the sitemap index;
 * a title change also touches the pages that list it under "Läs mer".
 */
public final class PagePlanner {
    private final ZoneId zone;
    private final Periods periods;

    public PagePlanner(ZoneId zone) {
        this.zone = zone;
        this.periods = new Periods(zone);
    }

    /** The zone the site's dates (months, years) are in. */
    public ZoneId zone() {
        return zone;
    }

    /** The pages one change touches. */
    public PagePlan plan(Change change, PlanLookups lookups) {
        PagePlan plan = new PagePlan();
        switch (change) {
            case Change.CommentChanged c -> {
                if (readerSees(c)) {
                    lookups.publishedPage(c.articleId()).ifPresent(plan::add);
                }
            }
            case Change.ArticleChanged c -> {
                planArticle(c.before().filter(PagePlanner::visible), c.after().filter(PagePlanner::visible), c,
                        plan, lookups);
                planSearch(c.before().filter(PagePlanner::visible), c.after().filter(PagePlanner::visible), plan);
            }
            case Change.MediaChanged c -> planMedia(c, plan, lookups);
            case Change.PrivacyNoticeChanged c -> {
                plan.add(new Page.PrivacyNotice());
                plan.add(new Page.SitemapPages()); // its lastmod
            }
        }
        planSharing(change, plan, lookups);
        return plan;
    }

    /**
     * Issue 15's sharing and navigation pages. A category's feed carries its articles' bodies as the site's feed
     * does, so it is written whenever the site's feed is for an article of the category (a picture's texts, its
     * bodies). An article page links to its older and newer neighbours by title: entering or leaving the site, a
     * new date or a new title or slug rewrites the neighbours of its old place and of its new one (at most four
     * pages), which then link past it or to it.
     */
    private void planSharing(Change change, PagePlan plan, PlanLookups lookups) {
        if (change instanceof Change.ArticleChanged c) {
            Optional<Article> before = c.before().filter(PagePlanner::visible);
            Optional<Article> after = c.after().filter(PagePlanner::visible);
            for (Optional<Article> side : List.of(before, after)) {
                side.ifPresent(a -> a.categories().forEach(name -> plan.add(new Page.CategoryFeed(
                        Categories.slug(name)))));
            }
            if (neighboursSeeItChange(before, after)) {
                for (Optional<Article> side : List.of(before, after)) {
                    side.ifPresent(a -> {
                        Instant at = a.publishedAt().orElseThrow();
                        lookups.publishedBefore(at, a.id()).ifPresent(n -> plan.add(
                                new Page.ArticlePage(n.id(), n.slug())));
                        lookups.publishedAfter(at, a.id()).ifPresent(n -> plan.add(
                                new Page.ArticlePage(n.id(), n.slug())));
                    });
                }
            }
        } else if (change instanceof Change.MediaChanged c && plan.pages().contains(new Page.Feed())) {
            // planMedia found the articles showing the picture; the feeds of their categories carry them too.
            for (Article article : lookups.publishedUsing(c.mediaId())) {
                article.categories().forEach(name -> plan.add(new Page.CategoryFeed(Categories.slug(name))));
            }
        }
    }

    /** Whether what an article's neighbours show of it (its place in the order, title and address) changed. */
    private static boolean neighboursSeeItChange(Optional<Article> before, Optional<Article> after) {
        if (before.isEmpty() || after.isEmpty()) {
            return before.isPresent() || after.isPresent();
        }
        Article b = before.get();
        Article a = after.get();
        return !(b.publishedAt().equals(a.publishedAt()) && b.title().equals(a.title()) && b.slug().equals(a.slug()));
    }

    /**
     * A picture's pages: when its texts change (an editor's edit in the library), the pages of the published
     * articles that show it and the feed, which carries their bodies; when its status or variants change, their lists
     * too (a thumbnail). Asked for, deleted (only once no article uses it), or written by an article save (its use
     * version): nothing, and no read.
     */
    private void planMedia(Change.MediaChanged c, PagePlan plan, PlanLookups lookups) {
        if (c.before().isEmpty() || c.after().isEmpty()) {
            return;
        }
        Media b = c.before().get();
        Media a = c.after().get();
        boolean files = b.status() != a.status() || !b.variants().equals(a.variants());
        boolean texts = !(b.alt().equals(a.alt()) && b.caption().equals(a.caption())
                && b.credit().equals(a.credit()));
        if (!files && !texts) {
            return;
        }
        for (Article article : lookups.publishedUsing(c.mediaId())) {
            plan.add(new Page.ArticlePage(article.id(), article.slug()));
            plan.add(new Page.Feed());
            if (files) {
                plan.add(new Page.Front());
                article.categories().forEach(name -> plan.add(new Page.Category(Categories.slug(name))));
                planPeriods(Optional.of(article), Optional.of(article), plan, lookups); // its month's page too
            }
        }
    }

    private void planArticle(Optional<Article> shownBefore, Optional<Article> shownAfter, Change.ArticleChanged c,
                             PagePlan plan, PlanLookups lookups) {
        if (shownBefore.isEmpty() && shownAfter.isEmpty()) {
            return; // a draft or scheduled article: nothing on the site changes
        }
        shownAfter.ifPresent(a -> {
            plan.add(new Page.ArticlePage(a.id(), a.slug()));
            plan.add(new Page.Feed()); // it carries bodies
            plan.add(new Page.SitemapYear(year(a))); // its lastmod
            // Each earlier slug redirects here (again, if the article was off the site meanwhile). A redirect
            // page names the article's title and address, so a new title or slug rewrites all of them.
            Set<String> redirected = shownBefore.filter(b -> b.title().equals(a.title()) && b.slug().equals(a.slug()))
                    .map(b -> new HashSet<>(b.previousSlugs())).orElseGet(HashSet::new);
            a.previousSlugs().stream().filter(s -> !redirected.contains(s))
                    .forEach(s -> plan.add(new Page.Redirect(s, a.id())));
            // Its old site's addresses likewise; one it no longer has is deleted (renders as gone).
            Set<String> legacyRedirected = shownBefore
                    .filter(b -> b.title().equals(a.title()) && b.slug().equals(a.slug()))
                    .map(b -> new HashSet<>(b.legacyPaths())).orElseGet(HashSet::new);
            legacyRedirects(a).filter(p -> !legacyRedirected.contains(p.legacyPath())).forEach(plan::add);
            shownBefore.ifPresent(b -> legacyRedirects(b).filter(p -> !a.legacyPaths().contains(p.legacyPath()))
                    .forEach(plan::add));
        });
        shownBefore.ifPresent(b -> {
            boolean moved = shownAfter.map(a -> !a.slug().equals(b.slug())).orElse(true);
            if (moved && shownAfter.isPresent()) {
                plan.add(new Page.Redirect(b.slug(), b.id()));
            } else if (moved) {
                plan.add(new Page.ArticlePage(b.id(), b.slug())); // renders as gone
                b.previousSlugs().forEach(s -> plan.add(new Page.Redirect(s, b.id())));
                legacyRedirects(b).forEach(plan::add);
            }
        });
        if (listingChanged(shownBefore, shownAfter)) {
            plan.add(new Page.Front());
            plan.add(new Page.Feed());
            for (Optional<Article> side : List.of(shownBefore, shownAfter)) {
                side.ifPresent(a -> {
                    a.categories().forEach(name -> plan.add(new Page.Category(Categories.slug(name))));
                    plan.add(new Page.SitemapYear(year(a)));
                });
            }
            // The index lists the years that have articles. Whether a year is new cannot be told per record (a
            // batch may publish a year's first two articles at once), so it is rewritten whenever an article
            // enters or leaves the site or changes year: one small object more, still a bounded set.
            boolean entersOrLeaves = shownBefore.isEmpty() != shownAfter.isEmpty();
            boolean changesYear = shownBefore.isPresent() && shownAfter.isPresent()
                    && year(shownBefore.get()) != year(shownAfter.get());
            if (entersOrLeaves || changesYear) {
                plan.add(new Page.SitemapIndex());
            }
            planPeriods(shownBefore, shownAfter, plan, lookups);
        }
        if (titleOrPlaceChanged(shownBefore, shownAfter)) {
            String id = c.after().or(c::before).map(Article::id).orElseThrow();
            lookups.pagesListing(id).forEach(plan::add);
        }
    }

    /**
     * The redirects of an article's addresses on the site it was moved from; one that {@link LegacyPaths} refuses
     * (the importer leaves those out, so only a hand-edited item has one) is never written.
     */
    public static Stream<Page.LegacyRedirect> legacyRedirects(Article a) {
        return a.legacyPaths().stream().filter(p -> LegacyPaths.refusal(p).isEmpty())
                .map(p -> new Page.LegacyRedirect(p, a.id()));
    }

    /**
     * The search index's part: the month shard on each side when an indexed field changed (title, URL, date,
     * summary, categories, body), and the manifest when the article enters or leaves the site or changes month (the
     * manifest lists the months that have articles; whether one empties cannot be told per record). At most two
     * shards and the manifest, whatever the site's size; a comment, a picture or an author change writes none.
     */
    private void planSearch(Optional<Article> shownBefore, Optional<Article> shownAfter, PagePlan plan) {
        if (!indexedChanged(shownBefore, shownAfter)) {
            return;
        }
        shownBefore.ifPresent(b -> plan.add(new Page.SearchShard(yearMonth(b))));
        shownAfter.ifPresent(a -> plan.add(new Page.SearchShard(yearMonth(a))));
        boolean monthsMayChange = shownBefore.isEmpty() || shownAfter.isEmpty()
                || !yearMonth(shownBefore.get()).equals(yearMonth(shownAfter.get()));
        if (monthsMayChange) {
            plan.add(new Page.SearchManifest());
        }
    }

    /** Whether anything a search index entry holds changed; nothing changed for an article never on the site. */
    private static boolean indexedChanged(Optional<Article> before, Optional<Article> after) {
        if (before.isEmpty() || after.isEmpty()) {
            return before.isPresent() || after.isPresent();
        }
        Article b = before.get();
        Article a = after.get();
        return !(b.title().equals(a.title()) && b.slug().equals(a.slug()) && b.summary().equals(a.summary())
                && b.publishedAt().equals(a.publishedAt()) && b.categories().equals(a.categories())
                && b.body().equals(a.body()));
    }

    private YearMonth yearMonth(Article a) {
        return YearMonth.from(a.publishedAt().orElseThrow().atZone(zone));
    }

    /**
     * Whether a comment change alters what a reader sees: it was or becomes approved, or an approved comment's shown
     * fields changed. A pending or spam post, or moderating one to rejected or spam, touches nothing on the site
     * (no page, no CDN invalidation), however many a bot sends.
     */
    private static boolean readerSees(Change.CommentChanged c) {
        Optional<Comment> before = c.before().filter(PagePlanner::shown);
        Optional<Comment> after = c.after().filter(PagePlanner::shown);
        if (before.isEmpty() || after.isEmpty()) {
            return before.isPresent() || after.isPresent();
        }
        Comment b = before.get();
        Comment a = after.get();
        return !(b.author().equals(a.author()) && b.body().equals(a.body()) && b.parentId().equals(a.parentId())
                && b.createdAt().equals(a.createdAt()));
    }

    private static boolean shown(Comment c) {
        return c.status() == CommentStatus.APPROVED;
    }

    private static boolean visible(Article a) {
        return a.status() == ArticleStatus.PUBLISHED && a.publishedAt().isPresent();
    }

    /** Whether anything the lists, feed or sitemap show of the article changed. */
    private static boolean listingChanged(Optional<Article> before, Optional<Article> after) {
        if (before.isEmpty() || after.isEmpty()) {
            return true;
        }
        Article b = before.get();
        Article a = after.get();
        return !(b.title().equals(a.title()) && b.summary().equals(a.summary()) && b.slug().equals(a.slug())
                && b.publishedAt().equals(a.publishedAt()) && b.categories().equals(a.categories())
                && Objects.equals(b.author(), a.author()) && thumbnail(b).equals(thumbnail(a)));
    }

    /** The picture a list shows beside the article (with alt="", so only which picture it is counts). */
    private static Optional<String> thumbnail(Article a) {
        return a.image().map(ArticleImage::mediaId);
    }

    private static boolean titleOrPlaceChanged(Optional<Article> before, Optional<Article> after) {
        if (before.isEmpty() || after.isEmpty()) {
            return true;
        }
        return !before.get().title().equals(after.get().title()) || !before.get().slug().equals(after.get().slug());
    }

    private int year(Article a) {
        return a.publishedAt().orElseThrow().atZone(zone).getYear();
    }

    /**
     * The period pages whose content can change when an article's listing changes, given its state
     * before and after (each empty when off the site). Every page of its month and of each of its categories' years,
     * before and after (they are renumbered); one page more where it leaves a period, so the page beyond the new last
     * one is deleted; and where it enters or leaves a period, that period's neighbours' edge pages (the next newer
     * period's last page links to its first, the next older period's first page to its last) and the archive index
     * (its counts). An article that stays in a period at the same date (an edit of its title, summary or picture)
     * changes only the page holding it. The page counts are read (one query a period), not trusted to the record: a
     * batch may move several articles at once. What this misses: a batch that takes more than {@link Page.Month#SIZE}
     * articles out of one period leaves its pages beyond the new last page plus one, until a rebuild deletes them.
     */
    private void planPeriods(Optional<Article> before, Optional<Article> after, PagePlan plan, PlanLookups lookups) {
        Optional<YearMonth> monthBefore = before.map(a -> periods.month(a.publishedAt().orElseThrow()));
        Optional<YearMonth> monthAfter = after.map(a -> periods.month(a.publishedAt().orElseThrow()));
        Set<YearMonth> months = new LinkedHashSet<>();
        monthBefore.ifPresent(months::add);
        monthAfter.ifPresent(months::add);
        String id = after.or(() -> before).map(Article::id).orElseThrow();
        boolean stays = before.isPresent() && after.isPresent()
                && before.get().publishedAt().equals(after.get().publishedAt());
        for (YearMonth month : months) {
            boolean was = monthBefore.equals(Optional.of(month));
            boolean is = monthAfter.equals(Optional.of(month));
            List<ListedArticle> period = periods.articles(month, lookups);
            int at = stays && was && is ? indexOf(period.stream().map(ListedArticle::id).toList(), id) : -1;
            if (at >= 0) {
                plan.add(new Page.Month(month, Periods.pageOf(at))); // in place: only its own page changes
                continue;
            }
            for (int k = 1; k <= Math.max(1, Periods.pageCount(period.size()) + (was && !is ? 1 : 0)); k++) {
                plan.add(new Page.Month(month, k));
            }
            if (was != is) {
                plan.add(new Page.ArchiveIndex());
                if (periods.newerThan(month, lookups) instanceof Page.Month newer) {
                    plan.add(newer);
                }
                periods.olderThan(month, lookups).ifPresent(plan::add);
            }
        }
        Set<Map.Entry<String, Integer>> yearsBefore = categoryYears(before);
        Set<Map.Entry<String, Integer>> yearsAfter = categoryYears(after);
        Set<Map.Entry<String, Integer>> years = new LinkedHashSet<>(yearsBefore);
        years.addAll(yearsAfter);
        for (Map.Entry<String, Integer> period : years) {
            String slug = period.getKey();
            int year = period.getValue();
            boolean was = yearsBefore.contains(period);
            boolean is = yearsAfter.contains(period);
            List<CategoryEntry> entries = periods.entries(slug, year, lookups);
            int at = stays && was && is ? indexOf(entries.stream().map(CategoryEntry::articleId).toList(), id) : -1;
            if (at >= 0) {
                plan.add(new Page.CategoryYear(slug, year, Periods.pageOf(at)));
                continue;
            }
            for (int k = 1; k <= Math.max(1, Periods.pageCount(entries.size()) + (was && !is ? 1 : 0)); k++) {
                plan.add(new Page.CategoryYear(slug, year, k));
            }
            if (was != is) {
                if (periods.newerThan(slug, year, lookups) instanceof Page.CategoryYear newer) {
                    plan.add(newer);
                }
                periods.olderThan(slug, year, lookups).ifPresent(plan::add);
            }
        }
    }

    /**
     * Where an article stands in a period's list; -1 when the list does not hold it (an index that lags), and then
     * every page of the period is planned.
     */
    private static int indexOf(List<String> ids, String id) {
        return ids.indexOf(id);
    }

    /** The category year periods an article is listed in: each category's slug with its year. */
    private Set<Map.Entry<String, Integer>> categoryYears(Optional<Article> article) {
        Set<Map.Entry<String, Integer>> years = new LinkedHashSet<>();
        article.ifPresent(a -> a.categories().forEach(name -> years.add(
                Map.entry(Categories.slug(name), periods.year(a.publishedAt().orElseThrow())))));
        return years;
    }
}
