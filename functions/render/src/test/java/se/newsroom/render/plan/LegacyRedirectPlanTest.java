package se.newsroom.render.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import se.newsroom.content.Article;
import se.newsroom.content.ArticleStatus;
import se.newsroom.render.site.SnapshotSiteContent;

/**
 * An imported article's old addresses (WordPress's permalinks) are planned as its old slugs are: written while it is
 * on the site, re-pointed when its address changes, deleted when it leaves the site or loses one.
 */
class LegacyRedirectPlanTest {
    private static final ZoneId ZONE = ZoneId.of("Europe/Stockholm");
    private static final PagePlanner PLANNER = new PagePlanner(ZONE);
    private static final String ID = "01DV8XKQ8G0000000000000001";
    private static final List<String> OLD = List.of("/2019/12/04/forskola-i-ljusdal/", "/?p=123",
            "/forskola-i-ljusdal/");
    private static final Article IMPORTED = Article.builder().id(ID).slug("forskola-i-ljusdal")
            .title("Förskola i Ljusdal").summary("Sammanfattning").body("Text").categories(List.of("Skola"))
            .related(List.of()).status(ArticleStatus.PUBLISHED).publishAt(Optional.empty())
            .publishedAt(Optional.of(Instant.parse("2019-12-04T08:00:00Z")))
            .createdAt(Instant.parse("2019-12-04T08:00:00Z")).updatedAt(Instant.parse("2019-12-04T08:00:00Z"))
            .author("Redaktionen").commentsOpen(true).version(1).previousSlugs(List.of()).legacyPaths(OLD).build();

    @Test
    void publishing_shouldWriteARedirectForEachOldAddress() {
        Article draft = IMPORTED.toBuilder().status(ArticleStatus.DRAFT).build();

        PagePlan plan = plan(Optional.of(draft), Optional.of(IMPORTED));

        assertThat(legacy(plan)).containsExactlyInAnyOrder(
                new Page.LegacyRedirect("/2019/12/04/forskola-i-ljusdal/", ID), new Page.LegacyRedirect("/?p=123", ID),
                new Page.LegacyRedirect("/forskola-i-ljusdal/", ID));
        assertThat(legacy(plan).stream().map(Page::key)).containsExactlyInAnyOrder(
                "2019/12/04/forskola-i-ljusdal/index.html", "wp/p/123/index.html", "forskola-i-ljusdal/index.html");
    }

    @Test
    void renaming_shouldRepointEveryOldAddress_butEditingTheBodyShouldTouchNone() {
        Article renamed = IMPORTED.toBuilder().slug("forskolan").previousSlugs(List.of(IMPORTED.slug())).version(2)
                .build();
        Article edited = IMPORTED.toBuilder().body("Ny text").version(2).build();

        assertThat(legacy(plan(Optional.of(IMPORTED), Optional.of(renamed)))).hasSize(3);
        assertThat(legacy(plan(Optional.of(IMPORTED), Optional.of(edited)))).isEmpty();
    }

    @Test
    void unpublishingOrDeleting_shouldDeleteEveryOldAddress() {
        Article draft = IMPORTED.toBuilder().status(ArticleStatus.DRAFT).version(2).build();

        assertThat(legacy(plan(Optional.of(IMPORTED), Optional.of(draft)))).hasSize(3);
        assertThat(legacy(plan(Optional.of(IMPORTED), Optional.empty()))).hasSize(3);
    }

    @Test
    void anAddressItNoLongerHas_shouldBePlanned_soItIsDeleted() {
        Article fewer = IMPORTED.toBuilder().legacyPaths(List.of("/?p=123")).version(2).build();

        assertThat(legacy(plan(Optional.of(IMPORTED), Optional.of(fewer))))
                .containsExactly(new Page.LegacyRedirect("/2019/12/04/forskola-i-ljusdal/", ID),
                        new Page.LegacyRedirect("/forskola-i-ljusdal/", ID));
    }

    @Test
    void anAddressTheRuleRefuses_shouldNeverBePlanned() {
        Article hostile = IMPORTED.toBuilder().legacyPaths(List.of("/nyheter/annan-artikel/", "/feed.xml",
                "/../redaktion/", "/?p=123")).build();

        assertThat(legacy(plan(Optional.empty(), Optional.of(hostile))))
                .containsExactly(new Page.LegacyRedirect("/?p=123", ID));
    }

    @Test
    void path_shouldBeWhatTheCdnCaches_percentEncoded() {
        assertThat(new Page.LegacyRedirect("/?p=123", ID).path()).isEqualTo("/wp/p/123/");
        assertThat(new Page.LegacyRedirect("/2019/12/04/förskola", ID).path())
                .isEqualTo("/2019/12/04/f%C3%B6rskola/");
        assertThat(new Page.LegacyRedirect("/2019/12/04/förskola", ID).key())
                .isEqualTo("2019/12/04/förskola/index.html");
    }

    private static PagePlan plan(Optional<Article> before, Optional<Article> after) {
        List<Article> site = after.or(() -> before).stream().toList();
        return PLANNER.plan(new Change.ArticleChanged(before, after), new SnapshotSiteContent(site, Map.of(), ZONE));
    }

    private static List<Page> legacy(PagePlan plan) {
        return plan.pages().stream().filter(p -> p instanceof Page.LegacyRedirect).toList();
    }
}
