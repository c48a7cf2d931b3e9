package se.newsroom.render.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import se.newsroom.content.Article;
import se.newsroom.content.ArticleStatus;
import se.newsroom.content.Categories;
import se.newsroom.content.Comment;
import se.newsroom.content.CommentStatus;
import se.newsroom.json.Json;
import se.newsroom.render.Seeds;
import se.newsroom.render.plan.Page;

/** Whatever editors or readers type, it reaches the page as text, never as markup that runs. */
class EscapingTest {
    private static final String ID = "01DVZ8Y3C4S0K9QH7N2M5X6B1A";
    private static final String ATTACK_TITLE = "<script>alert('titel')</script><img src=x onerror=alert(1)>";
    private static final String ATTACK_BODY = """
            Hej <script>alert('kropp')</script> och <img src="x" onerror="alert(2)">.

            [klicka](javascript:alert(3)) <a href="javascript:alert(4)">här</a> <b onclick="alert(5)">fet</b>

            <div><p>trasig <em>markup
            """;
    private static final Instant T = Instant.parse("2019-12-04T10:00:00Z");

    private final Article article = Article.builder().id(ID).slug("attack").title(ATTACK_TITLE)
            .summary("\"><script>alert('sammanfattning')</script>").body(ATTACK_BODY)
            .categories(List.of("<script>alert('kategori')</script>")).status(ArticleStatus.PUBLISHED)
            .publishedAt(Optional.of(T)).createdAndUpdatedAt(T).author("<b>Författare</b>").build();
    private final SnapshotSiteContent content = new SnapshotSiteContent(List.of(article), Map.of(ID, List.of(
            new Comment("C1", ID, Optional.empty(), "<script>alert('namn')</script>",
                    "<img src=x onerror=alert(6)> javascript:alert(7) <a href=\"javascript:alert(8)\">x</a>",
                    CommentStatus.APPROVED, T, 1))),
            Seeds.STOCKHOLM);

    @Test
    void articlePage_shouldShowEveryAttackAsText() {
        String html = render(new Page.ArticlePage(ID, "attack"));

        assertNoActiveMarkup(html);
        assertThat(html).contains("<h1>&lt;script&gt;alert('titel')&lt;/script&gt;")
                .contains("&lt;script&gt;alert('namn')&lt;/script&gt;")
                .contains("fet"); // the text of removed markup stays
    }

    @Test
    void listsAndFeed_shouldShowEveryAttackAsText() {
        for (Page page : List.of(new Page.Front(), new Page.Month(YearMonth.of(2019, 12)),
                new Page.Category(Categories.slug("<script>alert('kategori')</script>")), new Page.Feed())) {
            String text = render(page);
            if (page instanceof Page.Feed) {
                // In the feed the body is HTML inside CDATA; what matters is that the HTML itself is clean.
                assertNoActiveMarkup(text.replace("&lt;script&gt;", ""));
            } else {
                assertNoActiveMarkup(text);
            }
        }
    }

    private static void assertNoActiveMarkup(String html) {
        String lower = html.toLowerCase(Locale.ROOT);
        // Escaped text may spell "onerror=" harmlessly; what must not exist is a real tag carrying it.
        assertThat(lower).doesNotContainPattern("<[a-z][^>]*\\son[a-z]+\\s*=")
                .doesNotContainPattern("<a[^>]*href\\s*=\\s*[\"']?\\s*javascript:")
                .doesNotContain("<script>alert")
                .doesNotContain("<img src=x");
        // The only script that runs is the site's own; a JSON-LD block is data, and no value ends it early.
        String withoutData = lower.replaceAll("(?s)<script type=\"application/ld\\+json\">[^<]*</script>", "");
        assertThat(withoutData.split("<script", -1).length - 1).isLessThanOrEqualTo(1);
    }

    @Test
    void jsonLd_shouldCarryEveryAttackAsAString_thatNeitherEndsTheScriptNorOpensAComment() throws Exception {
        String html = render(new Page.ArticlePage(ID, "attack"));

        String open = "<script type=\"application/ld+json\">";
        String json = html.substring(html.indexOf(open) + open.length(), html.indexOf("</script>",
                html.indexOf(open)));
        assertThat(json).doesNotContain("<");
        JsonNode article = Json.MAPPER.readTree(json).path("@graph").get(0);
        assertThat(article.path("headline").asText()).isEqualTo(ATTACK_TITLE);
        assertThat(article.path("author").path("name").asText()).isEqualTo("<b>Författare</b>");
    }

    private String render(Page page) {
        return new String(Seeds.renderer().render(page, content).orElseThrow().body(), StandardCharsets.UTF_8);
    }
}
