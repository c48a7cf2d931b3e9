package se.newsroom.render.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;
import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.JsonNode;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import se.newsroom.content.Article;
import se.newsroom.json.Json;
import se.newsroom.render.Seeds;
import se.newsroom.render.SiteBuild;
import se.newsroom.render.plan.Page;

/**
 * What search engines, social media and feed readers read of the pages, checked as a crawler would: the page parsed
 * (jsoup), its head tags, its JSON-LD parsed with Jackson; what a reader finds: navigation, breadcrumbs, the
 * previous and next article, "Uppdaterad".
 */
class SharingTagsTest {
    private static final SiteRenderer RENDERER = Seeds.renderer();
    private static final SnapshotSiteContent CONTENT = Seeds.content();
    private static final String POLITISKA_URL =
            "https://www.bastad.se/nyheter/politiska-styrningen-av-individ-och-familj-utreds/";
    private static final Page.ArticlePage POLITISKA = new Page.ArticlePage(Seeds.POLITISKA,
            "politiska-styrningen-av-individ-och-familj-utreds");
    private static final Page.ArticlePage STATUS = new Page.ArticlePage(Seeds.STATUSUPPDATERING,
            "statusuppdatering-angaende-handelser-inom-individ-och-familj");

    static List<Page> htmlPages() {
        return Seeds.htmlPages().stream().filter(p -> !(p instanceof Page.Redirect)).toList();
    }

    @Test
    void articlePage_shouldCarryCanonicalDescriptionOpenGraphTwitterAndArticleTimes() {
        Document page = parse(POLITISKA, CONTENT);
        Article a = CONTENT.article(Seeds.POLITISKA).orElseThrow();

        assertThat(page.select("link[rel=canonical]").attr("href")).isEqualTo(POLITISKA_URL);
        assertThat(meta(page, "name", "description")).isEqualTo(a.summary());
        assertThat(meta(page, "property", "og:locale")).isEqualTo("sv_SE");
        assertThat(meta(page, "property", "og:type")).isEqualTo("article");
        assertThat(meta(page, "property", "og:title")).isEqualTo(page.title());
        assertThat(meta(page, "property", "og:description")).isEqualTo(a.summary());
        assertThat(meta(page, "property", "og:url")).isEqualTo(POLITISKA_URL);
        assertThat(meta(page, "property", "og:site_name")).isEqualTo("Båstads Kommun");
        assertThat(OffsetDateTime.parse(meta(page, "property", "article:published_time")).toInstant())
                .isEqualTo(a.publishedAt().orElseThrow());
        assertThat(meta(page, "property", "article:published_time")).endsWith("+01:00");
        assertThat(OffsetDateTime.parse(meta(page, "property", "article:modified_time")).toInstant())
                .isEqualTo(a.updatedAt());
        assertThat(meta(page, "name", "twitter:card")).isEqualTo("summary"); // no picture
        assertThat(page.select("meta[name=robots]")).isEmpty();
        assertThat(page.select("link[rel=alternate][type=application/rss+xml]")).extracting(e -> e.attr("href"))
                .containsExactly("/feed.xml");
    }

