package se.newsroom.render.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import se.newsroom.render.site.CommentText.Segment;

/** Comment text: paragraphs kept, web addresses become links, nothing else does. */
class CommentTextTest {

    @Test
    void paragraphs_shouldSplitOnBlankLines_andLinkWebAddressesWithoutTheirClosingPunctuation() {
        List<List<Segment>> paragraphs = CommentText.paragraphs(
                "Se https://www.bastad.se/protokoll.\n\n\n(Eller http://example.se/a?b=1), tack!");

        assertThat(paragraphs).hasSize(2);
        assertThat(paragraphs.get(0)).containsExactly(new Segment("Se ", null),
                new Segment("https://www.bastad.se/protokoll", "https://www.bastad.se/protokoll"),
                new Segment(".", null));
        assertThat(paragraphs.get(1).get(1).url()).isEqualTo("http://example.se/a?b=1");
    }

    @Test
    void paragraphs_shouldNotLinkOtherSchemes() {
        assertThat(CommentText.paragraphs("javascript:alert(1) <a href=x>").getFirst())
                .containsExactly(new Segment("javascript:alert(1) <a href=x>", null));
    }
}
