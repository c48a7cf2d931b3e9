package se.newsroom.render.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import se.newsroom.content.Article;
import se.newsroom.content.ArticleStatus;
import se.newsroom.content.Categories;
import se.newsroom.content.CategoryEntry;
import se.newsroom.content.ListedArticle;
import se.newsroom.render.Seeds;

/** A snapshot's period and neighbour answers, found by binary search, are those of a pass over every article. */
class SnapshotSiteContentPeriodsTest {
    private static final Instant START = Instant.parse("2025-12-31T22:00:00Z");
    private static final String SKOLA = Categories.slug("Skola");

    @Test
    void periodsAndNeighbours_shouldMatchAPassOverEveryArticle_atEveryBoundaryAndTie() {
        List<Article> articles = new ArrayList<>();
        for (int n = 0; n < 120; n++) {
            // Hours apart, every fifth at the same instant as the one before, some unpublished, every other in Skola.
            Instant at = START.plusSeconds(3_600L * (n - n / 5));
            articles.add(Article.builder().id("01PERIOD%018d".formatted(n)).slug("nyhet-" + n).title("Nyhet " + n)
                    .summary("").body("").categories(n % 2 == 0 ? List.of("Skola") : List.of("Vård"))
                    .status(n % 7 == 3 ? ArticleStatus.DRAFT : ArticleStatus.PUBLISHED)
                    .publishedAt(n % 7 == 3 ? Optional.empty() : Optional.of(at)).createdAndUpdatedAt(at)
                    .author("Redaktionen").build());
        }
        SnapshotSiteContent content = new SnapshotSiteContent(articles, Map.of(), Seeds.STOCKHOLM);
        List<Article> published = content.publishedArticles();
        List<CategoryEntry> skola = content.inCategory(SKOLA);
        List<Instant> instants = new ArrayList<>(List.of(START.minusSeconds(1), START.plusSeconds(999_999)));
        published.forEach(a -> {
            instants.add(a.publishedAt().orElseThrow());
            instants.add(a.publishedAt().orElseThrow().plusSeconds(1));
            instants.add(a.publishedAt().orElseThrow().minusSeconds(1));
        });

        for (Instant at : instants) {
            assertThat(content.newestBefore(at)).isEqualTo(published.stream()
                    .filter(a -> a.publishedAt().orElseThrow().isBefore(at)).findFirst().map(Article::listed));
            assertThat(content.oldestAtOrAfter(at)).isEqualTo(published.reversed().stream()
                    .filter(a -> !a.publishedAt().orElseThrow().isBefore(at)).findFirst().map(Article::listed));
            assertThat(content.newestInCategoryBefore(SKOLA, at)).isEqualTo(skola.stream()
                    .filter(e -> e.publishedAt().isBefore(at)).findFirst());
            assertThat(content.oldestInCategoryAtOrAfter(SKOLA, at)).isEqualTo(skola.reversed().stream()
                    .filter(e -> !e.publishedAt().isBefore(at)).findFirst());
            for (Instant to : List.of(at.plusSeconds(3_600), at.plusSeconds(7_201), at, at.minusSeconds(60))) {
                List<ListedArticle> between = published.stream().filter(a -> !a.publishedAt().orElseThrow()
                        .isBefore(at) && a.publishedAt().orElseThrow().isBefore(to)).map(Article::listed).toList();
                assertThat(content.publishedBetween(at, to)).isEqualTo(between);
                assertThat(content.inCategoryBetween(SKOLA, at, to)).isEqualTo(skola.stream()
                        .filter(e -> !e.publishedAt().isBefore(at) && e.publishedAt().isBefore(to)).toList());
            }
        }
        assertThat(content.publishedBetween(START.minusSeconds(1), START.plusSeconds(999_999))).hasSize(103);
    }
}
