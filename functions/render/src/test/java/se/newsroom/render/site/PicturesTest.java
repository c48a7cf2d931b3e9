package se.newsroom.render.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import org.junit.jupiter.api.Test;

import se.newsroom.content.Article;
import se.newsroom.content.ArticleImage;
import se.newsroom.render.Seeds;
import se.newsroom.render.plan.Page;

/** Pictures from the media library on the reader's pages: every variant offered, sized, captioned, never broken. */
class PicturesTest {
    private static final SiteRenderer RENDERER = Seeds.renderer();
    private static final String PHOTO = "/media/" + Seeds.PHOTO + "/";

    @Test
    void featuredImage_shouldBeAFigureBeforeTheBody_withEveryVariant_the960sSize_andNotLazy() {
        String html = page(Seeds.picturedPage());

        String img = "<img src=\"" + PHOTO + "960.jpg\" srcset=\"" + PHOTO + "480.jpg 480w, " + PHOTO + "960.jpg 960w, "
                + PHOTO + "1600.jpg 1600w\" sizes=\"" + Pictures.SIZES + "\" width=\"960\" height=\"640\" "
                + "alt=\"Sessionssalen sedd från läktaren\" decoding=\"async\">";
        assertThat(html).contains("<figure class=\"picture\">\n" + img);
        assertThat(html.indexOf(img)).isLessThan(html.indexOf("<div class=\"body\">"));
        assertThat(html).contains("<figcaption>Fullmäktige sammanträder <span class=\"credit\">Foto: Anna Sjöberg"
                + "</span></figcaption>");
    }

    @Test
    void featuredImage_shouldHaveAnEmptyAlt_whenDecorative_andTheLibrarysCaptionWhenTheArticleGivesNone() {
        Article decorative = Seeds.pictured().toBuilder().image(Optional.of(new ArticleImage(Seeds.PHOTO, "", true,
                "", "Anna Sjöberg"))).build();

        String html = page(Seeds.picturedPage(), content(decorative));

        assertThat(html).contains("height=\"640\" alt=\"\" decoding=\"async\">");
        assertThat(html).contains("<figcaption>Kommunfullmäktige i juni <span class=\"credit\">Foto: Anna Sjöberg"
                + "</span></figcaption>");
        assertThat(html).doesNotContain("og:image:alt");
    }

    @Test
    void featuredImage_notReady_shouldShowNoFigure_andNoSocialImage() {
        Article waiting = Seeds.pictured().toBuilder().body("Text.").image(Optional.of(new ArticleImage(
                Seeds.NOT_READY, "Vägarbetet", false, "", ""))).build();

        String html = page(Seeds.picturedPage(), content(waiting));

        assertThat(html).doesNotContain("<figure", "<img", "og:image", Seeds.NOT_READY);
    }

    @Test
    void articlePage_shouldGiveSocialMediaTheWidestVariant() {
        String html = page(Seeds.picturedPage());

        assertThat(html).contains("<meta property=\"og:image\" content=\"https://www.bastad.se" + PHOTO
                        + "1600.jpg\">", "<meta property=\"og:image:width\" content=\"1600\">",
                "<meta property=\"og:image:height\" content=\"1066\">",
                "<meta property=\"og:image:alt\" content=\"Sessionssalen sedd från läktaren\">",
                "<meta name=\"twitter:card\" content=\"summary_large_image\">");
        assertThat(new String(RENDERER.render(new Page.ArticlePage(Seeds.POLITISKA,
                "politiska-styrningen-av-individ-och-familj-utreds"), Seeds.picturedContent()).orElseThrow().body(),
                StandardCharsets.UTF_8)).doesNotContain("og:image", "summary_large_image")
                .contains("<meta name=\"twitter:card\" content=\"summary\">");
    }

    @Test
    void frontPage_shouldShowTheSmallVariant_sized_besideItsHeadline() {
        String html = page(new Page.Front());

        assertThat(html).contains("<img class=\"thumbnail\" src=\"" + PHOTO + "480.jpg\" width=\"480\" "
                + "height=\"320\" alt=\"\" decoding=\"async\" loading=\"lazy\">");
        assertThat(html.split("<img", -1)).hasSize(2);
    }

    @Test
    void monthAndCategoryPages_shouldShowTheSmallVariant_sized_likeTheFrontPage() {
        String thumbnail = "<img class=\"thumbnail\" src=\"" + PHOTO + "480.jpg\" width=\"480\" height=\"320\" "
                + "alt=\"\" decoding=\"async\" loading=\"lazy\">";
        for (Page list : List.of(new Page.Month(YearMonth.of(2026, 11)), new Page.Category("politik"))) {
            String html = page(list);

            assertThat(html).as(list.path()).contains(thumbnail);
            assertThat(html.indexOf(thumbnail)).as(list.path())
                    .isLessThan(html.indexOf("<a href=\"/nyheter/fullmaktige-i-bilder/\">"));
            assertThat(html.split("<img", -1)).as(list.path()).hasSize(2);
        }
    }

    @Test
    void monthAndCategoryPages_shouldShowNoThumbnail_whenThePictureIsNotReady() {
        Article waiting = Seeds.pictured().toBuilder().image(Optional.of(new ArticleImage(Seeds.NOT_READY,
                "Vägarbetet", false, "", ""))).build();

        for (Page list : List.of(new Page.Month(YearMonth.of(2026, 11)), new Page.Category("politik"))) {
            assertThat(page(list, content(waiting))).as(list.path()).contains("Fullmäktige i bilder")
                    .doesNotContain("<img", Seeds.NOT_READY);
        }
    }

    @Test
    void feed_shouldCarryTheFeaturedImage_asAnEnclosure() throws Exception {
        byte[] feed = RENDERER.render(new Page.Feed(), Seeds.picturedContent()).orElseThrow().body();

        SyndEntry entry = new SyndFeedInput().build(new XmlReader(new ByteArrayInputStream(feed))).getEntries()
                .getFirst();
        assertThat(entry.getEnclosures()).singleElement().satisfies(e -> {
            assertThat(e.getUrl()).isEqualTo("https://www.bastad.se" + PHOTO + "960.jpg");
            assertThat(e.getLength()).isEqualTo(96_000L);
            assertThat(e.getType()).isEqualTo("image/jpeg");
        });
    }

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
        // The featured image, the body's figure and the logo in the text.
        assertThat(html.split("<img", -1)).hasSize(4);
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
        return page(page, Seeds.picturedContent());
    }

    private static String page(Page page, SiteContent content) {
        return new String(RENDERER.render(page, content).orElseThrow().body(), StandardCharsets.UTF_8);
    }

    /** The example site with this version of the pictured article. */
    private static SiteContent content(Article pictured) {
        List<Article> articles = new ArrayList<>(Seeds.articles());
        articles.add(pictured);
        return new SnapshotSiteContent(articles, Seeds.comments(), Seeds.media(), Seeds.STOCKHOLM);
    }
}
