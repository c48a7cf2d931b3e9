package se.newsroom.render.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;

import se.newsroom.content.Article;
import se.newsroom.content.ArticleStatus;
import se.newsroom.content.Slugs;
import se.newsroom.render.SiteBuild;
import se.newsroom.render.site.Labels;
import se.newsroom.render.site.SiteRenderer;
import se.newsroom.render.site.SiteSettings;
import se.newsroom.render.site.SnapshotSiteContent;

/**
 * The period pages a change plans (issue 15): every list page whose bytes differ between a full render of the
 * site before and after the change is in the plan, and the plan stays within the stated bound.
 */
class PagingPlanTest {
    private static final ZoneId ZONE = ZoneId.of("Europe/Stockholm");
    private static final PagePlanner PLANNER = new PagePlanner(ZONE);
    private static final SiteRenderer RENDERER = new SiteRenderer(new SiteSettings("Båstads Kommun",
            URI.create("https://www.bastad.se"), ZONE), new Labels(Locale.forLanguageTag("sv")));
    /** 1,000 articles, one every 60,000 s (about 43 a month, so three pages a month), in three categories. */
    private static final List<Article> SITE = site(1_000, Instant.parse("2018-01-01T09:00:00Z"), 60_000);

    @Test
    void publishing_shouldPlanEveryListPageThatChanges_withinItsPeriodsAndTheirEdges() {
        Article draft = article(5_000, Instant.parse("2018-06-10T08:00:00Z"), List.of("Kategori 1", "Sommar"),
                ArticleStatus.DRAFT);

        Set<Page> plan = assertPlansEveryChangedListPage(SITE, draft, with(draft, ArticleStatus.PUBLISHED));

        // its month (three pages, now 44 articles), its category years, one edge page each side, the index
        assertThat(plan).contains(new Page.Month(YearMonth.of(2018, 6), 3), new Page.ArchiveIndex(),
                new Page.Month(YearMonth.of(2018, 5)), new Page.CategoryYear("sommar", 2018, 1));
    }

    @Test
    void unpublishingAnOldArticle_shouldPlanItsPeriodsPages_andThePageBeyondTheNewLastOne() {
        Article shown = SITE.get(100);

        Set<Page> plan = assertPlansEveryChangedListPage(SITE, shown, with(shown, ArticleStatus.DRAFT));

        YearMonth month = YearMonth.from(shown.publishedAt().orElseThrow().atZone(ZONE));
        assertThat(plan).contains(new Page.Month(month, 1), new Page.ArchiveIndex());
    }

    @Test
    void reDatingAcrossMonths_shouldPlanBothMonthsAndTheirNeighbours() {
        Article shown = SITE.get(500);
        Article moved = shown.toBuilder().publishedAt(Optional.of(Instant.parse("2018-02-14T12:00:00Z"))).build();

        Set<Page> plan = assertPlansEveryChangedListPage(SITE, shown, moved);

        assertThat(plan).contains(new Page.Month(YearMonth.of(2018, 2), 1),
                new Page.Month(YearMonth.from(shown.publishedAt().orElseThrow().atZone(ZONE)), 1));
    }

    @Test
    void changingCategory_shouldPlanTheOldAndTheNewCategoryYears() {
        Article shown = SITE.get(700);
        Article recategorized = shown.toBuilder().categories(List.of("Kategori 2", "Ny kategori")).build();

        Set<Page> plan = assertPlansEveryChangedListPage(SITE, shown, recategorized);

        int year = shown.publishedAt().orElseThrow().atZone(ZONE).getYear();
        assertThat(plan).contains(new Page.Category("ny-kategori"), new Page.CategoryYear("ny-kategori", year, 1),
                new Page.Category(Slugs.ofTerm(shown.categories().getFirst())));
    }

    @Test
    void editingATitle_shouldPlanOnlyThePageHoldingIt_inEachOfItsPeriods() {
        Article shown = SITE.get(609); // in "Kategori 0" and "Sommar"
        Article retitled = shown.toBuilder().title("Nytt namn på nyhet 609").build();

        Set<Page> plan = assertPlansEveryChangedListPage(SITE, shown, retitled);

        assertThat(plan.stream().filter(p -> p instanceof Page.Month)).hasSize(1);
        assertThat(plan.stream().filter(p -> p instanceof Page.CategoryYear)).hasSize(2);
        assertThat(plan).doesNotContain(new Page.ArchiveIndex());
    }

    @Test
    void aMonthCrossingAPageBoundary_shouldPlanItsNewLastPage_andTheOlderMonthsFirstPage() {
        // GIVEN March 2019 with exactly 40 articles (two full pages) between two other months
        List<Article> site = new ArrayList<>(site(30, Instant.parse("2019-02-01T09:00:00Z"), 60_000));
        site.addAll(renumber(site(40, Instant.parse("2019-03-01T09:00:00Z"), 60_000), 100));
        site.addAll(renumber(site(30, Instant.parse("2019-04-01T09:00:00Z"), 60_000), 200));
        Article draft = article(300, Instant.parse("2019-03-20T08:00:00Z"), List.of("Kategori 1"),
                ArticleStatus.DRAFT);
        Article published = with(draft, ArticleStatus.PUBLISHED);

        // WHEN the 41st is published, THEN page 3 appears, and February's first page links to it
        Set<Page> plan = assertPlansEveryChangedListPage(site, draft, published);
        assertThat(plan).contains(new Page.Month(YearMonth.of(2019, 3), 3), new Page.Month(YearMonth.of(2019, 2)));
        List<Article> after = new ArrayList<>(site);
        after.add(published);
        assertThat(html(new Page.Month(YearMonth.of(2019, 2)), after)).contains(
                "href=\"/arkiv/2019/03/sida/3/\" rel=\"prev\"");

        // WHEN it is unpublished again, THEN page 3 is planned and renders as gone
        Set<Page> back = assertPlansEveryChangedListPage(after, published, draft);
        assertThat(back).contains(new Page.Month(YearMonth.of(2019, 3), 3));
        assertThat(RENDERER.render(new Page.Month(YearMonth.of(2019, 3), 3), content(site))).isEmpty();
    }

