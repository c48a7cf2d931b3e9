package se.newsroom.comments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
    void check_shouldCountCharacters_atTheLimits() {
        String author = "ö".repeat(CommentRules.MAX_AUTHOR);
        String body = "å".repeat(CommentRules.MAX_BODY);

        assertThat(CommentRules.check(new CommentInput(author, "a@b.se", body, null, null)).body()).isEqualTo(body);
        assertThatThrownBy(() -> CommentRules.check(new CommentInput(author + "x", "a@b.se", body + "x", null, null)))
                .satisfies(e -> assertThat(((InvalidInputException) e).errors()).extracting(FieldError::field)
                        .containsExactly("author", "body"));
    }

    @Test
    void check_shouldNoticeAFilledHoneypot() {
        assertThat(CommentRules.check(new CommentInput("Bot", "b@o.t.se", "Köp!", null, "http://x")).honeypotFilled())
                .isTrue();
    }
}
