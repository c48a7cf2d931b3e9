package se.newsroom.content;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Slugs as WordPress makes them for a Swedish site, so migrated URLs stay the same. */
class SlugsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    // CHECKSTYLE.OFF: LineLength
    @CsvSource(delimiter = '|', value = {
        "Statusuppdatering angående händelser inom Individ och familj | statusuppdatering-angaende-handelser-inom-individ-och-familj",
        "Politiska styrningen av Individ och familj utreds | politiska-styrningen-av-individ-och-familj-utreds",
        "Åsa & Örjan – vi ses på torget! | asa-orjan-vi-ses-pa-torget",
        "Lex Sarah-anmälningar i oktober | lex-sarah-anmalningar-i-oktober",
        "Budget 2020: 4,5 miljoner | budget-2020-45-miljoner",
        "Version 1.2 släppt | version-1-2-slappt",
        "<b>Fet</b> rubrik | fet-rubrik",
        "Ærø, Straße och Łódź | aero-strase-och-lodz",
        "'  --Hej--  ' | hej",
        "Till och från: Båstad/Torekov | till-och-fran-bastad-torekov",
        "Café Élan — nu öppet | cafe-elan-nu-oppet",
        "snake_case stannar | snake_case-stannar",
        "Sommar &amp; sol | sommar-sol",
    })
    // CHECKSTYLE.ON: LineLength
    void of_shouldMakeTheSlugWordPressMakes(String title, String slug) {
        assertThat(Slugs.of(title)).isEqualTo(slug);
    }

    @Test
    void of_shouldTurnNoBreakSpacesAndEnDashesIntoHyphens() {
        assertThat(Slugs.of("Båstad\u00a0kommun\u2013nytt")).isEqualTo("bastad-kommun-nytt");
    }

    @Test
    void of_shouldGiveNothing_whenNoCharacterCanBeTransliterated() {
        assertThat(Slugs.of("東京 !!!")).isEmpty();
    }

    @Test
    void of_shouldCutAt200Characters_withoutATrailingHyphen() {
        String title = "ord ".repeat(60);

        String slug = Slugs.of(title);

        assertThat(slug).hasSizeLessThanOrEqualTo(200).doesNotEndWith("-").startsWith("ord-ord");
    }

    @Test
    void of_shouldStripTagsAsBefore_andKeepTextAfterAnUnclosedAngleBracket() {
        assertThat(Slugs.of("a <i>b</i> < c <d")).isEqualTo("a-b-c-d");
        assertThat(Slugs.of("<".repeat(40_000) + "Rubrik")).isEqualTo("rubrik");
    }

    @Test
    void ofTerm_shouldKeepWhatItCannotTransliterate_percentEncodedAsWordPressDoes() {
        assertThat(Slugs.ofTerm("Новости")).isEqualTo("%d0%bd%d0%be%d0%b2%d0%be%d1%81%d1%82%d0%b8");
        assertThat(Slugs.ofTerm("Kultur 文化")).isEqualTo("kultur-%e6%96%87%e5%8c%96");
        assertThat(Slugs.ofTerm("Individ och familj")).isEqualTo(Slugs.of("Individ och familj"));
        assertThat(Slugs.ofTerm("«Åsa» & 100%")).isEqualTo("asa-100");
    }

    @Test
    void ofTerm_shouldKeepTheMarksOfOtherScripts() {
        assertThat(Slugs.ofTerm("ガ")).isNotEqualTo(Slugs.ofTerm("カ"));
    }

    @Test
    void withSuffix_shouldNumberFromTwo_andStayWithinTheLimit() {
        assertThat(Slugs.withSuffix("badplatser", 2)).isEqualTo("badplatser-2");
        String longest = "a".repeat(200);
        assertThat(Slugs.withSuffix(longest, 12)).hasSize(200).endsWith("a-12");
    }

    @Test
    void isCanonical_shouldAcceptOnlyWhatOfProduces() {
        assertThat(Slugs.isCanonical("nya-badplatser-2")).isTrue();
        assertThat(Slugs.isCanonical("Nya-badplatser")).isFalse();
        assertThat(Slugs.isCanonical("nya--badplatser")).isFalse();
        assertThat(Slugs.isCanonical("-nya")).isFalse();
        assertThat(Slugs.isCanonical("båstad")).isFalse();
        assertThat(Slugs.isCanonical("")).isFalse();
    }
}
