package se.newsroom.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import se.newsroom.content.Article;
import se.newsroom.content.ArticleStatus;
import se.newsroom.render.plan.Change;
import se.newsroom.render.plan.Page;
import se.newsroom.render.plan.PagePlan;
import se.newsroom.render.plan.PagePlanner;
import se.newsroom.render.site.SiteRenderer;
import se.newsroom.render.site.SnapshotSiteContent;

/**
 * Paging on the bench's site of 10,000 articles (issue 15): one publish plans a bounded number of pages, and
 * following "Äldre nyheter" from the front page (and from a category's page) reaches every article exactly once.
 */
class PagingTenThousandTest {
    private static final Pattern OLDER = Pattern.compile("<a href=\"([^\"]+)\" rel=\"next\">Äldre nyheter</a>");
    private static final Pattern TEASER = Pattern.compile("<h2><a href=\"(/nyheter/[^\"]+/)\">");
    private static final SiteRenderer RENDERER = Seeds.renderer();
    private static List<Article> site;
    private static SnapshotSiteContent content;
    private static Map<String, Page> pagesByPath;

    @BeforeAll
    static void tenThousandArticles() {
        site = RenderBench.generate(10_000);
        content = new SnapshotSiteContent(site, Map.of(), Seeds.STOCKHOLM);
        pagesByPath = new HashMap<>();
        new SiteBuild(RENDERER, null, 1, Seeds.STOCKHOLM).pages(content).forEach(p -> pagesByPath.put(p.path(), p));
    }

    @Test
    void publishing_shouldPlanAtMostTheStatedBound_ofObjects() {
        // GIVEN a draft dated in the middle of the site (June 2015), in a "Kategori" and an "Område"
        Article draft = RenderBench.article(10_001, Instant.parse("2015-06-15T08:00:00Z"), ArticleStatus.DRAFT);
        Article published = RenderBench.article(10_001, Instant.parse("2015-06-15T08:00:00Z"),
                ArticleStatus.PUBLISHED);
        List<Article> after = new ArrayList<>(site);
        after.add(published);

        // WHEN
        PagePlan plan = new PagePlanner(Seeds.STOCKHOLM).plan(new Change.ArticleChanged(Optional.of(draft),
                Optional.of(published)), new SnapshotSiteContent(after, Map.of(), Seeds.STOCKHOLM));

        // THEN the bound of docs/benchmarks.md: 6 fixed objects (article, front, feed, sitemap part and index,
        // archive index), its month's pages (6) + 2 edges, per category its head + its year's pages + 2 edges
        // (Kategori: 1 + 6 + 2; Område: 1 + 13 + 2); per category its feed, the article's two neighbours, and its
        // search shard and the search manifest
        long periodPages = plan.pages().stream().filter(p -> p instanceof Page.Month
                || p instanceof Page.CategoryYear).count();
        assertThat(plan.pages()).hasSizeLessThanOrEqualTo(6 + 8 + 9 + 16 + 2 + 2 + 2);
        assertThat(periodPages).isLessThanOrEqualTo(8 + 8 + 15);
    }

    @Test
    void followingOlderFromTheFrontPage_shouldReachEveryArticleExactlyOnce() {
        List<String> reached = walk(new Page.Front());

        assertThat(reached).doesNotHaveDuplicates();
        assertThat(union(teasers(html(new Page.Front())), reached)).isEqualTo(urls(site));
    }

    @Test
    void followingOlderFromACategoryPage_shouldReachEveryArticleOfItExactlyOnce() {
        List<String> reached = walk(new Page.Category("kategori-7"));

        List<Article> inCategory = site.stream().filter(a -> a.categories().contains("Kategori 7")).toList();
        assertThat(reached).doesNotHaveDuplicates();
        assertThat(union(teasers(html(new Page.Category("kategori-7"))), reached)).isEqualTo(urls(inCategory));
    }

    /**
     * The articles listed by the period pages reached from {@code head} by "Äldre nyheter", in order; the head's own
     * articles may be on them too (the head is a view of the newest articles, not a period), or only on the head.
     */
    private static List<String> walk(Page head) {
        List<String> reached = new ArrayList<>();
        Set<Page> visited = new HashSet<>();
        Optional<String> next = older(html(head));
        while (next.isPresent()) {
            Page page = pagesByPath.get(next.get());
            assertThat(page).as(next.get()).isNotNull();
            assertThat(visited.add(page)).as("visited once: " + page).isTrue();
            String html = html(page);
            reached.addAll(teasers(html));
            next = older(html);
        }
        return reached;
    }

    private static List<String> teasers(String html) {
        List<String> urls = new ArrayList<>();
        Matcher teasers = TEASER.matcher(html);
        while (teasers.find()) {
            urls.add(teasers.group(1));
        }
        return urls;
    }

    private static Set<String> union(List<String> head, List<String> periods) {
        Set<String> all = new HashSet<>(head);
        all.addAll(periods);
        return all;
    }

    private static Optional<String> older(String html) {
        Matcher m = OLDER.matcher(html);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    private static String html(Page page) {
        return new String(RENDERER.render(page, content).orElseThrow().body(), StandardCharsets.UTF_8);
    }

    private static Set<String> urls(List<Article> articles) {
        Set<String> urls = new HashSet<>();
        articles.forEach(a -> urls.add(a.url()));
        return urls;
    }
}
