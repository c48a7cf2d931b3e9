package se.newsroom.render.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import se.newsroom.content.Article;
import se.newsroom.content.ArticleStatus;
import se.newsroom.content.Slugs;
import se.newsroom.json.Json;
import se.newsroom.render.Seeds;
import se.newsroom.render.plan.Page;

/** The search index: each month's shard and the manifest, as the search script downloads them. */
class SearchIndexTest {
    private static final SiteRenderer RENDERER = Seeds.renderer();
    private static final SearchIndex INDEX = new SearchIndex(new SwedishDates(Seeds.STOCKHOLM));
    private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);

    @Test
    void entry_shouldHoldWhatAResultShows_andTheBodysFoldedDistinctTerms() {
        Article a = article("a1", "Badplatsen i Östersund öppnar", "Nu kan du bada vid Storsjön.",
                "Badplatsen vid **Storsjön** öppnar. Vattnet är varmt, VARMT och [läs mer](https://example.com/sida)."
                        + "\n\n`Öppettider` gäller.", List.of("Fritid", "Östersund"),
                Instant.parse("2026-11-20T10:00:00Z"), ArticleStatus.PUBLISHED);

        SearchIndex.Entry entry = INDEX.entry(a);

        assertThat(entry.t()).isEqualTo("Badplatsen i Östersund öppnar");
        assertThat(entry.u()).isEqualTo("/nyheter/badplatsen-i-ostersund-oppnar/");
        assertThat(entry.i()).isEqualTo("2026-11-20T11:00:00+01:00");
        assertThat(entry.d()).isEqualTo("20 november 2026");
        assertThat(entry.s()).isEqualTo("Nu kan du bada vid Storsjön.");
        assertThat(entry.c()).containsExactly("Fritid", "Östersund");
        // folded, distinct, sorted; no stop words ("och", "är"), no words the title, summary or categories hold
        // ("badplatsen", "storsjon", "oppnar"), the link's text but not its address
        assertThat(entry.w()).isEqualTo("galler las mer oppettider varmt vattnet");
    }

    @Test
    void terms_shouldBeCapped_soALongBodyKeepsItsFirstWords() {
        String body = String.join(" ", IntStream.range(0, 1000).mapToObj(i -> "ord" + i).toList());

        Set<String> terms = SearchIndex.terms(body, Set.of());

        assertThat(terms).hasSize(SearchIndex.MAX_TERMS).contains("ord0", "ord399").doesNotContain("ord400");
    }

    @Test
    void shard_shouldListTheMonthsPublishedArticlesNewestFirst_neverADraft() throws Exception {
        Article older = article("a1", "Äldre nyhet", "", "Text", List.of(), Instant.parse("2026-11-02T10:00:00Z"),
                ArticleStatus.PUBLISHED);
        Article newer = article("a2", "Nyare nyhet", "", "Text", List.of(), Instant.parse("2026-11-25T10:00:00Z"),
                ArticleStatus.PUBLISHED);
        Article draft = article("a3", "Hemligt utkast", "", "Text", List.of(), Instant.parse("2026-11-10T10:00:00Z"),
                ArticleStatus.DRAFT);
        Article october = article("a4", "Oktobernyhet", "", "Text", List.of(),
                Instant.parse("2026-10-10T10:00:00Z"), ArticleStatus.PUBLISHED);
        SnapshotSiteContent content = content(older, newer, draft, october);

        JsonNode shard = json(RENDERER.render(new Page.SearchShard(NOVEMBER), content).orElseThrow());

        assertThat(shard.path("month").asText()).isEqualTo("2026-11");
        assertThat(shard.path("articles").findValuesAsText("t")).containsExactly("Nyare nyhet", "Äldre nyhet");
    }

    @Test
    void anUnpublishedArticle_shouldLeaveItsShard_andTheLastOneDeletesIt() {
        Article shown = article("a1", "Nyhet", "", "Text", List.of(), Instant.parse("2026-11-02T10:00:00Z"),
                ArticleStatus.PUBLISHED);
        Article other = article("a2", "Annan nyhet", "", "Text", List.of(), Instant.parse("2026-11-03T10:00:00Z"),
                ArticleStatus.PUBLISHED);
        Article unpublished = shown.toBuilder().status(ArticleStatus.DRAFT).build();

        assertThat(RENDERER.render(new Page.SearchShard(NOVEMBER), content(unpublished, other)).map(this::json)
                .orElseThrow().path("articles").findValuesAsText("t")).containsExactly("Annan nyhet");
        assertThat(RENDERER.render(new Page.SearchShard(NOVEMBER), content(unpublished))).isEmpty();
    }

    @Test
    void manifest_shouldNameTheShardsNewestFirst_withTheFoldingTableAndStopWords() {
        SnapshotSiteContent content = content(
                article("a1", "Ett", "", "", List.of(), Instant.parse("2025-01-02T10:00:00Z"), ArticleStatus.PUBLISHED),
                article("a2", "Två", "", "", List.of(), Instant.parse("2026-11-02T10:00:00Z"), ArticleStatus.PUBLISHED),
                article("a3", "Tre", "", "", List.of(), Instant.parse("2026-02-02T10:00:00Z"), ArticleStatus.DRAFT));

        JsonNode manifest = json(RENDERER.render(new Page.SearchManifest(), content).orElseThrow());

        assertThat(manifest.path("shards").findValuesAsText("url"))
                .containsExactly("/sok/index/2026-11.json", "/sok/index/2025-01.json");
        assertThat(manifest.path("fold").path("o").asText()).contains("ö");
        List<String> stop = new ArrayList<>();
        manifest.path("stop").forEach(w -> stop.add(w.asText()));
        assertThat(stop).contains("och", "pa", "att");
    }

    @Test
    void searchPage_shouldBeNoindex_withALabelledGetForm_andWithoutScriptAListOfTheArchiveCategoriesAndFeed() {
        String html = new String(RENDERER.render(new Page.Search(), Seeds.content()).orElseThrow().body(),
                StandardCharsets.UTF_8);

        assertThat(html).contains("<meta name=\"robots\" content=\"noindex\">",
                "<form class=\"search-form\" role=\"search\" action=\"/sok/\" method=\"get\">",
                "<label for=\"sok-fraga\">Sök bland nyheterna</label>", "id=\"sok-fraga\" name=\"q\"",
                "role=\"status\"", "data-index=\"/sok/index.json\"",
                "<li><a href=\"/arkiv/\">", "<li><a href=\"/kategori/politik/\">Kategori: Politik</a></li>",
                "<li><a href=\"/feed.xml\">RSS-flöde</a></li>",
                "<script type=\"module\" src=\"/assets/search.js\"></script>");
        assertThat(html).doesNotContain("<script>"); // nothing inline: the CSP allows only the site's own files
    }

    private JsonNode json(RenderedObject object) {
        assertThat(object.contentType()).isEqualTo("application/json");
        try {
            return Json.MAPPER.readTree(new String(object.body(), StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static SnapshotSiteContent content(Article... articles) {
        return new SnapshotSiteContent(List.of(articles), Map.of(), Seeds.STOCKHOLM);
    }

    private static Article article(String id, String title, String summary, String body, List<String> categories,
                                   Instant published, ArticleStatus status) {
        return Article.builder().id(id).slug(Slugs.of(title)).title(title).summary(summary)
                .body(body).categories(categories).related(List.of()).status(status)
                .publishedAt(Optional.of(published)).createdAndUpdatedAt(published).author("Redaktionen").build();
    }
}