    @Test
    void articlePage_jsonLd_shouldHoldANewsArticle_withEveryPropertySearchEnginesRequire() throws Exception {
        Document page = parse(POLITISKA, CONTENT);
        Article a = CONTENT.article(Seeds.POLITISKA).orElseThrow();

        JsonNode article = graph(page, "NewsArticle");

        assertThat(article.path("headline").asText()).isEqualTo(a.title());
        assertThat(OffsetDateTime.parse(article.path("datePublished").asText()).toInstant())
                .isEqualTo(a.publishedAt().orElseThrow());
        assertThat(OffsetDateTime.parse(article.path("dateModified").asText()).toInstant()).isEqualTo(a.updatedAt());
        assertThat(article.path("author").path("@type").asText()).isEqualTo("Person");
        assertThat(article.path("author").path("name").asText()).isEqualTo("Redaktionen");
        assertThat(article.path("publisher").path("@type").asText()).isEqualTo("Organization");
        assertThat(article.path("publisher").path("name").asText()).isEqualTo("Båstads Kommun");
        assertThat(article.path("mainEntityOfPage").path("@id").asText()).isEqualTo(POLITISKA_URL);
        assertThat(article.has("image")).isFalse(); // it has no picture
        // The logo is a PNG the site itself serves, of the size the data states.
        JsonNode logo = article.path("publisher").path("logo");
        assertThat(logo.path("url").asText()).isEqualTo("https://www.bastad.se/assets/logo.png");
        Page.Asset asset = new Page.Asset("logo.png");
        assertThat(new SiteBuild(RENDERER, null, 1, Seeds.STOCKHOLM).pages(CONTENT)).contains(asset);
        RenderedObject png = RENDERER.render(asset, CONTENT).orElseThrow();
        assertThat(png.contentType()).isEqualTo("image/png");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png.body()));
        assertThat(image.getWidth()).isEqualTo(logo.path("width").asInt());
        assertThat(image.getHeight()).isEqualTo(logo.path("height").asInt());
    }

    @Test
    void picturedArticle_shouldShareItsPicture_inOpenGraphAndJsonLd() throws Exception {
        Document page = parse(Seeds.picturedPage(), Seeds.picturedContent());

        JsonNode image = graph(page, "NewsArticle").path("image");

        assertThat(image.path("url").asText()).isEqualTo(meta(page, "property", "og:image")).endsWith("1600.jpg");
        assertThat(image.path("width").asInt()).isEqualTo(1600);
        assertThat(image.path("height").asInt()).isEqualTo(Integer.parseInt(meta(page, "property",
                "og:image:height")));
        assertThat(meta(page, "name", "twitter:card")).isEqualTo("summary_large_image");
    }

    @Test
    void articlePage_breadcrumbs_shouldLeadFromTheFrontPageThroughItsCategory_asItsBreadcrumbListSays()
            throws Exception {
        Document page = parse(POLITISKA, CONTENT);

        Element trail = page.selectFirst("nav[aria-label=Brödsmulor]");
        assertThat(trail).isNotNull();
        assertThat(trail.select("li")).extracting(Element::text).containsExactly("Startsida", "Individ och familj",
                "Politiska styrningen av Individ och familj utreds");
        assertThat(trail.select("li").last().select("[aria-current=page]")).hasSize(1);
        assertBreadcrumbListMatches(page, trail, POLITISKA_URL);
    }

    @Test
    void categoryAndMonthPages_shouldHaveBreadcrumbs_matchingTheirBreadcrumbList() throws Exception {
        Document category = parse(new Page.Category("individ-och-familj"), CONTENT);
        Document month = parse(new Page.Month(YearMonth.of(2019, 12)), CONTENT);

        assertBreadcrumbListMatches(category, category.selectFirst("nav[aria-label=Brödsmulor]"),
                "https://www.bastad.se/kategori/individ-och-familj/");
        assertBreadcrumbListMatches(month, month.selectFirst("nav[aria-label=Brödsmulor]"),
                "https://www.bastad.se/arkiv/2019/12/");
        assertThat(month.select("nav[aria-label=Brödsmulor] li")).extracting(Element::text)
                .containsExactly("Startsida", "Arkiv", "december 2019");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("htmlPages")
    void everyPage_shouldLinkTheSiteNameMainCategoriesSearchAndArchive_afterASkipLink(Page p) {
        Document page = parse(p, CONTENT);

        assertThat(page.body().selectFirst("a").attr("href")).isEqualTo("#innehall");
        assertThat(page.select(".site-name a").attr("href")).isEqualTo("/");
        Element nav = page.selectFirst("header nav[aria-label=Huvudmeny]");
        assertThat(nav).isNotNull();
        assertThat(nav.select("a")).extracting(Element::text, e -> e.attr("href")).containsExactly(
                tuple("Kommunen", "/kategori/kommunen/"),
                tuple("Politik", "/kategori/politik/"),
                tuple("Individ och familj", "/kategori/individ-och-familj/"),
                tuple("Sök", "/sok/"),
                tuple("Arkiv", "/arkiv/"));
        assertThat(page.select("meta[property=og:site_name]").attr("content")).isEqualTo("Båstads Kommun");
    }

    @Test
    void navigation_shouldMarkTheCurrentPageAndSection() {
        assertThat(current(parse(new Page.Front(), CONTENT))).isEmpty();
        assertThat(parse(new Page.Front(), CONTENT).select(".site-name a").attr("aria-current")).isEqualTo("page");
        assertThat(current(parse(new Page.Category("individ-och-familj"), CONTENT)))
                .containsExactly("Individ och familj=page");
        // An article is in the section of its first category that the navigation lists.
        assertThat(current(parse(POLITISKA, CONTENT))).containsExactly("Individ och familj=true");
        assertThat(current(parse(new Page.Month(YearMonth.of(2019, 12)), CONTENT)))
                .containsExactly("Arkiv=true");
    }

    @Test
    void articlePages_shouldLinkThePreviousAndNextArticle_inPublicationOrder() {
        Document newest = parse(POLITISKA, CONTENT);
        Document oldest = parse(STATUS, CONTENT);

        assertThat(newest.select("nav.article-nav a")).extracting(Element::text, e -> e.attr("href"),
                e -> e.attr("rel")).containsExactly(tuple(
                        "Föregående nyhet Statusuppdatering angående händelser inom Individ och familj",
                        "/nyheter/statusuppdatering-angaende-handelser-inom-individ-och-familj/", "prev"));
        assertThat(oldest.select("nav.article-nav a")).extracting(Element::text, e -> e.attr("href"),
                e -> e.attr("rel")).containsExactly(tuple(
                        "Nästa nyhet Politiska styrningen av Individ och familj utreds",
                        "/nyheter/politiska-styrningen-av-individ-och-familj-utreds/", "next"));
        assertThat(newest.selectFirst("nav.article-nav").attr("aria-label")).isEqualTo("Fler nyheter");
    }

    @Test
    void articlePage_shouldSayUpdated_whenChangedOnALaterDayThanPublished_only() {
        Article base = CONTENT.article(Seeds.POLITISKA).orElseThrow(); // published 2019-12-04 16:30 in Stockholm
        Article sameDay = base.toBuilder().updatedAt(Instant.parse("2019-12-04T22:59:00Z")).build();
        Article nextDay = base.toBuilder().updatedAt(Instant.parse("2019-12-04T23:05:00Z")).build(); // 00:05 the 5th

        Document same = parse(POLITISKA, new SnapshotSiteContent(List.of(sameDay), Map.of(), Seeds.STOCKHOLM));
        Document later = parse(POLITISKA, new SnapshotSiteContent(List.of(nextDay), Map.of(), Seeds.STOCKHOLM));

        assertThat(same.select(".updated")).isEmpty();
        assertThat(meta(same, "property", "article:modified_time")).isEqualTo("2019-12-04T23:59:00+01:00");
        assertThat(later.select("article .meta .updated").text()).isEqualTo("Uppdaterad 5 december 2019");
        assertThat(later.select(".updated time").attr("datetime")).isEqualTo("2019-12-05T00:05:00+01:00");
        assertThat(meta(later, "property", "article:modified_time")).isEqualTo("2019-12-05T00:05:00+01:00");
    }

    @Test
    void listPages_shouldHaveASwedishMetaDescription_namingTheSiteAndWhatTheyList() {
        assertThat(meta(parse(new Page.Front(), CONTENT), "name", "description"))
                .isEqualTo("Senaste nyheterna från Båstads Kommun.");
        assertThat(meta(parse(new Page.Category("individ-och-familj"), CONTENT), "name", "description"))
                .isEqualTo("Nyheter om Individ och familj från Båstads Kommun, de senaste först.");
        assertThat(meta(parse(new Page.Month(YearMonth.of(2019, 12)), CONTENT), "name", "description"))
                .isEqualTo("Nyheter från Båstads Kommun publicerade i december 2019.");
        assertThat(meta(parse(new Page.Front(), CONTENT), "property", "og:type")).isEqualTo("website");
    }

    @Test
    void categoryPage_shouldAnnounceItsOwnFeed_besideTheSites() {
        Document page = parse(new Page.Category("individ-och-familj"), CONTENT);

        assertThat(page.select("link[rel=alternate][type=application/rss+xml]")).extracting(e -> e.attr("title"),
                e -> e.attr("href")).containsExactly(
                        tuple("Båstads Kommun", "/feed.xml"),
                        tuple("Individ och familj – Båstads Kommun",
                                "/kategori/individ-och-familj/feed.xml"));
    }

    @Test
    void categoryFeed_shouldBeReadableByRome_withTheCategorysArticlesAndBodies() throws Exception {
        Page.CategoryFeed page = new Page.CategoryFeed("politik");
        RenderedObject feed = RENDERER.render(page, CONTENT).orElseThrow();

        SyndFeed parsed = new SyndFeedInput().build(new XmlReader(new ByteArrayInputStream(feed.body())));

        assertThat(page.key()).isEqualTo("kategori/politik/feed.xml");
        assertThat(feed.contentType()).startsWith("application/rss+xml");
        assertThat(parsed.getFeedType()).isEqualTo("rss_2.0");
        assertThat(parsed.getTitle()).isEqualTo("Politik – Båstads Kommun");
        assertThat(parsed.getLink()).isEqualTo("https://www.bastad.se/kategori/politik/");
        assertThat(new String(feed.body(), StandardCharsets.UTF_8)).contains(
                "<atom:link href=\"https://www.bastad.se/kategori/politik/feed.xml\" rel=\"self\"");
        // Only the seed in Politik (the other is in Individ och familj and Kommunen)
        assertThat(parsed.getEntries()).extracting(SyndEntry::getTitle)
                .containsExactly("Politiska styrningen av Individ och familj utreds");
        assertThat(parsed.getEntries().getFirst().getContents().getFirst().getValue()).contains("dök först upp på");
        assertThat(RENDERER.render(new Page.CategoryFeed("finns-inte"), CONTENT)).isEmpty();
    }

    @Test
    void categoryFeed_shouldHoldTheNewestTwenty_ofABigCategory() throws Exception {
        List<Article> many = new ArrayList<>();
        Article seed = CONTENT.article(Seeds.POLITISKA).orElseThrow();
        for (int i = 0; i < 25; i++) {
            many.add(seed.toBuilder().id("01DW2J6R8T4P3E5F7G9H0K1M%02d".formatted(i)).slug("nyhet-" + i)
                    .title("Nyhet " + i).publishedAt(Optional.of(Instant.parse("2020-01-01T10:00:00Z")
                            .plusSeconds(i * 3600L))).build());
        }

        byte[] feed = RENDERER.render(new Page.CategoryFeed("politik"), new SnapshotSiteContent(many, Map.of(),
                Seeds.STOCKHOLM)).orElseThrow().body();

        List<SyndEntry> entries = new SyndFeedInput().build(new XmlReader(new ByteArrayInputStream(feed)))
                .getEntries();
        assertThat(entries).hasSize(20);
        assertThat(entries.getFirst().getTitle()).isEqualTo("Nyhet 24");
        assertThat(entries.getLast().getTitle()).isEqualTo("Nyhet 5");
    }

    @Test
    void notFoundPage_shouldBeKeptOutOfSearchEngines_withoutACanonical() {
        Document page = parse(new Page.NotFound(), CONTENT);

        assertThat(meta(page, "name", "robots")).isEqualTo("noindex");
        assertThat(page.select("link[rel=canonical]")).isEmpty();
        assertThat(parse(new Page.Front(), CONTENT).select("meta[name=robots]")).isEmpty();
    }

    private static void assertBreadcrumbListMatches(Document page, Element trail, String pageUrl) throws Exception {
        JsonNode items = graph(page, "BreadcrumbList").path("itemListElement");
        List<Element> crumbs = trail.select("li");
        assertThat(items.size()).isEqualTo(crumbs.size());
        for (int i = 0; i < crumbs.size(); i++) {
            JsonNode item = items.get(i);
            Element crumb = crumbs.get(i);
            assertThat(item.path("@type").asText()).isEqualTo("ListItem");
            assertThat(item.path("position").asInt()).isEqualTo(i + 1);
            assertThat(item.path("name").asText()).isEqualTo(crumb.text());
            String href = crumb.select("a").attr("href");
            assertThat(item.path("item").asText()).isEqualTo(href.isEmpty() ? pageUrl : "https://www.bastad.se" + href);
        }
    }

    /** The thing of this type in the page's one JSON-LD script. */
    private static JsonNode graph(Document page, String type) throws Exception {
        List<Element> scripts = page.select("script[type=application/ld+json]");
        assertThat(scripts).hasSize(1);
        JsonNode data = Json.MAPPER.readTree(scripts.getFirst().data());
        assertThat(data.path("@context").asText()).isEqualTo("https://schema.org");
        return StreamSupport.stream(data.path("@graph").spliterator(), false)
                .filter(n -> n.path("@type").asText().equals(type)).findFirst()
                .orElseThrow(() -> new AssertionError("No " + type + " in " + data));
    }

    private static List<String> current(Document page) {
        return page.select("nav[aria-label=Huvudmeny] a[aria-current]").stream()
                .map(a -> a.text() + "=" + a.attr("aria-current")).toList();
    }

    private static String meta(Document page, String attribute, String name) {
        Element meta = page.selectFirst("meta[" + attribute + "=" + name + "]");
        assertThat(meta).as(name).isNotNull();
        return meta.attr("content");
    }

    private static Document parse(Page page, SiteContent content) {
        return Jsoup.parse(new String(RENDERER.render(page, content).orElseThrow().body(), StandardCharsets.UTF_8),
                "https://www.bastad.se/");
    }
}
