package se.newsroom.articles;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import se.newsroom.articles.RevisionDiff.Segment;
import se.newsroom.content.Article;
import se.newsroom.content.ArticleStatus;
import se.newsroom.testing.Articles;

class RevisionDiffTest {

    @Test
    void words_shouldMarkOnlyTheChangedWord_keepingSwedishTextAndNoBreakSpacesIntact() {
        List<Segment> diff = RevisionDiff.words("Avgiften höjs till 5\u00a0000 kronor – i år.",
                "Avgiften sänks till 5\u00a0000 kronor – i år.");

        assertThat(diff).containsExactly(new Segment("equal", "Avgiften "), new Segment("delete", "höjs"),
                new Segment("insert", "sänks"), new Segment("equal", " till 5\u00a0000 kronor – i år."));
    }

    @Test
    void lines_shouldKeepUnchangedLinesWhole_andDiffWordsOnlyWithinTheLinesThatChanged() {
        String before = "Första stycket.\n\nAndra stycket med fel.\n\nTredje stycket.";
        String after = "Första stycket.\n\nAndra stycket utan fel.\n\nTredje stycket.\n\nEtt nytt fjärde.";

        List<Segment> diff = RevisionDiff.lines(before, after);

        assertThat(diff).containsExactly(new Segment("equal", "Första stycket.\n\nAndra stycket "),
                new Segment("delete", "med"), new Segment("insert", "utan"),
                new Segment("equal", " fel.\n\nTredje stycket."), new Segment("insert", "\n\nEtt nytt fjärde."));
    }

    @Test
    void lines_shouldGiveBothVersionsBack_fromTheirSegments() {
        String before = "Rad ett.\nRad två med å.\nRad tre.\n";
        String after = "Rad noll.\nRad ett.\nRad två med ä.\n";

        List<Segment> diff = RevisionDiff.lines(before, after);

        assertThat(join(diff, "delete")).isEqualTo(before);
        assertThat(join(diff, "insert")).isEqualTo(after);
    }

    @Test
    void items_shouldShowEachCategoryAddedOrRemoved() {
        assertThat(RevisionDiff.items(List.of("Kommun", "Skola"), List.of("Kommun", "Förskola")))
                .containsExactly(new Segment("equal", "Kommun"), new Segment("delete", "Skola"),
                        new Segment("insert", "Förskola"));
    }

    @Test
    void between_shouldListOnlyTheComparedFieldsThatDiffer_inOrder() {
        Article before = Articles.draft("Rubrik");
        Article after = before.toBuilder().summary("Ny sammanfattning.").status(ArticleStatus.PUBLISHED)
                .publishedAt(Optional.of(Articles.T0)).build();

        assertThat(RevisionDiff.between(Optional.of(before), after)).extracting(RevisionDiff.FieldChange::field)
                .containsExactly("summary", "status");
        assertThat(RevisionDiff.between(Optional.empty(), after)).extracting(RevisionDiff.FieldChange::field)
                .containsExactly("title", "summary", "body", "categories", "slug", "status");
    }

    /** The text a diff's equal pieces and pieces of {@code kept} make: the old version (delete) or the new (insert). */
    private static String join(List<Segment> diff, String kept) {
        return diff.stream().filter(s -> s.op().equals("equal") || s.op().equals(kept)).map(Segment::text)
                .collect(Collectors.joining());
    }
}
