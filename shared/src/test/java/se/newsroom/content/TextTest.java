package se.newsroom.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.xml.sax.InputSource;

/** The characters a text field may hold, and stored text made writable whatever it holds. */
class TextTest {
    private static final List<String> POISON = List.of("\u0000", "\u000B", "\u001B", "\u007F", "\u0085", "\uFFFE",
            "\uFFFF", "\uFDD0", "\uD800", "\uDFFF", "\uD83F\uDFFE");

    @Test
    void flaw_shouldNameEveryCharacterXmlCannotCarry() {
        for (String poison : POISON) {
            assertThat(Text.flaw("Rubrik " + poison + " här", false)).as(poison).isPresent()
                    .get().extracting(Text.Flaw::kind).isIn(Text.Kind.CONTROL, Text.Kind.LONE_SURROGATE,
                            Text.Kind.NONCHARACTER);
        }
        assertThat(Text.flaw("a\u0000", false)).contains(new Text.Flaw(Text.Kind.CONTROL, 0));
        assertThat(Text.flaw("a\u0000", false).orElseThrow().unicode()).isEqualTo("U+0000");
    }

    @Test
    void flaw_shouldRefuseTheReplacementCharacter_andBidiControls() {
        assertThat(Text.flaw("Tr\uFFFDlleborg", false)).get().extracting(Text.Flaw::kind)
                .isEqualTo(Text.Kind.REPLACEMENT);
        for (int c : new int[] {0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069}) {
            assertThat(Text.flaw("Betala här \u0000".replace('\u0000', (char) c) + "fdp.exe", false)).get()
                    .extracting(Text.Flaw::kind).isEqualTo(Text.Kind.BIDI_CONTROL);
        }
    }

    @Test
    void flaw_shouldRefuseLineBreaks_onlyInOneLineFields() {
        for (String br : List.of("\n", "\r", "\r\n", "\t", "\u2028", "\u2029")) {
            assertThat(Text.flaw("Rad ett" + br + "rad två", true)).get().extracting(Text.Flaw::kind)
                    .isEqualTo(Text.Kind.LINE_BREAK);
            assertThat(Text.flaw("Rad ett" + br + "rad två", false)).isEmpty();
        }
    }

    @Test
    void flaw_shouldAcceptSwedish_emoji_andTheFormatCharactersTextNeeds() {
        assertThat(Text.flaw("Båstad – ÅÄÖ åäö\u00A0é «citat» \uD83D\uDCF0 \uD83D\uDC69\u200D\uD83D\uDCBB", true))
                .isEmpty();
        // soft hyphen, zero-width space and joiners, left-to-right and right-to-left marks
        assertThat(Text.flaw("social\u00ADtjänst a\u200Bb \u200C\u200D \u200E\u200F", true)).isEmpty();
    }

    @Test
    void hasVisible_shouldBeFalse_forSpacesAndZeroWidthCharactersOnly() {
        assertThat(Text.hasVisible("\u200B\u200B\u200B")).isFalse();
        assertThat(Text.hasVisible(" \u00A0\u2003\u200C\u200D\u2060\uFEFF\u00AD")).isFalse();
        assertThat(Text.hasVisible("\u0301\u0308")).isFalse(); // combining marks on nothing
        assertThat(Text.hasVisible("")).isFalse();
        assertThat(Text.hasVisible("\u200BÅ")).isTrue();
        assertThat(Text.hasVisible("…")).isTrue();
        assertThat(Text.hasVisible("\uD83D\uDCF0")).isTrue();
        assertThat(Text.hasVisible("7")).isTrue();
    }

    @Test
    void normalize_shouldComposeSwedishLetters_andUnifyLineBreaks() {
        assertThat(Text.normalize("Ba\u030Astad")).isEqualTo("Båstad");
        assertThat(Text.normalize("ett\r\ntvå\rtre\u2028fyra\u2029fem")).isEqualTo("ett\ntvå\ntre\nfyra\nfem");
    }

    @Test
    void printable_shouldMakeAnyStoredValueWellFormedXml() throws Exception {
        String poisoned = "A" + String.join("B", POISON) + "\t\n\r Ö \uD83D\uDCF0";

        String printable = Text.printable(poisoned);

        assertThat(printable).startsWith("A\uFFFDB").endsWith("\t\n\r Ö \uD83D\uDCF0");
        String xml = "<?xml version=\"1.0\"?><t>" + printable + "</t>";
        DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }

    @Test
    void printable_shouldFindWhatCannotBeCarried_amongSwedishLettersAndPairedEmoji() {
        String stored = "Östra hamnen \uD83D\uDCF0 å\uDBFF\uDFFFä\u0085ö\uFDD0\n–\uD800";

        assertThat(Text.printable(stored)).isEqualTo("Östra hamnen \uD83D\uDCF0 å\uFFFDä\uFFFDö\uFFFD\n–\uFFFD");
    }

    @Test
    void printable_shouldReturnCleanTextAsItIs() {
        String clean = "Politiska styrningen av Individ och familj utreds \uD83D\uDCF0";

        assertThat(Text.printable(clean)).isSameAs(clean);
    }

    @Test
    void folded_shouldIgnoreCaseAndDiacritics_asTitleSearchDoes() {
        assertThat(Text.folded("Vägarbete på ÖSTRA Storgatan")).isEqualTo("vagarbete pa ostra storgatan");
        assertThat(Text.folded("VÄG")).isEqualTo(Text.folded("vag"));
        assertThat(Text.folded("a\u030Angström")).isEqualTo("angstrom");
    }
}
