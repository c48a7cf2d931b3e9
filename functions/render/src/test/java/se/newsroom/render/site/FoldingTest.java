package se.newsroom.render.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import se.newsroom.content.Text;

/** Swedish folding, as the search index and (through the manifest's table) the search script apply it. */
class FoldingTest {
    @Test
    void words_shouldBeTheSame_forOstersundWithAndWithoutDiacriticsInAnyCase() {
        assertThat(Folding.words("Ostersund")).containsExactly("ostersund");
        assertThat(Folding.words("östersund")).containsExactly("ostersund");
        assertThat(Folding.words("ÖSTERSUND")).containsExactly("ostersund");
        // decomposed, as some keyboards type it: o + combining diaeresis
        assertThat(Folding.words("O\u0308stersund")).containsExactly("ostersund");
    }

    @Test
    void words_shouldFoldAAndEAccents_andSplitOnPunctuation() {
        assertThat(Folding.words("Vägarbete på Ålgatan: CAFÉ-öppning, 17.00!"))
                .containsExactly("vagarbete", "pa", "algatan", "cafe", "oppning", "17", "00");
    }

    @Test
    void words_shouldSplitWhereTheScriptsPatternSplits_onLettersAndNumbersOfAnyScript() {
        String text = "Ⅻ-kvarteret ½ år: Москва, 東京 🙂 café…o\u0308l 2:a 𝔸bc";
        List<String> bySplit = Arrays.stream(Pattern.compile("[^\\p{L}\\p{N}]+").split(Folding.fold(text)))
                .filter(w -> !w.isEmpty()).toList();

        assertThat(Folding.words(text)).isEqualTo(bySplit).contains("ⅻ", "½", "москва", "東京", "cafe", "ol", "2", "a");
    }

    @Test
    void fold_shouldAgreeWithTheEditorsTitleSearch_onSwedishText() {
        String text = "Äldreomsorgen i Örkelljunga och Båstad – Måndag Café Sjöberg";

        assertThat(Folding.fold(text)).isEqualTo(Text.folded(text));
    }

    @Test
    void table_shouldMapTheSwedishLetters_groupedByWhatTheyBecome() {
        assertThat(Folding.table().get("a")).contains("å", "ä", "à", "á");
        assertThat(Folding.table().get("o")).contains("ö", "ó");
        assertThat(Folding.table().get("e")).contains("é", "è");
        assertThat(Folding.table().values()).noneMatch(letters -> letters.contains("Ö")); // lower-cased first
    }
}
