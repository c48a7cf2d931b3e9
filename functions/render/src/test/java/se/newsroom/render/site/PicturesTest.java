package se.newsroom.render.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import org.junit.jupiter.api.Test;

import se.newsroom.render.Seeds;
import se.newsroom.render.plan.Page;

/** Pictures from the media library on the reader's pages: every variant offered, sized, captioned, never broken. */
class PicturesTest {
    private static final SiteRenderer RENDERER = Seeds.renderer();
    private static final String PHOTO = "/media/" + Seeds.PHOTO + "/";

    @Test
    void bodyPicture_shouldBeAFigureWithEveryVariant_itsSizeCaptionAndCredit_andLazy() {
        String html = page(Seeds.picturedPage());

        // (The sanitizer writes a srcset's candidates joined with " , ", which browsers read the same.)
        assertThat(html).contains("<figure class=\"picture\"><img src=\"" + PHOTO + "960.jpg\" srcset=\"" + PHOTO
                + "480.jpg 480w , " + PHOTO + "960.jpg 960w , " + PHOTO + "1600.jpg 1600w\" sizes=\""
                + Pictures.SIZES + "\" width=\"960\" height=\"640\" alt=\"Ledamöter vid bordet\" decoding=\"async\""
                + " loading=\"lazy\" /><figcaption>Kommunfullmäktige i juni <span class=\"credit\">Foto: Anna Sjöberg"
                + "</span></figcaption></figure>");
        // A figure is not inside a paragraph (which cannot hold one).
        assertThat(html).doesNotContain("<p><figure");
    }

    @Test
    void bodyPicture_insideText_shouldBeAnImg_andANarrowOneItsOnlyVariant_withTheLibrarysAltWhenTheBodyHasNone() {
        String html = page(Seeds.picturedPage());

        assertThat(html).contains("<p>Mötet leddes av ordföranden <img src=\"/media/" + Seeds.LOGO + "/300.png\" "
                + "srcset=\"/media/" + Seeds.LOGO + "/300.png 300w\"");
        assertThat(html).contains("width=\"300\" height=\"120\" alt=\"\" decoding=\"async\" loading=\"lazy\" /> "
                + "som vanligt.</p>");
    }

    @Test
    void bodyPicture_notReadyOrMissing_shouldShowNoImageAtAll() {
        String html = page(Seeds.picturedPage());

        assertThat(html).doesNotContain(Seeds.NOT_READY, Seeds.MISSING, "media:", "Vägen", "Borta");
        assertThat(html.split("<img", -1)).hasSize(3);
    }

    @Test
    void body_shouldKeepOnlyThePictureAttributesItWrites_fromRawHtml() {
        String html = Markdown.toSafeHtml("<img src=\"/a.jpg\" srcset=\"javascript:alert(1) 1w\" sizes=\"x\" "
                + "loading=\"eager\" onerror=\"alert(1)\" decoding=\"sync\" alt=\"a\"> <figure class=\"x\" "
                + "style=\"color:red\">f</figure>");

        assertThat(html).isEqualTo("<p><img src=\"/a.jpg\" alt=\"a\" /> </p><figure>f</figure>\n");
    }

    @Test
    void feed_shouldCarryTheBodysPictures_withAbsoluteUrls() throws Exception {
        byte[] feed = RENDERER.render(new Page.Feed(), Seeds.picturedContent()).orElseThrow().body();

        SyndEntry entry = new SyndFeedInput().build(new XmlReader(new ByteArrayInputStream(feed))).getEntries()
                .getFirst();
        assertThat(entry.getContents().getFirst().getValue()).contains("<img src=\"https://www.bastad.se" + PHOTO
                + "960.jpg\" srcset=\"https://www.bastad.se" + PHOTO + "480.jpg 480w , ");
    }

    @Test
    void picturedPage_shouldMatchItsGoldenFile() throws Exception {
        String rendered = page(Seeds.picturedPage());
        Path golden = Path.of("src/test/resources/golden/pictured.html");
        if (Boolean.getBoolean("golden.update") || !Files.exists(golden)) {
            Files.writeString(golden, rendered);
        }
        assertThat(rendered).isEqualTo(Files.readString(golden));
    }

    private static String page(Page page) {
        return new String(RENDERER.render(page, Seeds.picturedContent()).orElseThrow().body(),
                StandardCharsets.UTF_8);
    }
}
