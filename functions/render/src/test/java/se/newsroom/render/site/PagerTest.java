package se.newsroom.render.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.YearMonth;

import org.junit.jupiter.api.Test;

import se.newsroom.render.Seeds;
import se.newsroom.render.plan.Page;

/** The pager of the paged lists (issue 15), on the example site with 47 articles in two months. */
class PagerTest {
    private static final SiteRenderer RENDERER = Seeds.renderer();
    private static final SnapshotSiteContent CONTENT = Seeds.pagedContent();

    @Test
    void aMiddlePage_shouldLinkBothWaysWithRel_sayWhereItIs_andNotBeIndexed() {
        String html = html(new Page.Month(YearMonth.of(2019, 11), 2));

        assertThat(html).contains("<nav class=\"pager\" aria-label=\"Bläddra bland nyheterna\">",
                "<a href=\"/arkiv/2019/11/\" rel=\"prev\">Nyare nyheter</a>",
                "<a href=\"/arkiv/2019/11/sida/3/\" rel=\"next\">Äldre nyheter</a>",
                "<li class=\"position\">Sida 2 av 3</li>",
                "<title>Arkiv: november 2019 – sida 2 av 3 – Båstads Kommun</title>",
                "<meta name=\"robots\" content=\"noindex, follow\">",
                "<link rel=\"canonical\" href=\"https://www.bastad.se/arkiv/2019/11/sida/2/\">");
    }

    @Test
    void aPeriodsFirstPage_shouldBeIndexed_andLeadToTheNewerPeriodsLastPage() {
        String november = html(new Page.Month(YearMonth.of(2019, 11)));
        String december = html(new Page.Month(YearMonth.of(2019, 12)));

        assertThat(november).doesNotContain("noindex").contains("Sida 1 av 3",
                "<a href=\"/arkiv/2019/12/\" rel=\"prev\">Nyare nyheter</a>");
        // the newest period's first page leads to the front page, its last page to the older period's first
        assertThat(december).contains("<a href=\"/\" rel=\"prev\">Nyare nyheter</a>",
                "<a href=\"/arkiv/2019/11/\" rel=\"next\">Äldre nyheter</a>");
        // the oldest period's last page leads no further
        assertThat(html(new Page.Month(YearMonth.of(2019, 11), 3))).doesNotContain("Äldre nyheter")
                .contains("<a href=\"/arkiv/2019/11/sida/2/\" rel=\"prev\">Nyare nyheter</a>");
    }

    @Test
    void aPageBeyondTheLast_shouldRenderAsNothing_soItIsDeleted() {
        assertThat(RENDERER.render(new Page.Month(YearMonth.of(2019, 11), 4), CONTENT)).isEmpty();
        assertThat(RENDERER.render(new Page.CategoryYear("individ-och-familj", 2019, 4), CONTENT)).isEmpty();
        assertThat(RENDERER.render(new Page.CategoryYear("individ-och-familj", 2018, 1), CONTENT)).isEmpty();
    }

    @Test
    void theHeads_shouldLeadToThePeriodPageHoldingTheirFirstUnshownArticle() {
        // the front page shows 2 of December and 8 of November: the 11th is November's 9th, on its page 1
        assertThat(html(new Page.Front())).contains("<a href=\"/arkiv/2019/11/\" rel=\"next\">Äldre nyheter</a>")
                .doesNotContain("Nyare nyheter", "Sida ");
        // the category's page shows 20 of the year's 47: the 21st is on the year's page 2
        assertThat(html(new Page.Category("individ-och-familj"))).contains(
                "<a href=\"/kategori/individ-och-familj/2019/sida/2/\" rel=\"next\">Äldre nyheter</a>");
        // and the category year's first page leads back to the category's page
        assertThat(html(new Page.CategoryYear("individ-och-familj", 2019, 1))).contains(
                "<a href=\"/kategori/individ-och-familj/\" rel=\"prev\">Nyare nyheter</a>", "Sida 1 av 3");
    }

    @Test
    void theArchiveIndex_shouldListYearsAndMonthsNewestFirst_withCounts() {
        String html = html(new Page.ArchiveIndex());

        assertThat(html).contains("<h2 id=\"ar-2019\">2019</h2>",
                "<a href=\"/arkiv/2019/12/\">december 2019</a> <span class=\"count\">(2 nyheter)</span>",
                "<a href=\"/arkiv/2019/11/\">november 2019</a> <span class=\"count\">(45 nyheter)</span>");
        assertThat(html.indexOf("december 2019")).isLessThan(html.indexOf("november 2019"));
    }

    private static String html(Page page) {
        return new String(RENDERER.render(page, CONTENT).orElseThrow().body(), StandardCharsets.UTF_8);
    }
}
