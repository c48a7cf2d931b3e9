package se.newsroom.importer.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.junit.jupiter.api.Test;

/** The converter's Markdown, rendered by the same CommonMark and GFM tables render uses, raw HTML escaped. */
class WordPressHtmlTest {
    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());
    private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
    /** Raw HTML escaped: any that the converter let through would show as text and fail the assertions. */
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().extensions(EXTENSIONS).escapeHtml(true)
            .build();
    private static final String UPLOADS = "https://www.bastad.se/wp-content/uploads/2019/12/";
    /** The media library: two of the site's pictures were brought across. */
    private static final ImageResolver MEDIA = (src, alt) -> Optional.ofNullable(Map.of(
            UPLOADS + "skolgard.jpg", "media:01HZXSKOLGARD",
            UPLOADS + "badplats-1024x683.jpg", "media:01HZXBADPLATS").get(src));
    private static final UnaryOperator<String> SAME = UnaryOperator.identity();

    @Test
    void classicBodyBlankLinesMakeParagraphsAndSingleLineEndsMakeBreaks() {
        Converted c = convert("Första stycket,\nsamma stycke på ny rad.\n\nAndra stycket.\n\n\n\nTredje.");

        assertThat(html(c)).isEqualTo("""
                <p>Första stycket,<br />
                samma stycke på ny rad.</p>
                <p>Andra stycket.</p>
                <p>Tredje.</p>
                """);
    }

    @Test
    void gutenbergBodyLosesItsBlockCommentsAndKeepsItsOwnParagraphs() {
        Converted c = convert("""
                <!-- wp:paragraph -->
                <p>En rad
                som fortsätter.</p>
                <!-- /wp:paragraph -->

                <!-- wp:heading {"level":3} -->
                <h3 class="wp-block-heading">Mellanrubrik</h3>
                <!-- /wp:heading -->""");

        assertThat(c.markdown()).isEqualTo("En rad som fortsätter.\n\n### Mellanrubrik");
        assertThat(html(c)).isEqualTo("<p>En rad som fortsätter.</p>\n<h3>Mellanrubrik</h3>\n");
    }

    @Test
    void headingsKeepTheirLevelButAnH1BecomesAnH2UnderThePagesTitle() {
        Converted c = convert("<h1>Stor</h1><h2>Mellan</h2><h4>Liten</h4>");

        assertThat(html(c)).isEqualTo("<h2>Stor</h2>\n<h2>Mellan</h2>\n<h4>Liten</h4>\n");
    }

    @Test
    void boldAndItalicSurviveWithSpacesInsideTheTagsMovedOutside() {
        Converted c = convert("<p>Det är <strong>viktigt </strong>och<em> bråttom</em>, <b><i>mycket</i></b>.</p>");

        assertThat(html(c)).isEqualTo(
                "<p>Det är <strong>viktigt</strong> och <em>bråttom</em>, <em><strong>mycket</strong></em>.</p>\n");
    }

    @Test
    void linksGoThroughTheRewriterSoOldPermalinksPointToTheNewSite() {
        UnaryOperator<String> links = href -> href.replace("https://www.bastad.se/2019/12/04/", "/nyheter/2019/");

        Converted c = WordPressHtml.convert("<p>Se <a href=\"https://www.bastad.se/2019/12/04/omorganisation/\">"
                + "Omorganisation (beslut)</a> och <a href=\"https://example.se/a b\">extern</a>.</p>", MEDIA, links);

        assertThat(html(c)).isEqualTo("<p>Se <a href=\"/nyheter/2019/omorganisation/\">Omorganisation (beslut)</a>"
                + " och <a href=\"https://example.se/a%20b\">extern</a>.</p>\n");
    }

    @Test
    void nestedListsKeepTheirOrderNumbersAndNesting() {
        Converted c = convert("""
                <ol start="3"><li>Tre
                <ul><li>a</li><li>b <strong>fet</strong></li></ul></li><li>Fyra</li></ol>""");

        assertThat(c.markdown()).isEqualTo("3. Tre\n   - a\n   - b **fet**\n4. Fyra");
        assertThat(html(c)).isEqualTo("""
                <ol start="3">
                <li>Tre
                <ul>
                <li>a</li>
                <li>b <strong>fet</strong></li>
                </ul>
                </li>
                <li>Fyra</li>
                </ol>
                """);
    }

    @Test
    void blockquotesKeepTheirParagraphsAndCitation() {
        Converted c = convert("<!-- wp:quote --><blockquote class=\"wp-block-quote\"><p>Första.</p><p>Andra.</p>"
                + "<cite>Johan Olsson Swanstein</cite></blockquote><!-- /wp:quote -->");

        assertThat(html(c)).isEqualTo("""
                <blockquote>
                <p>Första.</p>
                <p>Andra.</p>
                <p><em>Johan Olsson Swanstein</em></p>
                </blockquote>
                """);
    }

    @Test
    void anImageFoundInTheMediaLibraryIsAParagraphOfItsOwnWithItsCaptionInItalicsUnder() {
        Converted c = convert("""
                <!-- wp:image {"id":456,"sizeSlug":"large"} -->
                <figure class="wp-block-image size-large"><img src="%sskolgard.jpg" alt="Skolgården i snö" \
                class="wp-image-456"/><figcaption class="wp-element-caption">Skolgården – i december</figcaption>\
                </figure>
                <!-- /wp:image -->""".formatted(UPLOADS));

        assertThat(c.markdown()).isEqualTo("![Skolgården i snö](media:01HZXSKOLGARD)\n\n_Skolgården – i december_");
        assertThat(html(c)).isEqualTo("<p><img src=\"media:01HZXSKOLGARD\" alt=\"Skolgården i snö\" /></p>\n"
                + "<p><em>Skolgården – i december</em></p>\n");
        assertThat(c.missingImages()).isEmpty();
    }

    @Test
    void aCaptionShortcodeBecomesThePictureAndItsCaptionAndALinkAroundThePictureIsDropped() {
        Converted c = convert("Före.\n\n[caption id=\"attachment_7\" align=\"alignnone\" width=\"1024\"]"
                + "<a href=\"" + UPLOADS + "badplats.jpg\"><img class=\"size-large\" src=\"" + UPLOADS
                + "badplats-1024x683.jpg\" alt=\"\" width=\"1024\" height=\"683\" /></a> Badplatsen i Torekov"
                + "[/caption]\n\nEfter.");

        assertThat(c.markdown()).isEqualTo("Före.\n\n![](media:01HZXBADPLATS)\n\n_Badplatsen i Torekov_\n\nEfter.");
        assertThat(c.unmapped()).isEmpty();
    }

    @Test
    void aPictureNotFoundIsAMarkedParagraphAndListedAsMissing() {
        Converted c = convert("<p>Text före.<img src=\"" + UPLOADS + "borta.jpg\" alt=\"Kartan\">Text efter.</p>");

        assertThat(c.missingImages()).containsExactly(UPLOADS + "borta.jpg");
        assertThat(c.markdown()).isEqualTo("Text före.\n\n" + WordPressHtml.MISSING_IMAGE + " `" + UPLOADS
                + "borta.jpg` Kartan\n\nText efter.");
        assertThat(html(c)).contains("<p><strong>Från WordPress, bilden saknas:</strong> <code>");
    }

    @Test
    void textThatLooksLikeMarkdownStaysLiteral() {
        Converted c = convert("""
                # inte en rubrik
                1. inte en lista, 5 * 3 = 15 och a_b_c
                - inte heller
                [sic] <b>är text</b> &amp;copy; `kod`
                > inget citat""".replace("<b>", "&lt;b&gt;").replace("</b>", "&lt;/b&gt;"));

        assertThat(html(c)).isEqualTo("""
                <p># inte en rubrik<br />
                1. inte en lista, 5 * 3 = 15 och a_b_c<br />
                - inte heller<br />
                [sic] &lt;b&gt;är text&lt;/b&gt; &amp;copy; `kod`<br />
                &gt; inget citat</p>
                """);
        assertThat(c.unmapped()).isEmpty();
    }

    @Test
    void swedishLettersNoBreakSpacesAndEnDashesComeThroughUnchanged() {
        Converted c = convert("<p>Kl.&nbsp;9–12 på Köpmansgatan, 1\u00a0000 kr – även år 2020.</p>");

        assertThat(c.markdown()).isEqualTo("Kl.\u00a09–12 på Köpmansgatan, 1\u00a0000 kr – även år 2020.");
    }

    @Test
    void shortcodesAreKeptAsOneMarkedParagraphEachAndListed() {
        Converted c = convert("Bilder från dagen:\n\n[gallery ids=\"12,13\" columns=\"2\"]\n\nSkriv till oss:"
                + " [contact-form-7 id=\"5\" title=\"Kontakt\"]\n\n[sic] och [1] är text.");

        assertThat(c.unmapped()).containsExactly("[gallery ids=\"12,13\" columns=\"2\"]",
                "[contact-form-7 id=\"5\" title=\"Kontakt\"]");
        assertThat(c.markdown()).isEqualTo("""
                Bilder från dagen:

                **Från WordPress, inte överfört:** `[gallery ids="12,13" columns="2"]`

                Skriv till oss:

                **Från WordPress, inte överfört:** `[contact-form-7 id="5" title="Kontakt"]`

                \\[sic\\] och \\[1\\] är text.""");
        assertThat(html(c)).contains("<p><strong>Från WordPress, inte överfört:</strong> "
                + "<code>[gallery ids=&quot;12,13&quot; columns=&quot;2&quot;]</code></p>");
    }

    @Test
    void anEscapedShortcodeIsItsLiteralText() {
        Converted c = convert("Skriv [[gallery]] för ett galleri.");

        assertThat(c.unmapped()).isEmpty();
        assertThat(html(c)).isEqualTo("<p>Skriv [gallery] för ett galleri.</p>\n");
    }

    @Test
    void embedsInEveryFormAreMarkedAndListed() {
        Converted c = convert("""
                Klassisk:

                [embed]https://www.youtube.com/watch?v=abc[/embed]

                https://vimeo.com/12345

                <iframe src="https://www.google.com/maps/embed?pb=1" width="600"></iframe>""");
        Converted blocks = convert("""
                <!-- wp:embed {"url":"https://youtu.be/xyz","type":"video","providerNameSlug":"youtube"} -->
                <figure class="wp-block-embed is-type-video is-provider-youtube wp-block-embed-youtube"><div \
                class="wp-block-embed__wrapper">
                https://youtu.be/xyz
                </div></figure>
                <!-- /wp:embed -->""");

        assertThat(c.unmapped()).containsExactly("[embed]https://www.youtube.com/watch?v=abc[/embed]",
                "https://vimeo.com/12345",
                "<iframe src=\"https://www.google.com/maps/embed?pb=1\" width=\"600\"></iframe>");
        assertThat(c.markdown().split("\n\n")).hasSize(4).allSatisfy(block -> assertThat(block)
                .satisfiesAnyOf(b -> assertThat(b).isEqualTo("Klassisk:"),
                        b -> assertThat(b).startsWith(WordPressHtml.UNMAPPED + " `")));
        assertThat(blocks.unmapped()).containsExactly("https://youtu.be/xyz");
        assertThat(blocks.markdown()).isEqualTo(WordPressHtml.UNMAPPED + " `https://youtu.be/xyz`");
    }

    @Test
    void scriptsAndFormsAreNeverCarriedAsHtmlButMarked() {
        Converted c = convert("<p>Före</p><script>alert('x')</script><form action=\"/s\"><input name=\"q\"></form>");

        assertThat(c.unmapped()).hasSize(2);
        assertThat(c.unmapped().get(0)).startsWith("<script>");
        assertThat(c.unmapped().get(1)).startsWith("<form");
        assertThat(html(c)).doesNotContain("<script").doesNotContain("<form")
                .contains("<code>&lt;script&gt;alert('x')&lt;/script&gt;</code>");
    }

    @Test
    void aSimpleTableBecomesAGfmTableAndOneWithMergedCellsIsMarked() {
        Converted simple = convert("<table><thead><tr><th>Dag</th><th>Öppet</th></tr></thead><tbody>"
                + "<tr><td>Måndag</td><td>8–16 | lunch 12</td></tr></tbody></table>");
        Converted merged = convert("<table><tr><td colspan=\"2\">Stängt</td></tr></table>");

        assertThat(simple.markdown()).isEqualTo("| Dag | Öppet |\n| --- | --- |\n| Måndag | 8–16 \\| lunch 12 |");
        assertThat(html(simple)).contains("<th>Öppet</th>").contains("<td>8–16 | lunch 12</td>");
        assertThat(merged.unmapped()).hasSize(1);
        assertThat(merged.markdown()).startsWith(WordPressHtml.UNMAPPED);
    }

    @Test
    void preformattedTextBecomesACodeBlockKeepingItsLines() {
        Converted c = convert("<!-- wp:code --><pre class=\"wp-block-code\"><code>rad 1\n  *rad 2*</code></pre>"
                + "<!-- /wp:code -->");

        assertThat(html(c)).isEqualTo("<pre><code>rad 1\n  *rad 2*\n</code></pre>\n");
    }

    @Test
    void theExampleArticlesReadMoreLinksAndFirstAppearedLineAreOrdinaryParagraphs() {
        Converted c = convert("""
                Parallellt med utredningar pågår en översyn.
                Läs mer:\u0020
                <a href="https://www.bastad.se/2019/11/20/omorganisation-efter-handelserna/">Omorganisation efter \
                händelserna inom individ och familj</a>
                <a href="https://www.bastad.se/2019/11/01/nya-missforhallanden/">Nya misstänkta missförhållanden \
                inom individ och familj</a>

                Inlägget <a href="https://www.bastad.se/2019/12/04/statusuppdatering/">Statusuppdatering angående \
                händelser inom Individ och familj</a> dök först upp på <a href="https://www.bastad.se">Båstads \
                Kommun</a>.""");

        assertThat(c.markdown()).isEqualTo("""
                Parallellt med utredningar pågår en översyn.\\
                Läs mer:\\
                [Omorganisation efter händelserna inom individ och familj]\
                (https://www.bastad.se/2019/11/20/omorganisation-efter-handelserna/)\\
                [Nya misstänkta missförhållanden inom individ och familj]\
                (https://www.bastad.se/2019/11/01/nya-missforhallanden/)

                Inlägget [Statusuppdatering angående händelser inom Individ och familj]\
                (https://www.bastad.se/2019/12/04/statusuppdatering/) dök först upp på \
                [Båstads Kommun](https://www.bastad.se).""");
        assertThat(c.unmapped()).isEmpty();
        assertThat(html(c)).contains("<a href=\"https://www.bastad.se/2019/11/20/omorganisation-efter-handelserna/\">"
                + "Omorganisation efter händelserna inom individ och familj</a><br />");
    }

    @Test
    void anEmptyBodyOrOneOfOnlyNoBreakSpacesIsEmpty() {
        assertThat(convert("").markdown()).isEmpty();
        assertThat(convert("<p>&nbsp;</p>\n<p> </p>").markdown()).isEmpty();
    }

    private static Converted convert(String html) {
        return WordPressHtml.convert(html, MEDIA, SAME);
    }

    private static String html(Converted converted) {
        return RENDERER.render(PARSER.parse(converted.markdown()));
    }
}
