package se.newsroom.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Changing one field of an article keeps every other; a listing plus the body is the article again. */
class ArticleTest {
    private static final Instant T = Instant.parse("2019-12-04T09:30:00Z");

    /** Every field set, none to its builder default, so a field the builder forgets shows. */
    static Article everyField() {
        return Article.builder().id("01DW2J6R8T4P3E5F7G9H0K1M2N").slug("politiska-styrningen")
                .title("Politiska styrningen av Individ och familj utreds").summary("Kort – å, ä, ö.")
                .body("Under kommunstyrelsens sammanträde\u00a0…").categories(List.of("Politik", "Kommunen"))
                .related(List.of("01DVZ8Y3C4S0K9QH7N2M5X6B1A")).status(ArticleStatus.SCHEDULED)
                .publishAt(Optional.of(T.plusSeconds(86_400))).publishedAt(Optional.of(T.minusSeconds(60)))
                .createdAt(T.minusSeconds(3600)).updatedAt(T).author("Redaktionen").commentsOpen(false).version(7)
                .previousSlugs(List.of("gammal-slug")).build();
    }

    @Test
    void toBuilder_shouldKeepEveryField_whenNothingIsChanged() {
        Article article = everyField();

        assertThat(article.toBuilder().build()).isEqualTo(article);
    }

    @Test
    void toBuilder_shouldChangeOnlyTheFieldsSet() {
        Article article = everyField();

        Article published = article.toBuilder().status(ArticleStatus.PUBLISHED).version(8).build();

        assertThat(published.status()).isEqualTo(ArticleStatus.PUBLISHED);
        assertThat(published.version()).isEqualTo(8);
        assertThat(published).usingRecursiveComparison().ignoringFields("status", "version").isEqualTo(article);
    }

    @Test
    void listed_shouldHoldEverythingButTheBody_andGiveTheArticleBackWithIt() {
        Article article = everyField();

        ListedArticle listed = article.listed();

        assertThat(listed.url()).isEqualTo(article.url());
        assertThat(listed.withBody(article.body())).isEqualTo(article);
    }

    @Test
    void build_shouldRefuseAnArticleWithoutTitle() {
        assertThatThrownBy(() -> everyField().toBuilder().title(null).build())
                .isInstanceOf(NullPointerException.class).hasMessage("title");
    }
}
