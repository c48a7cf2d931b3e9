package se.newsroom.comments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import se.newsroom.error.FieldError;
import se.newsroom.error.InvalidInputException;

/** What a reader's comment must be, with messages a reader can act on. */
class CommentRulesTest {

    @Test
    void check_shouldTrimAndLowerCaseTheEmail_andKeepParagraphs() {
        CommentRules.CheckedComment checked = CommentRules.check(new CommentInput("  Åsa Öberg ", " Asa@Example.SE ",
                "Första stycket.\r\n\r\nAndra – med tankstreck.", "", ""));

        assertThat(checked.author()).isEqualTo("Åsa Öberg");
        assertThat(checked.email()).isEqualTo("asa@example.se");
        assertThat(checked.body()).isEqualTo("Första stycket.\n\nAndra – med tankstreck.");
        assertThat(checked.parentId()).isEmpty();
        assertThat(checked.honeypotFilled()).isFalse();
    }

    @Test
    void check_shouldNameEveryFieldAtFault_inSwedish() {
        assertThatThrownBy(() -> CommentRules.check(new CommentInput(" ", "inte-en-adress", "", "x", null)))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).errors()).extracting(FieldError::field)
                        .containsExactly("author", "email", "body", "parentId"))
                .satisfies(e -> assertThat(((InvalidInputException) e).errors().getFirst().message())
                        .isEqualTo("Skriv ditt namn."));
    }

    @Test
    void theStaffMarking_shouldBeRefusedAsAReadersName_inAnyCaseSpacingOrWidth_butNotInsideAName() {
        for (String name : List.of("Redaktionen", "REDAKTIONEN", "red aktionen", "Redaktionen\u00a0",
                "\uff32\uff45\uff44\uff41\uff4b\uff54\uff49\uff4f\uff4e\uff45\uff4e")) {
            assertThatThrownBy(() -> CommentRules.check(new CommentInput(name, "a@example.se", "Hej", "", "")))
                    .as(name).isInstanceOf(InvalidInputException.class)
                    .satisfies(e -> assertThat(((InvalidInputException) e).errors()).extracting(FieldError::field)
                            .containsExactly("author"));
        }
        assertThat(CommentRules.check(new CommentInput("Redaktionens vän", "a@example.se", "Hej", "", "")).author())
                .isEqualTo("Redaktionens vän");
    }

    @Test
    void check_shouldCountCharacters_atTheLimits() {
        String author = "ö".repeat(CommentRules.MAX_AUTHOR);
        String body = "å".repeat(CommentRules.MAX_BODY);

        assertThat(CommentRules.check(new CommentInput(author, "a@b.se", body, null, null)).body()).isEqualTo(body);
        assertThatThrownBy(() -> CommentRules.check(new CommentInput(author + "x", "a@b.se", body + "x", null, null)))
                .satisfies(e -> assertThat(((InvalidInputException) e).errors()).extracting(FieldError::field)
                        .containsExactly("author", "body"));
    }

    @Test
    void check_shouldRefuseCharactersXmlCannotCarry_inTheNameTheAddressAndTheText() {
        for (String poison : List.of("\u0000", "\u000B", "\u001B", "\uFFFE", "\uD800")) {
            assertThatThrownBy(() -> CommentRules.check(new CommentInput("Åsa" + poison, "a" + poison + "@b.se",
                    "Hej" + poison, null, null))).as(poison)
                    .satisfies(e -> assertThat(((InvalidInputException) e).errors()).extracting(FieldError::field)
                            .containsExactly("author", "email", "body"));
        }
        assertThatThrownBy(() -> CommentRules.check(new CommentInput("Åsa\u0000", "a@b.se", "Hej", null, null)))
                .satisfies(e -> assertThat(((InvalidInputException) e).errors()).containsExactly(new FieldError(
                        "author", "Namnet innehåller ett tecken som inte kan visas (U+0000). Skriv det utan.")));
    }

    @Test
    void check_shouldRefuseANameWithNothingVisible_onSeveralLines_orTurningTheText() {
        assertThatThrownBy(() -> CommentRules.check(new CommentInput("\u200B\u200B", "a@b.se", "Hej", null, null)))
                .satisfies(e -> assertThat(((InvalidInputException) e).errors()).containsExactly(new FieldError(
                        "author", "Namnet måste innehålla minst ett synligt tecken.")));
        assertThatThrownBy(() -> CommentRules.check(new CommentInput("Åsa\r\nÖberg", "a@b.se", "\u200B", null,
                null))).satisfies(e -> assertThat(((InvalidInputException) e).errors()).containsExactly(
                new FieldError("author", "Namnet ska stå på en rad."),
                new FieldError("body", "Kommentaren måste innehålla minst ett synligt tecken.")));
        assertThatThrownBy(() -> CommentRules.check(new CommentInput("Admin \u202Enimda", "a@b.se", "Hej", null,
                null))).satisfies(e -> assertThat(((InvalidInputException) e).errors()).extracting(FieldError::field)
                .containsExactly("author"));
    }

    @Test
    void check_shouldStoreNfc_soTheSameTextIsTheSameDuplicate() {
        CommentRules.CheckedComment checked = CommentRules.check(new CommentInput("A\u030Asa", "a@b.se",
                "Ba\u030Astad\rär fint", null, null));

        assertThat(checked.author()).isEqualTo("Åsa");
        assertThat(checked.body()).isEqualTo("Båstad\när fint");
    }

    @Test
    void check_shouldNoticeAFilledHoneypot() {
        assertThat(CommentRules.check(new CommentInput("Bot", "b@o.t.se", "Köp!", null, "http://x")).honeypotFilled())
                .isTrue();
    }
}
