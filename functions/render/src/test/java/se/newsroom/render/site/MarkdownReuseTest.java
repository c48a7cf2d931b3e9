package se.newsroom.render.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import se.newsroom.render.site.Views.Picture;

/** Markdown parses a body once for its media ids and its HTML: never one body's parse for another's page. */
class MarkdownReuseTest {
    private static final String PICTURED = "Före.\n\n![Hamnen](media:01PHOTO)\n\nEfter.";
    private static final Picture HARBOUR = new Picture("/media/01PHOTO/960.jpg", "", "", 960, 640, "Hamnen", "", "",
            true);

    @Test
    void toSafeHtml_shouldRenderItsOwnBody_afterTheMediaIdsOfAnother() {
        assertThat(Markdown.mediaIds(PICTURED)).containsExactly("01PHOTO");

        assertThat(Markdown.toSafeHtml("Ett *annat* stycke.")).isEqualTo("<p>Ett <em>annat</em> stycke.</p>\n");
    }

    @Test
    void toSafeHtml_shouldRenderTheSameBodyAgain_fromItsOwnParse() {
        Markdown.mediaIds(PICTURED);
        String withPicture = Markdown.toSafeHtml(PICTURED, (id, alt) -> Optional.of(HARBOUR));

        String withoutPicture = Markdown.toSafeHtml(PICTURED, (id, alt) -> Optional.empty());

        assertThat(withPicture).contains("<figure", "/media/01PHOTO/960.jpg", "Före.", "Efter.");
        assertThat(withoutPicture).doesNotContain("<figure", "<img").contains("Före.", "Efter.");
    }
}
