package se.newsroom.render.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** Article bodies as a reader and a crawler meet them: tables as tables, nofollow only on links that leave. */
class MarkdownTest {
    private static final String SITE = "https://www.bastad.se";
    private static final String OPENING_HOURS = """
            Biblioteket har nya öppettider.

            | Dag | Öppet | Kommentar |
            |:----|:-----:|----------:|
            | Måndag | 10–19 | |
            | Lördag | 10–14 | Ej *juni* |
            """;

    @Test
    void toSafeHtml_shouldRenderATableWithColumnHeaders_insideAFocusableLabelledRegion_whenTheBodyHasOne() {
        Document html = Jsoup.parseBodyFragment(Markdown.toSafeHtml(OPENING_HOURS, (id, alt) -> Optional.empty(),
                SITE));

        Element region = html.selectFirst("div.table-wrap");
        assertThat(region).isNotNull();
        assertThat(region.attr("role")).isEqualTo("region");
        assertThat(region.attr("tabindex")).isEqualTo("0");
        assertThat(region.attr("aria-label")).isEqualTo("Tabell: Dag, Öppet, Kommentar");
        assertThat(region.select("> table > thead > tr > th")).extracting(Element::text)
                .containsExactly("Dag", "Öppet", "Kommentar");
        assertThat(region.select("th")).allSatisfy(th -> assertThat(th.attr("scope")).isEqualTo("col"));
        assertThat(region.select("tbody tr")).hasSize(2);
        assertThat(region.select("tbody tr").get(1).select("td")).extracting(Element::text)
                .containsExactly("Lördag", "10–14", "Ej juni");
        assertThat(region.select("tbody tr").get(1).select("td em").text()).isEqualTo("juni");
        // Alignment as classes the stylesheet knows: HTML has no align attribute any more.
        assertThat(html.select("[align]")).isEmpty();
        assertThat(html.select("th").get(1).className()).isEqualTo("align-center");
        assertThat(html.select("td").get(2).className()).isEqualTo("align-right");
        assertThat(html.text()).doesNotContain("|");
    }

    @Test
    void toSafeHtml_shouldNameTwoRegionsApart_whenTwoTablesHaveTheSameHeaders() {
        String body = "| Dag | Öppet |\n|---|---|\n| Måndag | 10 |\n\ntext\n\n"
                + "| Dag | Öppet |\n|---|---|\n| Tisdag | 9 |\n";

        Document html = Jsoup.parseBodyFragment(Markdown.toSafeHtml(body, (id, alt) -> Optional.empty(), SITE));

        assertThat(html.select("div.table-wrap")).extracting(e -> e.attr("aria-label"))
                .containsExactly("Tabell: Dag, Öppet", "Tabell: Dag, Öppet (2)");
    }

    @Test
    void toSafeHtml_shouldDropWhatATableMayNotCarry_whenAnEditorWritesItInHtml() {
        String body = "<table align=\"left\" onclick=\"alert(1)\"><tr><th scope=\"x\" style=\"color:red\">A</th>"
                + "<td align=\"right\" class=\"evil\">1</td></tr></table>"
                + "<div class=\"other\" role=\"button\" tabindex=\"5\">x</div>";

        String html = Markdown.toSafeHtml(body, (id, alt) -> Optional.empty(), SITE);

        assertThat(html).contains("<table>", "<th>A</th>", "<td>1</td>", "<div>x</div>");
        assertThat(html).doesNotContain("onclick", "align", "style", "evil", "scope", "button", "tabindex");
    }

    @Test
    void toSafeHtml_shouldMarkOnlyLinksThatLeaveTheSite_nofollow() {
        String body = """
                [extern](https://example.org/a) [egen](https://www.bastad.se/protokoll) [rot](/nyheter/x/)
                [relativ](../x/) [post](mailto:info@bastad.se) [ankare](#del) [http](HTTP://WWW.BASTAD.SE/y)
                <a href="https://example.com/b" rel="follow">html</a> [schemalös](//example.net/c)
                """;

        Document html = Jsoup.parseBodyFragment(Markdown.toSafeHtml(body, (id, alt) -> Optional.empty(), SITE));

        assertThat(html.select("a[rel=nofollow]")).extracting(Element::text)
                .containsExactly("extern", "html", "schemalös");
        assertThat(html.select("a:not([rel])")).extracting(Element::text)
                .containsExactly("egen", "rot", "relativ", "post", "ankare", "http");
    }

    @Test
    void toSafeHtml_shouldMarkEveryAbsoluteLink_whenTheSitesAddressIsUnknown() {
        Document html = Jsoup.parseBodyFragment(Markdown.toSafeHtml("[a](https://www.bastad.se/x) [b](/y)"));

        assertThat(html.select("a[rel=nofollow]")).extracting(Element::text).containsExactly("a");
        assertThat(html.select("a:not([rel])")).extracting(Element::text).containsExactly("b");
    }

    @Test
    void toSafeHtml_shouldStillDropScriptLinks() {
        String html = Markdown.toSafeHtml("[x](javascript:alert(1)) <a href=\"javascript:alert(2)\">y</a>",
                (id, alt) -> Optional.empty(), SITE);

        assertThat(html).doesNotContain("javascript", "href");
    }
}
