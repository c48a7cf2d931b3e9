package se.newsroom.render.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import se.newsroom.render.Seeds;
import se.newsroom.render.plan.Page;

/**
 * Every page type of the example site: as the golden files show it (Swedish intact; the W3C Nu HTML Checker runs
 * in site-checks/), the feed readable by Rome with the WordPress footer, the sitemap valid by its schema.
 */
class SiteRendererTest {
    private static final SiteRenderer RENDERER = Seeds.renderer();
    private static final SnapshotSiteContent CONTENT = Seeds.content();

    static List<Page> htmlPages() {
        return Seeds.htmlPages();
    }

    static List<Page> allPages() {
        List<Page> pages = new ArrayList<>(htmlPages());
        pages.addAll(List.of(new Page.Feed(), new Page.SitemapYear(2019), new Page.SitemapIndex(), new Page.Robots(),
                new Page.CategoryFeed("individ-och-familj")));
        pages.addAll(List.of(new Page.SearchManifest(), new Page.SearchShard(YearMonth.of(2019, 12))));
        pages.add(new Page.SitemapPages());
        return pages;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allPages")
    void render_shouldMatchItsGoldenFile(Page page) throws Exception {
        String rendered = text(page);
        Path golden = Path.of("src/test/resources/golden", page.key().replace('/', '_'));
        if (Boolean.getBoolean("golden.update") || !Files.exists(golden)) {
            // First run, or -Dgolden.update=true after a deliberate change: write it, and review the diff.
            Files.writeString(golden, rendered);
        }
        assertThat(rendered).isEqualTo(Files.readString(golden));
    }

    static List<Page> pagedPages() {
        return Seeds.pagedHtmlPages();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pagedPages")
    void pagedPage_shouldMatchItsGoldenFile(Page page) throws Exception {
        String rendered = new String(RENDERER.render(page, Seeds.pagedContent()).orElseThrow().body(),
                StandardCharsets.UTF_8);
        Path golden = Path.of("src/test/resources/golden/paged", page.key().replace('/', '_'));
        if (Boolean.getBoolean("golden.update") || !Files.exists(golden)) {
            Files.createDirectories(golden.getParent());
            Files.writeString(golden, rendered);
        }
        assertThat(rendered).isEqualTo(Files.readString(golden));
    }

    @Test
    void articlePage_shouldKeepSwedishTextDashesAndNoBreakSpaces_andShowItsParts() {
        String html = text(new Page.ArticlePage(Seeds.POLITISKA, "politiska-styrningen-av-individ-och-familj-utreds"));

        assertThat(html).contains("<html lang=\"sv\">", "4 december 2019", "familj.– Jag kommer",
                "Lena Täringskog", "Läs mer:", "Lämna en kommentar", ">Avbryt<", ">Svara<",
                "Tack! Din kommentar granskas innan den publiceras.", "Karin i Torekov");
        assertThat(html).containsAnyOf("<p>\u00a0</p>", "<p>&#160;</p>");
        assertThat(html).contains("href=\"/nyheter/statusuppdatering-angaende-handelser-inom-individ-och-familj/\">"
                + "Statusuppdatering angående händelser inom Individ och familj</a>");
        assertThat(html).contains("<a href=\"https://www.bastad.se/protokoll\" rel=\"nofollow ugc\">"
                + "https://www.bastad.se/protokoll</a>.");
        // The reply to a reply sits inside its parent's list: threads, not a flat list.
        assertThat(html.indexOf("kommentar-C3")).isGreaterThan(html.indexOf("kommentar-C2"));
        assertThat(html.substring(html.indexOf("kommentar-C2"))).contains("<ol class=\"comment-list\">");
    }

    @Test
    void feed_shouldBeReadableByRome_withTheFooterOnEachItem() throws Exception {
        byte[] feed = RENDERER.render(new Page.Feed(), CONTENT).orElseThrow().body();

        SyndFeed parsed = new SyndFeedInput().build(new XmlReader(new ByteArrayInputStream(feed)));

        assertThat(parsed.getFeedType()).isEqualTo("rss_2.0");
        assertThat(parsed.getTitle()).isEqualTo("Båstads Kommun");
        assertThat(parsed.getEntries()).extracting(SyndEntry::getTitle).containsExactly(
                "Politiska styrningen av Individ och familj utreds",
                "Statusuppdatering angående händelser inom Individ och familj");
        SyndEntry first = parsed.getEntries().getFirst();
        assertThat(first.getContents().getFirst().getValue()).contains("<p>Inlägget <a rel=\"nofollow\" "
                + "href=\"https://www.bastad.se/nyheter/politiska-styrningen-av-individ-och-familj-utreds/\">"
                + "Politiska styrningen av Individ och familj utreds</a> dök först upp på <a rel=\"nofollow\" "
                + "href=\"https://www.bastad.se/\">Båstads Kommun</a>.</p>");
        assertThat(first.getPublishedDate()).isEqualTo(Date.from(
                Instant.parse("2019-12-04T15:30:00Z")));
    }

    @Test
    void sitemap_shouldBeValidByTheSitemapSchemas() throws Exception {
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        factory.newSchema(new StreamSource(getClass().getResourceAsStream("/schemas/sitemap.xsd"))).newValidator()
                .validate(new StreamSource(new ByteArrayInputStream(
                        RENDERER.render(new Page.SitemapYear(2019), CONTENT).orElseThrow().body())));
        factory.newSchema(new StreamSource(getClass().getResourceAsStream("/schemas/siteindex.xsd"))).newValidator()
                .validate(new StreamSource(new ByteArrayInputStream(
                        RENDERER.render(new Page.SitemapIndex(), CONTENT).orElseThrow().body())));
        assertThat(text(new Page.SitemapIndex())).contains("<loc>https://www.bastad.se/sitemap-2019.xml</loc>");
    }

    @Test
    void render_shouldGiveNothing_forAPageThatShouldNotExist() {
        assertThat(RENDERER.render(new Page.ArticlePage("01E0000000000000000000000Z", "finns-inte"), CONTENT))
                .isEmpty();
        assertThat(RENDERER.render(new Page.Category("finns-inte"), CONTENT)).isEmpty();
        assertThat(RENDERER.render(new Page.SitemapYear(2001), CONTENT)).isEmpty();
    }

    @Test
    void redirect_shouldSendAnOldSlugToTheArticlesPage() {
        RenderedObject redirect = RENDERER.render(new Page.Redirect("gammal-slug", Seeds.POLITISKA), CONTENT)
                .orElseThrow();

        assertThat(redirect.redirectLocation()).contains("/nyheter/politiska-styrningen-av-individ-och-familj-utreds/");
        assertThat(new String(redirect.body(), StandardCharsets.UTF_8)).contains("http-equiv=\"refresh\"");
    }

    private static String text(Page page) {
        return new String(RENDERER.render(page, CONTENT).orElseThrow().body(), StandardCharsets.UTF_8);
    }

}
