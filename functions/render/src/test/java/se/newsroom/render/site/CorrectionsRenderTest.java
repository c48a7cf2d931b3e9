package se.newsroom.render.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import se.newsroom.render.Seeds;
import se.newsroom.render.plan.Page;

/** A corrected article as readers see it: "Rättelse <date>: <note>" under its title, and a line in the feed. */
class CorrectionsRenderTest {
    private static final SiteRenderer RENDERER = Seeds.renderer();

    @Test
    void articlePage_shouldMatchItsGoldenFile_withTheCorrectionsBox() throws Exception {
        String rendered = html(Seeds.correctedPage());
        Path golden = Path.of("src/test/resources/golden/corrected.html");
        if (Boolean.getBoolean("golden.update") || !Files.exists(golden)) {
            Files.writeString(golden, rendered);
        }
        assertThat(rendered).isEqualTo(Files.readString(golden));
    }

    @Test
    void articlePage_shouldShowEachCorrection_newestFirst_underTheTitle_escaped() {
        Document page = Jsoup.parse(html(Seeds.correctedPage()));

        Element box = page.selectFirst("article header .corrections");
        assertThat(box).isNotNull();
        // wholeText: text() would make the no-break space a space.
        assertThat(box.select("p.correction")).extracting(Element::wholeText).containsExactly(
                "Rättelse 11 december 2019: Namnet på nämnden var fel – det är <Individ & familj>, inte "
                        + "Socialnämnden\u00a02.",
                "Rättelse 5 december 2019: Mötet hålls den 12 december, inte den 11.");
        assertThat(box.select("time").eachAttr("datetime"))
                .containsExactly("2019-12-11T15:45:00+01:00", "2019-12-05T10:00:00+01:00");
        // The note is text: its angle brackets never became an element.
        assertThat(box.select("Individ")).isEmpty();
        assertThat(page.selectFirst("article header h1").elementSiblingIndex())
                .isLessThan(box.elementSiblingIndex());
    }

    @Test
    void articlePage_withoutCorrections_shouldShowNoBox() {
        assertThat(Jsoup.parse(new String(RENDERER.render(Seeds.correctedPage(), Seeds.content()).orElseThrow()
                .body(), StandardCharsets.UTF_8)).select(".corrections")).isEmpty();
    }

    @Test
    void feedItem_shouldCarryALinePerCorrection_afterItsSummary() throws Exception {
        byte[] feed = RENDERER.render(new Page.Feed(), Seeds.correctedContent()).orElseThrow().body();

        SyndFeed parsed = new SyndFeedInput().build(new XmlReader(new ByteArrayInputStream(feed)));

        SyndEntry corrected = parsed.getEntries().getFirst();
        assertThat(corrected.getDescription().getValue()).isEqualTo(Seeds.corrected().summary()
                + "\nRättelse 11 december 2019: Namnet på nämnden var fel – det är <Individ & familj>, inte "
                + "Socialnämnden\u00a02.\nRättelse 5 december 2019: Mötet hålls den 12 december, inte den 11.");
        assertThat(parsed.getEntries().getLast().getDescription().getValue())
                .isEqualTo(Seeds.articles().getFirst().summary());
    }

    private static String html(Page page) {
        return new String(RENDERER.render(page, Seeds.correctedContent()).orElseThrow().body(),
                StandardCharsets.UTF_8);
    }
}
