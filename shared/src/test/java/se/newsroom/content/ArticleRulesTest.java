package se.newsroom.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import se.newsroom.error.FieldError;
import se.newsroom.error.InvalidInputException;

/** The rules an article must meet before anything is written. */
class ArticleRulesTest {
    private static final Instant NOW = Instant.parse("2019-12-04T12:00:00Z");
    private static final String ID = "01DVZ8Y3C4S0K9QH7N2M5X6B1A";

    @Test
    void check_shouldAcceptAMinimalDraft_withDefaults() {
        ArticleRules.CheckedArticle checked = ArticleRules.check(input("Rubrik", null, null, null), NOW,
                Optional.empty());

        assertThat(checked.status()).isEqualTo(ArticleStatus.DRAFT);
        assertThat(checked.commentsOpen()).isTrue();
        assertThat(checked.categories()).isEmpty();
        assertThat(checked.slug()).isEmpty();
    }

    @Test
    void check_shouldAcceptReview_likeADraft_evenWithoutABody() {
        ArticleRules.CheckedArticle checked = ArticleRules.check(input("Rubrik", null, "review", null), NOW,
                Optional.empty());

        assertThat(checked.status()).isEqualTo(ArticleStatus.REVIEW);
    }

    @Test
    void checkTransition_shouldLetOnlyADraftOrReviewGoToReview_sayingWhyInSwedish() {
        ArticleRules.checkTransition(ArticleStatus.DRAFT, ArticleStatus.REVIEW);
        ArticleRules.checkTransition(ArticleStatus.REVIEW, ArticleStatus.REVIEW);
        for (ArticleStatus to : ArticleStatus.values()) {
            ArticleRules.checkTransition(ArticleStatus.REVIEW, to);
        }

        assertThatThrownBy(() -> ArticleRules.checkTransition(ArticleStatus.PUBLISHED, ArticleStatus.REVIEW))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("En publicerad nyhet kan inte skickas till granskning.");
                    assertThat(e.errors()).extracting(FieldError::field).containsExactly("status");
                });
        assertThatThrownBy(() -> ArticleRules.checkTransition(ArticleStatus.SCHEDULED, ArticleStatus.REVIEW))
                .isInstanceOf(InvalidInputException.class).hasMessage("En schemalagd nyhet kan inte skickas till "
                        + "granskning.");
    }

    @Test
    void check_shouldReportEveryProblemAtOnce() {
        ArticleInput input = new ArticleInput(" ", "s".repeat(501), "b".repeat(100_001),
                Collections.nCopies(11, "Kategori"), List.of("inte-ett-id", ID), "scheduled", null, null, null, null,
                "Inte En Slug");

        assertThatThrownBy(() -> ArticleRules.check(input, NOW, Optional.of(ID)))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).errors()).extracting(FieldError::field)
                        .contains("title", "summary", "body", "categories", "categories[1]", "related[0]",
                                "related[1]", "publishAt", "slug"));
    }

    @Test
    void check_shouldCountCharactersNotBytes_forSwedishTitles() {
        String title = "ö".repeat(200);

        assertThat(ArticleRules.check(input(title, null, null, null), NOW, Optional.empty()).title()).isEqualTo(title);
        assertThatThrownBy(() -> ArticleRules.check(input(title + "ä", null, null, null), NOW, Optional.empty()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("1 problem");
    }

    @Test
    void check_shouldRefuseABodyThatWouldNotFitInATableItem() {
        // 80,000 characters (emoji), within the character limit, but 320,000 bytes in UTF-8.
        String body = "\uD83D\uDCF0".repeat(80_000);

        assertThatThrownBy(() -> ArticleRules.check(input("Rubrik", body, null, null), NOW, Optional.empty()))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).errors())
                        .containsExactly(new FieldError("body",
                                "must be at most 300000 bytes in UTF-8 (it has 320000)")));
    }

    @Test
    void check_shouldRequireAFuturePublishAt_whenScheduled() {
        assertThat(ArticleRules.check(input("Rubrik", "Text", "scheduled", "2019-12-05T08:00:00+01:00"), NOW,
                Optional.empty()).publishAt()).contains(Instant.parse("2019-12-05T07:00:00Z"));
        assertThatThrownBy(() -> ArticleRules.check(input("Rubrik", "Text", "scheduled", "2019-12-04T08:00:00+01:00"),
                NOW, Optional.empty())).satisfies(e -> assertThat(((InvalidInputException) e).errors())
                .containsExactly(new FieldError("publishAt", "must be in the future when status is scheduled")));
        assertThatThrownBy(() -> ArticleRules.check(input("Rubrik", "Text", "scheduled", "i morgon"), NOW,
                Optional.empty())).satisfies(e -> assertThat(((InvalidInputException) e).errors())
                .extracting(FieldError::field).containsExactly("publishAt"));
    }

    @Test
    void check_shouldRefuseDatesOutsideTheSitesRange_namingTheField() {
        // NOW is 2019-12-04: publishAt may lie up to 10 years ahead, no date before 1990.
        assertThat(ArticleRules.check(input("Rubrik", "Text", "scheduled", "2029-12-01T08:00:00+01:00"), NOW,
                Optional.empty()).publishAt()).isPresent();
        for (String far : List.of("+999999999-12-31T23:59:59Z", "+10000-01-01T00:00:00Z",
                "2029-12-05T12:00:01Z")) {
            assertThatThrownBy(() -> ArticleRules.check(input("Rubrik", "Text", "scheduled", far), NOW,
                    Optional.empty())).satisfies(e -> assertThat(((InvalidInputException) e).errors())
                    .containsExactly(new FieldError("publishAt", "must be at most 10 years ahead, "
                            + "by 2029-12-04T12:00:00Z")));
        }
        for (String early : List.of("1989-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z", "0000-01-01T00:00:00Z")) {
            ArticleInput input = new ArticleInput("Rubrik", null, "Text", null, null, "published", null, early, null,
                    null, null);
            assertThatThrownBy(() -> ArticleRules.check(input, NOW, Optional.empty()))
                    .satisfies(e -> assertThat(((InvalidInputException) e).errors())
                            .containsExactly(new FieldError("publishedAt", "must be on or after 1990-01-01")));
        }
    }

    @Test
    void check_shouldRefuseATooLongSlug_byItsLength_withoutSluggingIt() {
        ArticleInput input = new ArticleInput("Rubrik", null, null, null, null, null, null, null, null, null,
                "<".repeat(40_000));

        assertThatThrownBy(() -> ArticleRules.check(input, NOW, Optional.empty()))
                .satisfies(e -> assertThat(((InvalidInputException) e).errors())
                        .containsExactly(new FieldError("slug", "must be at most 200 characters (it has 40000)")));
    }

    @Test
    void check_shouldRefuseToPublishWithoutABody_orWithAnUnknownStatus() {
        assertThatThrownBy(() -> ArticleRules.check(input("Rubrik", " ", "published", null), NOW, Optional.empty()))
                .satisfies(e -> assertThat(((InvalidInputException) e).errors()).extracting(FieldError::field)
                        .containsExactly("body"));
        assertThatThrownBy(() -> ArticleRules.check(input("Rubrik", "Text", "live", null), NOW, Optional.empty()))
                .satisfies(e -> assertThat(((InvalidInputException) e).errors()).extracting(FieldError::message)
                        .containsExactly("must be draft, review, scheduled or published"));
    }

    @Test
    void check_shouldRefuseDuplicateCategoriesIgnoringCase_andSelfRelations() {
        ArticleInput input = new ArticleInput("Rubrik", null, null, List.of("Skola", "skola"), List.of(ID), null,
                null, null, null, null, null);

        assertThatThrownBy(() -> ArticleRules.check(input, NOW, Optional.of(ID)))
                .satisfies(e -> assertThat(((InvalidInputException) e).errors()).extracting(FieldError::field)
                        .containsExactly("categories[1]", "related[0]"));
    }

    @Test
    void check_shouldRefuseCharactersXmlCannotCarry_namingEachTextField() {
        for (String poison : List.of("\u0000", "\u000B", "\u001B", "\uFFFE", "\uD800")) {
            ArticleInput input = new ArticleInput("Rubrik" + poison, "Ingress" + poison, "Text" + poison,
                    List.of("Skola" + poison), null, null, null, null, "Anna" + poison, null, null);

            assertThatThrownBy(() -> ArticleRules.check(input, NOW, Optional.empty())).as(poison)
                    .isInstanceOf(InvalidInputException.class)
                    .satisfies(e -> assertThat(((InvalidInputException) e).errors()).extracting(FieldError::field)
                            .containsExactlyInAnyOrder("title", "summary", "body", "categories[0]", "author"));
        }
        assertThatThrownBy(() -> ArticleRules.check(input("Rubrik\u001B[2J", null, null, null), NOW,
                Optional.empty())).satisfies(e -> assertThat(((InvalidInputException) e).errors())
                .containsExactly(new FieldError("title", "must not contain U+001B, a control character")));
    }

    @Test
    void check_shouldRefuseATitleWithNothingVisible() {
        for (String invisible : List.of("\u200B\u200B\u200B", "\u00A0\u2060\u200D", "\u0301")) {
            assertThatThrownBy(() -> ArticleRules.check(input(invisible, null, null, null), NOW, Optional.empty()))
                    .satisfies(e -> assertThat(((InvalidInputException) e).errors())
                            .containsExactly(new FieldError("title", "must contain a visible character")));
        }
    }

    @Test
    void check_shouldRefuseLineBreaksInOneLineFields_andJoinTheSummarysLines() {
        ArticleInput input = new ArticleInput("Rubrik\r\nSet-Cookie: x=1", null, null, List.of("Sk\nola"), null,
                null, null, null, "Anna\tB", null, null);

        assertThatThrownBy(() -> ArticleRules.check(input, NOW, Optional.empty()))
                .satisfies(e -> assertThat(((InvalidInputException) e).errors()).extracting(FieldError::field)
                        .containsExactly("title", "categories[0]", "author"));
        ArticleInput summary = new ArticleInput("Rubrik", "Rad ett\r\nrad två\n\n\ttre", null, null, null,
                null, null, null, null, null, null);
        assertThat(ArticleRules.check(summary, NOW, Optional.empty()).summary()).isEqualTo("Rad ett rad två tre");
    }

    @Test
    void check_shouldRefuseBidiControls_thatWouldMakeATitleReadOtherwise() {
        assertThatThrownBy(() -> ArticleRules.check(input("Faktura \u202Efdp.exe", "Text \u2066x\u2069", null,
                null), NOW, Optional.empty())).satisfies(e -> assertThat(((InvalidInputException) e).errors())
                .extracting(FieldError::field).containsExactly("title", "body"));
    }

    @Test
    void check_shouldStoreTextInNfc_withLfLineBreaks() {
        ArticleRules.CheckedArticle checked = ArticleRules.check(new ArticleInput("Ba\u030Astad", null,
                "Ett\r\ntvå", List.of("Fo\u0308reningsliv"), null, null, null, null, null, null, null), NOW,
                Optional.empty());

        assertThat(checked.title()).isEqualTo("Båstad");
        assertThat(checked.body()).isEqualTo("Ett\ntvå");
        assertThat(checked.categories()).containsExactly("Föreningsliv");
    }

    private static ArticleInput input(String title, String body, String status, String publishAt) {
        return new ArticleInput(title, null, body, null, null, status, publishAt, null, null, null, null);
    }
}
