package se.newsroom.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import se.newsroom.error.FieldError;
import se.newsroom.error.InvalidInputException;

class CorrectionRulesTest {
    private static final Instant NOW = Instant.parse("2019-12-05T09:00:00Z");
    private static final Optional<ArticleStatus> PUBLISHED = Optional.of(ArticleStatus.PUBLISHED);

    @Test
    void check_shouldGiveTheCorrection_whenAPublishedArticleStaysPublished() {
        Optional<Correction> c = CorrectionRules.check(note("  Mötet är den 12\u00a0december – rättat. "), PUBLISHED,
                ArticleStatus.PUBLISHED, NOW);

        assertThat(c).contains(new Correction(NOW, "Mötet är den 12\u00a0december – rättat."));
    }

    @Test
    void check_shouldGiveNothing_forAnOrdinarySave() {
        assertThat(CorrectionRules.check(null, Optional.of(ArticleStatus.DRAFT), ArticleStatus.DRAFT, NOW)).isEmpty();
    }

    @Test
    void check_shouldRefuseACorrection_ofADraft_aNewArticle_orOneBeingUnpublished() {
        assertRefused(() -> CorrectionRules.check(note("Rättat."), Optional.of(ArticleStatus.DRAFT),
                ArticleStatus.PUBLISHED, NOW), "correction");
        assertRefused(() -> CorrectionRules.check(note("Rättat."), Optional.empty(), ArticleStatus.PUBLISHED, NOW),
                "correction");
        assertRefused(() -> CorrectionRules.check(note("Rättat."), PUBLISHED, ArticleStatus.DRAFT, NOW),
                "correction");
    }

    @Test
    void check_shouldRefuseAnEmptyTooLongOrMultiLineNote_inSwedish() {
        assertThat(assertRefused(() -> CorrectionRules.check(note(" "), PUBLISHED, ArticleStatus.PUBLISHED, NOW),
                "correction.note").message()).contains("Skriv vad som rättades");
        assertRefused(() -> CorrectionRules.check(note(null), PUBLISHED, ArticleStatus.PUBLISHED, NOW),
                "correction.note");
        assertThat(assertRefused(() -> CorrectionRules.check(note("ä".repeat(501)), PUBLISHED,
                ArticleStatus.PUBLISHED, NOW), "correction.note").message()).contains("högst 500", "har 501");
        assertRefused(() -> CorrectionRules.check(note("Rad ett\nrad två"), PUBLISHED, ArticleStatus.PUBLISHED, NOW),
                "correction.note");
        assertThat(CorrectionRules.check(note("ä".repeat(500)), PUBLISHED, ArticleStatus.PUBLISHED, NOW)).isPresent();
    }

    @Test
    void append_shouldKeepTheNewestFifty_oldestFirst() {
        List<Correction> list = new ArrayList<>();
        for (int i = 0; i < 52; i++) {
            list = Correction.append(list, new Correction(NOW.plusSeconds(i), "Rättelse " + i));
        }

        assertThat(list).hasSize(Correction.MAX_KEPT);
        assertThat(list.getFirst().note()).isEqualTo("Rättelse 2");
        assertThat(list.getLast().note()).isEqualTo("Rättelse 51");
    }

    private static ArticleInput.CorrectionInput note(String text) {
        return new ArticleInput.CorrectionInput(text);
    }

    private static FieldError assertRefused(Runnable check, String field) {
        List<FieldError> errors = new ArrayList<>();
        assertThatThrownBy(check::run).isInstanceOfSatisfying(InvalidInputException.class,
                e -> errors.addAll(e.errors()));
        assertThat(errors).extracting(FieldError::field).containsExactly(field);
        return errors.getFirst();
    }
}
