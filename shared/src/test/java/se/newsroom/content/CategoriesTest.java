package se.newsroom.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Category pages: one per category, whatever script its name is in. */
class CategoriesTest {

    @Test
    void slug_shouldGiveEachNonLatinNameItsOwnStableSlug() {
        List<String> names = List.of("Новости", "Спорт", "أخبار", "رياضة", "新闻", "体育", "🎉", "🎈", "Kultur 文化",
                "Kultur", "?!", "!?");

        List<String> slugs = names.stream().map(Categories::slug).toList();

        assertThat(slugs).doesNotHaveDuplicates().doesNotContain("kategori").allSatisfy(slug ->
                assertThat(slug).matches("[a-z0-9_%-]+"));
        assertThat(names.stream().map(Categories::slug).toList()).isEqualTo(slugs);
        assertThat(Categories.slug("НОВОСТИ")).isEqualTo(Categories.slug("Новости"));
        assertThat(Categories.slug("Individ och familj")).isEqualTo("individ-och-familj");
    }

    @Test
    void pathAndKey_shouldBePercentEncodedInLinks_andDecodedInTheBucket() {
        String slug = Categories.slug("Новости");

        assertThat(Categories.path("Новости")).isEqualTo("/kategori/%d0%bd%d0%be%d0%b2%d0%be%d1%81%d1%82%d0%b8/");
        assertThat(Categories.keyOf(slug)).isEqualTo("kategori/новости/index.html");
        assertThat(Categories.keyOf("individ-och-familj")).isEqualTo("kategori/individ-och-familj/index.html");
    }
}
