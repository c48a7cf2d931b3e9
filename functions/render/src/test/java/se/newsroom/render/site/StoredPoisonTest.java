package se.newsroom.render.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

import se.newsroom.content.Article;
import se.newsroom.content.ArticleStatus;
import se.newsroom.content.Categories;
import se.newsroom.content.Comment;
import se.newsroom.content.CommentStatus;
import se.newsroom.render.Seeds;
import se.newsroom.render.plan.Page;

/**
 * Text stored before the API refused what XML cannot carry (or written past it) still renders: every page and the
 * feed are written, the feed is well-formed XML, and no page holds a character a browser or feed reader chokes on.
 */
class StoredPoisonTest {
    private static final String POISON = "\u0000\u000B\u001B\uFFFE\uD800\u0085";
    private static final String ID = "01DVZ8Y3C4S0K9QH7N2M5X6B1A";
    private static final String CLEAN_ID = "01DW2J6R8T4P3E5F7G9H0K1M2N";
    private static final Instant T = Instant.parse("2019-12-04T10:00:00Z");

    private final Article poisoned = Article.builder().id(ID).slug("forgiftad").title("Titel" + POISON)
            .summary("Ingress" + POISON).body("Text" + POISON + "\n\n**fet**" + POISON)
            .categories(List.of("Skola" + POISON)).status(ArticleStatus.PUBLISHED).publishedAt(Optional.of(T))
            .createdAndUpdatedAt(T).author("Anna" + POISON).build();
    private final Article clean = Article.builder().id(CLEAN_ID).slug("ren").title("En senare nyhet")
            .summary("Ren ingress").body("Ren text").categories(List.of("Skola" + POISON))
            .related(List.of(ID)).status(ArticleStatus.PUBLISHED).publishedAt(Optional.of(T.plusSeconds(60)))
            .createdAndUpdatedAt(T.plusSeconds(60)).author("Bo").build();
    private final SnapshotSiteContent content = new SnapshotSiteContent(List.of(poisoned, clean), Map.of(ID, List.of(
            new Comment("01DVZ8Y3C4S0K9QH7N2M5X6B1B", ID, Optional.empty(), "Läsare" + POISON, "Kommentar" + POISON,
                    CommentStatus.APPROVED, T, 1))), Seeds.STOCKHOLM);

    @Test
    void everyPage_shouldRender_withoutACharacterXmlCannotCarry() throws Exception {
        for (Page page : List.of(new Page.ArticlePage(ID, "forgiftad"), new Page.ArticlePage(CLEAN_ID, "ren"),
                new Page.Front(), new Page.Month(YearMonth.of(2019, 12)),
                new Page.Category(Categories.slug("Skola" + POISON)), new Page.Redirect("gammal", ID),
                new Page.Feed(), new Page.SitemapYear(2019), new Page.SitemapIndex())) {
            byte[] body = Seeds.renderer().render(page, content).orElseThrow().body();
            String text = new String(body, StandardCharsets.UTF_8);

            assertThat(text).as(page.key()).doesNotContain("\u0000", "\u000B", "\u001B", "\uFFFE", "\u0085", "?\u0000")
                    .doesNotContainPattern("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F-\\x9F\\uFFFE\\uFFFF]");
            assertThat(new String(body, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8)).as(page.key())
                    .isEqualTo(body); // valid UTF-8, nothing lost to '?'
        }
    }

    @Test
    void theFeed_shouldBeWellFormed_andCarryBothArticles() throws Exception {
        byte[] feed = Seeds.renderer().render(new Page.Feed(), content).orElseThrow().body();

        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(feed));

        assertThat(doc.getElementsByTagName("item").getLength()).isEqualTo(2);
        assertThat(doc.getElementsByTagName("title").item(2).getTextContent()).startsWith("Titel\uFFFD");
    }

    @Test
    void anArticleAnOlderVersionDatedBeyondYear9999_shouldNotStopAnyPage() throws Exception {
        Instant farAhead = Instant.parse("+10000-01-01T00:00:00Z");
        Article dated = clean.toBuilder().id(ID).slug("langt-fram").related(List.of())
                .publishedAt(Optional.of(farAhead)).createdAndUpdatedAt(farAhead).build();
        SnapshotSiteContent site = new SnapshotSiteContent(List.of(dated, clean.toBuilder().related(List.of())
                .build()), Map.of(), Seeds.STOCKHOLM);

        for (Page page : List.of(new Page.ArticlePage(ID, "langt-fram"), new Page.ArticlePage(CLEAN_ID, "ren"),
                new Page.Front(), new Page.Feed(), new Page.SitemapIndex(), new Page.SitemapYear(2019))) {
            assertThat(Seeds.renderer().render(page, site)).as(page.key()).isPresent();
        }
        Document feed = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(
                Seeds.renderer().render(new Page.Feed(), site).orElseThrow().body()));
        assertThat(feed.getElementsByTagName("item").getLength()).isEqualTo(2);
    }
}
