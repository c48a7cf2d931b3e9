package se.newsroom.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import se.newsroom.error.FieldError;
import se.newsroom.error.InvalidInputException;

/** The rules of an article's pictures: alt text unless decorative, real media ids, at most ten. */
class ArticleImageRulesTest {
    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private static final String MEDIA = "01KB7Q2M3N4P5R6S7T8V9W0X1Y";

    private static ArticleInput withImage(ArticleInput.ImageInput image, String body) {
        return new ArticleInput("Budgeten antagen", null, body, null, null, null, null, null, null, null, null,
                image);
    }

    private static List<String> fields(ArticleInput input) {
        try {
            ArticleRules.check(input, NOW, Optional.empty());
            return List.of();
        } catch (InvalidInputException e) {
            return e.errors().stream().map(FieldError::field).toList();
        }
    }

    @Test
    void anImage_shouldNeedItsAltText_unlessDecorative() {
        assertThat(fields(withImage(new ArticleInput.ImageInput(MEDIA, null, null, null, null), "T")))
                .containsExactly("image.alt");
        assertThat(fields(withImage(new ArticleInput.ImageInput(MEDIA, " \u00a0", false, null, null), "T")))
                .containsExactly("image.alt");

        ArticleRules.CheckedArticle decorative = ArticleRules.check(withImage(new ArticleInput.ImageInput(MEDIA,
                "ignoreras", true, "Bildtext", "Anna"), "T"), NOW, Optional.empty());

        assertThat(decorative.image()).contains(new ArticleImage(MEDIA, "", true, "Bildtext", "Anna"));
    }

    @Test
    void anImage_shouldKeepItsTextsNormalized_withinTheirLengths() {
        ArticleRules.CheckedArticle checked = ArticleRules.check(withImage(new ArticleInput.ImageInput(MEDIA,
                "  Sessionssalen  ", null, "Fullmäktige.", "Anna Andersson"), "T"), NOW, Optional.empty());

        assertThat(checked.image()).contains(new ArticleImage(MEDIA, "Sessionssalen", false, "Fullmäktige.",
                "Anna Andersson"));
        assertThat(fields(withImage(new ArticleInput.ImageInput(MEDIA, "a".repeat(301), null, "c".repeat(501),
                "k".repeat(101)), "T"))).containsExactly("image.alt", "image.caption", "image.credit");
    }

    @Test
    void anImage_shouldNameAMediaId() {
        assertThat(fields(withImage(new ArticleInput.ImageInput("bild.jpg", "Alt", null, null, null), "T")))
                .containsExactly("image.mediaId");
        assertThat(fields(withImage(new ArticleInput.ImageInput(null, "Alt", null, null, null), "T")))
                .containsExactly("image.mediaId");
    }

    @Test
    void bodyPictures_shouldBeMediaIds_atMostTenWithTheFeaturedOne() {
        String tenInBody = IntStream.range(0, 10).mapToObj(i -> "![Bild " + i + "](media:01KB7Q2M3N4P5R6S7T8V9W0X"
                + "ABCDEFGHJK".charAt(i) + "0)").collect(Collectors.joining("\n\n"));

        assertThat(fields(withImage(null, "Se ![karta](media:karta.png) här."))).containsExactly("body");
        assertThat(fields(withImage(null, tenInBody))).isEmpty();
        assertThat(fields(withImage(new ArticleInput.ImageInput(MEDIA, "Alt", null, null, null), tenInBody)))
                .containsExactly("body");
        assertThatThrownBy(() -> ArticleRules.check(withImage(null, "![x](media:nej)"), NOW, Optional.empty()))
                .hasMessageContaining("1 problem");
    }

    @Test
    void mediaReferences_shouldFindBodyPicturesInOrder_andTheFeaturedOneFirst() {
        String body = "Före ![Kran](media:01KB7Q2M3N4P5R6S7T8V9W0X2A) och ![Karta]( media:" + MEDIA
                + ") och [länk](media:01KB7Q2M3N4P5R6S7T8V9W0X3B).";

        assertThat(MediaReferences.inBody(body)).containsExactly("01KB7Q2M3N4P5R6S7T8V9W0X2A", MEDIA);
        assertThat(MediaReferences.of(Optional.of(new ArticleImage(MEDIA, "a", false, "", "")), body))
                .containsExactly(MEDIA, "01KB7Q2M3N4P5R6S7T8V9W0X2A");
    }
}