    /**
     * Renders every list page of the site before and after the change (the heads, every period page, the archive
     * index), asserts that each one whose output differs is planned, and that the plan's list pages stay within the
     * bound: every page of the periods the article is in before and after, one more page each where it leaves, two
     * edge pages each where it enters or leaves, the heads and the index.
     */
    private static Set<Page> assertPlansEveryChangedListPage(List<Article> site, Article before, Article after) {
        List<Article> beforeSite = replace(site, before);
        List<Article> afterSite = replace(site, after);
        SnapshotSiteContent b = content(beforeSite);
        SnapshotSiteContent a = content(afterSite);
        Set<Page> lists = new LinkedHashSet<>(listPages(b));
        lists.addAll(listPages(a));
        Set<Page> changed = new LinkedHashSet<>();
        for (Page page : lists) {
            if (!same(RENDERER.render(page, b).map(o -> o.body()), RENDERER.render(page, a).map(o -> o.body()))) {
                changed.add(page);
            }
        }

        Set<Page> plan = PLANNER.plan(new Change.ArticleChanged(Optional.of(before), Optional.of(after)), a).pages();

        assertThat(changed).as("list pages the change alters").isNotEmpty();
        assertThat(plan).containsAll(changed);
        long planned = plan.stream().filter(lists::contains).count();
        assertThat(planned).as("list pages planned").isLessThanOrEqualTo(bound(b, a, before, after));
        return plan;
    }

    /** The stated bound: see {@link PagePlanner}'s planPeriods, and docs/benchmarks.md. */
    private static long bound(SnapshotSiteContent b, SnapshotSiteContent a, Article before, Article after) {
        Periods periods = new Periods(ZONE);
        long bound = 2; // the front page, the archive index
        Set<YearMonth> months = new LinkedHashSet<>();
        for (Article x : List.of(before, after)) {
            if (x.status() == ArticleStatus.PUBLISHED) {
                months.add(periods.month(x.publishedAt().orElseThrow()));
            }
        }
        for (YearMonth m : months) {
            bound += Periods.pageCount(periods.articles(m, a).size()) + 1 + 2;
        }
        for (Article x : List.of(before, after)) {
            if (x.status() == ArticleStatus.PUBLISHED) {
                int year = periods.year(x.publishedAt().orElseThrow());
                for (String name : x.categories()) {
                    bound += 1 + Periods.pageCount(periods.entries(Slugs.ofTerm(name), year, a).size()) + 1 + 2;
                }
            }
        }
        return bound;
    }

    private static List<Page> listPages(SnapshotSiteContent content) {
        return new SiteBuild(RENDERER, null, 1, ZONE).pages(content).stream().filter(p -> p instanceof Page.Front
                || p instanceof Page.Month || p instanceof Page.Category || p instanceof Page.CategoryYear
                || p instanceof Page.ArchiveIndex).toList();
    }

    private static boolean same(Optional<byte[]> x, Optional<byte[]> y) {
        return x.isPresent() == y.isPresent() && (x.isEmpty() || Arrays.equals(x.get(), y.get()));
    }

    private static String html(Page page, List<Article> site) {
        return new String(RENDERER.render(page, content(site)).orElseThrow().body(),
                StandardCharsets.UTF_8);
    }

    private static SnapshotSiteContent content(List<Article> site) {
        return new SnapshotSiteContent(site, Map.of(), ZONE);
    }

    private static List<Article> replace(List<Article> site, Article a) {
        List<Article> all = new ArrayList<>(site.stream().filter(x -> !x.id().equals(a.id())).toList());
        all.add(a);
        return all;
    }

    private static List<Article> site(int count, Instant start, long spacingSeconds) {
        List<Article> site = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            List<String> categories = i % 7 == 0 ? List.of("Kategori " + i % 3, "Sommar")
                    : List.of("Kategori " + i % 3);
            site.add(article(i, start.plusSeconds(i * spacingSeconds), categories, ArticleStatus.PUBLISHED));
        }
        return site;
    }

    private static List<Article> renumber(List<Article> articles, int offset) {
        UnaryOperator<Article> shift = a -> {
            int n = Integer.parseInt(a.id().substring(3)) + offset;
            return a.toBuilder().id(id(n)).slug("nyhet-" + n).title("Nyhet " + n).build();
        };
        return articles.stream().map(shift).toList();
    }

    private static String id(int n) {
        return "01A%024d".formatted(n);
    }

    private static Article article(int n, Instant published, List<String> categories, ArticleStatus status) {
        return new Article(id(n), "nyhet-" + n, "Nyhet " + n, "Sammanfattning " + n, "Text " + n, categories,
                List.of(), status, Optional.empty(), Optional.of(published), published, published, "Redaktionen", true,
                1, List.of());
    }

    private static Article with(Article a, ArticleStatus status) {
        return a.toBuilder().status(status).build();
    }
}
