package se.newsroom.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The categories the desk offers, tallied from articles' lists. */
class CategoryUseTest {

    @Test
    void tally_shouldSortAsSwedish_withÅÄÖAfterZ() {
        List<CategoryUse> tally = CategoryUse.tally(List.of(List.of("Örnar", "Zon", "Ängar", "Åtgärder", "Avfall",
                "Öppettider")));

        assertThat(tally).extracting(CategoryUse::name)
                .containsExactly("Avfall", "Zon", "Åtgärder", "Ängar", "Öppettider", "Örnar");
    }

    @Test
    void tally_shouldCountOneCategoryPerSlug_showingTheSpellingMostArticlesUse() {
        List<CategoryUse> tally = CategoryUse.tally(List.of(List.of("trafik"), List.of("Trafik"),
                List.of("Trafik", "Kommun"), List.of("Trafik!", "trafik")));

        assertThat(tally).containsExactly(new CategoryUse("Kommun", "kommun", 1),
                new CategoryUse("Trafik", "trafik", 4));
    }
}
