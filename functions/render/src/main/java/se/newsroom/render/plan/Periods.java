package se.newsroom.render.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import se.newsroom.content.CategoryEntry;
import se.newsroom.content.ListedArticle;

/**
 * The periods lists are paged within (issue 15): the site-wide list by month ({@code /arkiv/YYYY/MM/…}), a category's
 * by year ({@code /kategori/<slug>/YYYY/…}), each {@link Page.Month#SIZE} articles a page, newest first, numbered
 * within its period. A publish therefore renumbers only its own periods' pages; a period's neighbours change only at
 * their edges (the older one's first page links to this one's last page, the newer one's last page to this one's
 * first), and the heads (the front page, a category's page) link on to the period page holding their first unshown
 * article.
 */
public final class Periods {
    private final ZoneId zone;

    public Periods(ZoneId zone) {
        this.zone = zone;
    }

    /** How many pages a period of {@code articles} articles has: none when it is empty. */
    public static int pageCount(int articles) {
        return (articles + Page.Month.SIZE - 1) / Page.Month.SIZE;
    }

    /** The articles of page {@code number} (from 1) of a period's list; empty beyond its last page. */
    public static <T> List<T> slice(List<T> period, int number) {
        int from = (number - 1) * Page.Month.SIZE;
        return from >= period.size() ? List.of()
                : period.subList(from, Math.min(period.size(), from + Page.Month.SIZE));
    }

    /** The page (from 1) of a period's list that holds the item at {@code index} (from 0). */
    public static int pageOf(int index) {
        return index / Page.Month.SIZE + 1;
    }

    /** The month (in the site's zone) an instant falls in. */
    public YearMonth month(Instant t) {
        return YearMonth.from(t.atZone(zone));
    }

    /** The year (in the site's zone) an instant falls in. */
    public int year(Instant t) {
        return t.atZone(zone).getYear();
    }

    /** The first instant of a month. */
    public Instant start(YearMonth month) {
        return month.atDay(1).atStartOfDay(zone).toInstant();
    }

    /** The first instant after a month. */
    public Instant end(YearMonth month) {
        return start(month.plusMonths(1));
    }

    /** The first instant of a year. */
    public Instant start(int year) {
        return LocalDate.of(year, 1, 1).atStartOfDay(zone).toInstant();
    }

    /** The first instant after a year. */
    public Instant end(int year) {
        return start(year + 1);
    }

    /** A month's articles, newest first: one read. */
    public List<ListedArticle> articles(YearMonth month, PlanLookups lookups) {
        return lookups.publishedBetween(start(month), end(month));
    }

    /** A category's entries in one year, newest first: one read. */
    public List<CategoryEntry> entries(String slug, int year, PlanLookups lookups) {
        return lookups.inCategoryBetween(slug, start(year), end(year));
    }

    /** Every page of a month of {@code articles} articles (none when it has none). */
    public static List<Page> monthPages(YearMonth month, int articles) {
        List<Page> pages = new ArrayList<>();
        for (int k = 1; k <= pageCount(articles); k++) {
            pages.add(new Page.Month(month, k));
        }
        return pages;
    }

    /** Every page of a category's year of {@code entries} entries (none when it has none). */
    public static List<Page> categoryYearPages(String slug, int year, int entries) {
        List<Page> pages = new ArrayList<>();
        for (int k = 1; k <= pageCount(entries); k++) {
            pages.add(new Page.CategoryYear(slug, year, k));
        }
        return pages;
    }

    /**
     * Where "Nyare nyheter" leads from a month's first page: the last page of the next month that has articles, or
     * the front page from the newest month.
     */
    public Page newerThan(YearMonth month, PlanLookups lookups) {
        return lookups.oldestAtOrAfter(end(month)).<Page>map(a -> {
            YearMonth next = month(a.publishedAt().orElseThrow());
            return new Page.Month(next, Math.max(1, pageCount(articles(next, lookups).size())));
        }).orElse(new Page.Front());
    }

    /** Where "Äldre nyheter" leads from a month's last page: the first page of the previous month with articles. */
    public Optional<Page.Month> olderThan(YearMonth month, PlanLookups lookups) {
        return lookups.newestBefore(start(month)).map(a -> new Page.Month(month(a.publishedAt().orElseThrow())));
    }

    /**
     * Where "Nyare nyheter" leads from a category year's first page: the last page of the next year that has
     * entries, or the category's own page from the newest year.
     */
    public Page newerThan(String slug, int year, PlanLookups lookups) {
        return lookups.oldestInCategoryAtOrAfter(slug, end(year)).<Page>map(e -> {
            int next = year(e.publishedAt());
            return new Page.CategoryYear(slug, next, Math.max(1, pageCount(entries(slug, next, lookups).size())));
        }).orElse(new Page.Category(slug));
    }

    /** Where "Äldre nyheter" leads from a category year's last page: the previous year with entries, page 1. */
    public Optional<Page.CategoryYear> olderThan(String slug, int year, PlanLookups lookups) {
        return lookups.newestInCategoryBefore(slug, start(year))
                .map(e -> new Page.CategoryYear(slug, year(e.publishedAt()), 1));
    }
}
