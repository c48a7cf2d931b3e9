package se.newsroom.render;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import se.newsroom.content.Article;
import se.newsroom.content.LegacyPaths;
import se.newsroom.render.output.SiteWriter;
import se.newsroom.render.plan.Page;
import se.newsroom.render.plan.PagePlanner;
import se.newsroom.render.plan.Periods;
import se.newsroom.render.site.RenderedObject;
import se.newsroom.render.site.SiteRenderer;
import se.newsroom.render.site.SnapshotSiteContent;

/** A full rebuild: every page of the site from a snapshot, rendered in parallel with a bounded pool. */
public final class SiteBuild {
    /** The fixed keys of render's pages. */
    private static final Set<String> OWNED_KEYS = Set.of("index.html", "feed.xml", "sitemap.xml", "404.html",
            "robots.txt", "integritet/index.html", "sitemap-sidor.xml");
    /** The folders holding only render's pages. */
    private static final List<String> OWNED_PREFIXES = List.of("nyheter/", "arkiv/", "kategori/", "assets/", "sok/");
    private static final Pattern SITEMAP_PART = Pattern.compile("sitemap-\\d+\\.xml");

    private final SiteRenderer renderer;
    private final SiteWriter writer;
    private final int parallelism;
    private final ZoneId zone;

    public SiteBuild(SiteRenderer renderer, SiteWriter writer, int parallelism, ZoneId zone) {
        this.renderer = renderer;
        this.writer = writer;
        this.parallelism = parallelism;
        this.zone = zone;
    }

    /** Every page the content has, including the static ones. */
    public Set<Page> pages(SnapshotSiteContent content) {
        Set<Page> pages = new LinkedHashSet<>();
        pages.add(new Page.Front());
        pages.add(new Page.Feed());
        pages.add(new Page.SitemapIndex());
        pages.add(new Page.NotFound());
        pages.add(new Page.Robots());
        pages.add(new Page.Asset("site.css"));
        pages.add(new Page.Asset("site.js"));
        for (Article a : content.publishedArticles()) {
            pages.add(new Page.ArticlePage(a.id(), a.slug()));
            a.previousSlugs().forEach(s -> pages.add(new Page.Redirect(s, a.id())));
            PagePlanner.legacyRedirects(a).forEach(pages::add);
            pages.add(new Page.Month(YearMonth.from(a.publishedAt().orElseThrow().atZone(zone))));
            pages.add(new Page.SitemapYear(a.publishedAt().orElseThrow().atZone(zone).getYear()));
        }
        content.categorySlugs().forEach(slug -> pages.add(new Page.Category(slug)));
        pages.add(new Page.Asset("logo.png"));
        content.categorySlugs().forEach(slug -> pages.add(new Page.CategoryFeed(slug)));
        // Every page of every period, and the archive index.
        content.monthCounts().forEach((month, count) -> pages.addAll(Periods.monthPages(month, count)));
        Periods periods = new Periods(zone);
        for (String slug : content.categorySlugs()) {
            Map<Integer, Integer> years = new TreeMap<>();
            content.inCategory(slug).forEach(e -> years.merge(periods.year(e.publishedAt()), 1, Integer::sum));
            years.forEach((year, count) -> pages.addAll(Periods.categoryYearPages(slug, year, count)));
        }
        pages.add(new Page.ArchiveIndex());
        // The search page, its script, its index's manifest and a shard for each month with articles.
        pages.add(new Page.Search());
        pages.add(new Page.Asset("search.js"));
        pages.add(new Page.SearchManifest());
        pages.add(new Page.PrivacyNotice());
        pages.add(new Page.SitemapPages());
        content.months().forEach(month -> pages.add(new Page.SearchShard(month)));
        return pages;
    }

    /**
     * Renders and writes every page, then deletes the objects of render's pages that no longer exist (an article
     * unpublished, renamed or deleted while the stream was not keeping up, a page type that went away); rerunning it
     * writes the same objects again. Returns how many pages it wrote.
     */
    public int run(SnapshotSiteContent content) {
        return run(content, Instant.MAX);
    }

    /**
     * As {@link #run(SnapshotSiteContent)}, for a snapshot read at {@code readAt} while stream batches may be
     * writing: an object written since then is left alone (a batch's page of an article the snapshot does not
     * have yet), deleted only when it is older.
     */
    public int run(SnapshotSiteContent content, Instant readAt) {
        List<Page> pages = new ArrayList<>(pages(content));
        List<Optional<String>> written = Pages.each(pages, parallelism,
                page -> renderer.render(page, content).map(object -> {
                    writer.put(object);
                    return object.key();
                }));
        Set<String> kept = new HashSet<>();
        written.forEach(key -> key.ifPresent(kept::add));
        List<String> stale = writer.keys().entrySet().stream()
                .filter(e -> !kept.contains(e.getKey()) && e.getValue().isBefore(readAt))
                .map(Map.Entry::getKey).filter(this::ownedByRenderHere).sorted().toList();
        Pages.each(stale, parallelism, key -> {
            writer.delete(key);
            return key;
        });
        return pages.size();
    }

    /**
     * Whether a key no page has any more is render's to delete: one of its own ({@link #ownedByRender}), or the
     * redirect of an old site's address, which may lie anywhere outside the site's folders and is render's only
     * when its metadata says so (one look each, only at keys no page has: the desk, the media and anything else in
     * the bucket are never deleted).
     */
    private boolean ownedByRenderHere(String key) {
        return ownedByRender(key) || LegacyPaths.mayBeKeyOf(key)
                && RenderedObject.marksLegacyRedirect(writer.metadata(key));
    }

    /**
     * Whether {@code key} is one render writes pages under, so a rebuild may delete it once no page has it: the
     * site's own paths, never the desk ({@code redaktion/}), editors' uploads or media, or anything else in the bucket.
     */
    static boolean ownedByRender(String key) {
        return OWNED_KEYS.contains(key) || OWNED_PREFIXES.stream().anyMatch(key::startsWith)
                || SITEMAP_PART.matcher(key).matches();
    }
}
