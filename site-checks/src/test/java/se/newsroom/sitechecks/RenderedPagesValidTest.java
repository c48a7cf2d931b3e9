package se.newsroom.sitechecks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import se.newsroom.content.Article;
import se.newsroom.render.Seeds;
import se.newsroom.render.plan.Page;
import se.newsroom.render.site.SnapshotSiteContent;

/**
 * Every HTML page type of the example site, and an editor's preview, passes the W3C Nu HTML Checker with zero
 * errors.
 */
class RenderedPagesValidTest {

    static List<Page> pages() {
        return Seeds.htmlPages();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pages")
    void page_shouldHaveNoErrors_byTheNuHtmlChecker(Page page) throws Exception {
        byte[] html = Seeds.renderer().render(page, Seeds.content()).orElseThrow().body();

        assertThat(HtmlChecker.errors(html)).isEmpty();
    }

    static List<Page> pagedPages() {
        return Seeds.pagedHtmlPages();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pagedPages")
    void aPagedListPage_shouldHaveNoErrors_byTheNuHtmlChecker(Page page) throws Exception {
        byte[] html = Seeds.renderer().render(page, Seeds.pagedContent()).orElseThrow().body();

        assertThat(HtmlChecker.errors(html)).isEmpty();
    }

    @Test
    void aPageWithPictures_shouldHaveNoErrors_byTheNuHtmlChecker() throws Exception {
        byte[] html = Seeds.renderer().render(Seeds.picturedPage(), Seeds.picturedContent()).orElseThrow().body();

        assertThat(new String(html, StandardCharsets.UTF_8)).contains("<figure class=\"picture\"><img", "srcset=");
        assertThat(HtmlChecker.errors(html)).isEmpty();
    }

    @Test
    void aCorrectedArticlesPage_shouldHaveNoErrors_byTheNuHtmlChecker() throws Exception {
        byte[] html = Seeds.renderer().render(Seeds.correctedPage(), Seeds.correctedContent()).orElseThrow().body();

        assertThat(new String(html, StandardCharsets.UTF_8)).contains("<div class=\"corrections\"", "Rättelse");
        assertThat(HtmlChecker.errors(html)).isEmpty();
    }

    @Test
    void theFrontPageWithPictures_shouldHaveNoErrors_byTheNuHtmlChecker() throws Exception {
        byte[] html = Seeds.renderer().render(new Page.Front(), Seeds.picturedContent()).orElseThrow().body();

        assertThat(HtmlChecker.errors(html)).isEmpty();
    }

    @Test
    void anEditorsPreview_shouldHaveNoErrors_byTheNuHtmlChecker() throws Exception {
        String html = Seeds.renderer().preview(Seeds.articles().getLast(), Seeds.content());

        assertThat(html).contains("Förhandsvisning – inte publicerad", "noindex");
        assertThat(HtmlChecker.errors(html.getBytes(StandardCharsets.UTF_8))).isEmpty();
    }

    @Test
    void anUpdatedArticleWithATableAndLinks_shouldHaveNoErrors_byTheNuHtmlChecker() throws Exception {
        Article seed = Seeds.articles().getLast();
        Article tabled = seed.toBuilder().updatedAt(seed.publishedAt().orElseThrow().plusSeconds(3 * 86_400))
                .body("""
                        Biblioteket har nya öppettider från 1 januari.

                        | Dag | Öppet | Kommentar |
                        |:----|:-----:|----------:|
                        | Måndag–torsdag | 10–19 | |
                        | Lördag | 10–14 | Stängt i *juli* |

                        Läs mer på [kommunens sida](https://www.bastad.se/bibliotek/), [hos regionen](https://skane.se/)
                        eller [i arkivet](/arkiv/).
                        """).build();
        SnapshotSiteContent content = new SnapshotSiteContent(List.of(Seeds.articles().getFirst(), tabled),
                Seeds.comments(), Seeds.STOCKHOLM);
        byte[] html = Seeds.renderer().render(new Page.ArticlePage(tabled.id(), tabled.slug()), content)
                .orElseThrow().body();

        assertThat(new String(html, StandardCharsets.UTF_8)).contains("scope=\"col\">Dag</th>", "Uppdaterad",
                "application/ld+json", "rel=\"nofollow\"");
        assertThat(HtmlChecker.errors(html)).isEmpty();
    }

    @Test
    void aCategoryFeedsPage_andTheSitesNavigation_shouldHaveNoErrors_byTheNuHtmlChecker() throws Exception {
        byte[] html = Seeds.renderer().render(new Page.Category("politik"), Seeds.content()).orElseThrow().body();

        assertThat(new String(html, StandardCharsets.UTF_8)).contains("/kategori/politik/feed.xml",
                "aria-label=\"Huvudmeny\"", "aria-label=\"Brödsmulor\"");
        assertThat(HtmlChecker.errors(html)).isEmpty();
    }

    @Test
    void checker_shouldReportErrors_inABrokenPage() throws Exception {
        byte[] broken = "<!DOCTYPE html><html lang=\"sv\"><head><title>x</title></head><body><p><li>fel</li>"
                .getBytes(StandardCharsets.UTF_8);

        assertThat(HtmlChecker.errors(broken)).isNotEmpty();
    }
}
