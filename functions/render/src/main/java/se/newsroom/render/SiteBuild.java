package se.newsroom.render;

import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import se.newsroom.content.Article;
import se.newsroom.render.output.SiteWriter;
import se.newsroom.render.plan.Page;
import se.newsroom.render.plan.Periods;
import se.newsroom.render.site.SiteRenderer;
import se.newsroom.render.site.SnapshotSiteContent;

/** A full rebuild: every page of the site from a snapshot, rendered in parallel with a bounded pool. */
public final class SiteBuild {
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
            pages.add(new Page.Month(YearMonth.from(a.publishedAt().orElseThrow().atZone(zone))));
            pages.add(new Page.SitemapYear(a.publishedAt().orElseThrow().atZone(zone).getYear()));
        }
        content.categorySlugs().forEach(slug -> pages.add(new Page.Category(slug)));
        // E1 (paging): every page of every period, and the archive index.
        content.monthCounts().forEach((month, count) -> pages.addAll(Periods.monthPages(month, count)));
        Periods periods = new Periods(zone);
        for (String slug : content.categorySlugs()) {
            Map<Integer, Integer> years = new TreeMap<>();
            content.inCategory(slug).forEach(e -> years.merge(periods.year(e.publishedAt()), 1, Integer::sum));
            years.forEach((year, count) -> pages.addAll(Periods.categoryYearPages(slug, year, count)));
        }
        pages.add(new Page.ArchiveIndex());
        return pages;
    }

    /** Renders and writes every page; rerunning it writes the same objects again. Returns how many. */
    public int run(SnapshotSiteContent content) {
        List<Page> pages = new ArrayList<>(pages(content));
        Pages.each(pages, parallelism, page -> {
            renderer.render(page, content).ifPresent(writer::put);
            return page;
        });
        return pages.size();
    }
}
