package se.newsroom.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import se.newsroom.content.Article;
import se.newsroom.content.ArticleImage;
import se.newsroom.content.ArticleStatus;
import se.newsroom.content.Comment;
import se.newsroom.content.CommentStatus;
import se.newsroom.content.Correction;
import se.newsroom.content.Media;
import se.newsroom.content.MediaStatus;
import se.newsroom.content.MediaVariant;
import se.newsroom.content.Slugs;
import se.newsroom.emulators.TemplateTable;
import se.newsroom.json.Json;
import se.newsroom.render.output.FolderSiteWriter;
import se.newsroom.render.plan.Page;
import se.newsroom.render.site.Labels;
import se.newsroom.render.site.SiteRenderer;
import se.newsroom.render.site.SiteSettings;
import se.newsroom.render.site.SnapshotSiteContent;

/** The two example articles (from the same events/ files the article API replays) as a small site. */
public final class Seeds {
    public static final String STATUSUPPDATERING = "01DVZ8Y3C4S0K9QH7N2M5X6B1A";
    public static final String POLITISKA = "01DW2J6R8T4P3E5F7G9H0K1M2N";
    public static final String PICTURED = "01JD3K5M7N9P1Q2R3S4T5V6W7X";
    public static final String PHOTO = "01JD3K5M7N9P1Q2R3S4T5V6W8A";
    public static final String LOGO = "01JD3K5M7N9P1Q2R3S4T5V6W8B";
    public static final String NOT_READY = "01JD3K5M7N9P1Q2R3S4T5V6W8C";
    public static final String MISSING = "01JD3K5M7N9P1Q2R3S4T5V6W8D";
    public static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");
    /** The site, its navigation listing the seeds' categories (as template.yaml's default does). */
    public static final SiteSettings SITE = new SiteSettings("Båstads Kommun", URI.create("https://www.bastad.se"),
            STOCKHOLM, List.of("Kommunen", "Politik", "Individ och familj"), SiteSettings.DEFAULT_LOGO);

    private Seeds() {
    }

    /** Every HTML page type of the example site. */
    public static List<Page> htmlPages() {
        return List.of(new Page.Front(),
                new Page.ArticlePage(POLITISKA,
                        "politiska-styrningen-av-individ-och-familj-utreds"),
                new Page.ArticlePage(STATUSUPPDATERING,
                        "statusuppdatering-angaende-handelser-inom-individ-och-familj"),
                new Page.Month(YearMonth.of(2019, 12)),
                new Page.Category("individ-och-familj"),
                new Page.NotFound(),
                new Page.Redirect("gammal-slug", POLITISKA),
                new Page.ArchiveIndex(),
                new Page.CategoryYear("individ-och-familj", 2019, 1),
                new Page.Search(),
                new Page.PrivacyNotice());
    }

    /**
     * the pages of {@link #pagedContent()} that show a pager: a period's middle page ("Sida 2 av 3"),
     * a category year's, and the heads linking on to them.
     */
    public static List<Page> pagedHtmlPages() {
        return List.of(new Page.Month(YearMonth.of(2019, 11), 2),
                new Page.CategoryYear("individ-och-familj", 2019, 2),
                new Page.Front(), new Page.Category("individ-och-familj"), new Page.ArchiveIndex());
    }

    /** The example site with 45 more articles in November 2019, so that its lists run to several pages. */
    public static SnapshotSiteContent pagedContent() {
        List<Article> articles = new ArrayList<>(articles());
        Instant start = Instant.parse("2019-11-01T07:00:00Z");
        for (int i = 1; i <= 45; i++) {
            Instant published = start.plusSeconds(i * 50_000L);
            String title = "Veckans nyhet nummer " + i + " från Individ och familj";
            articles.add(Article.builder().id("01DVZ8Y3C4S0K9QH7N2M%06d".formatted(i)).slug(Slugs.of(title))
                    .title(title).summary("Kort sammanfattning av nyhet " + i + ".").body("Text " + i + ".")
                    .categories(List.of("Individ och familj")).related(List.of()).status(ArticleStatus.PUBLISHED)
                    .publishedAt(Optional.of(published)).createdAndUpdatedAt(published).author("Redaktionen")
                    .build());
        }
        return new SnapshotSiteContent(articles, comments(), STOCKHOLM);
    }

    /** A renderer for the example site. */
    public static SiteRenderer renderer() {
        return new SiteRenderer(SITE, new Labels(Locale.forLanguageTag("sv-SE")));
    }

    /** The first seed, and the second listing it under "Läs mer", both published. */
    public static List<Article> articles() {
        Article first = fromEvent("create-statusuppdatering.json", STATUSUPPDATERING, List.of());
        Article second = fromEvent("create-politiska-styrningen.json", POLITISKA, List.of(STATUSUPPDATERING));
        return List.of(first, second);
    }

    /** A comment thread on the second seed: a comment, the newsroom's reply, and a reply to the reply. */
    public static Map<String, List<Comment>> comments() {
        Instant t = Instant.parse("2019-12-05T08:15:00Z");
        return Map.of(POLITISKA, List.of(
                approved("C1", Optional.empty(), "Karin i Torekov",
                        "Bra att det utreds – äntligen.\n\nHur kan vi som medborgare följa arbetet?", t, 1),
                // The newsroom's own reply (posted through the API, marked "Redaktionen" on the page)
                new Comment("C2", POLITISKA, Optional.of("C1"), "Anna Sjöberg",
                        "Protokollen publiceras på https://www.bastad.se/protokoll.", CommentStatus.APPROVED,
                        t.plusSeconds(3600), 2, true),
                approved("C3", Optional.of("C2"), "Karin i Torekov", "Tack för svaret!", t.plusSeconds(7200), 3)));
    }

    /** An approved comment on the second seed. */
    static Comment approved(String id, Optional<String> parentId, String author, String body, Instant at, int depth) {
        return new Comment(id, POLITISKA, parentId, author, body, CommentStatus.APPROVED, at, depth);
    }

    public static SnapshotSiteContent content() {
        return new SnapshotSiteContent(articles(), comments(), STOCKHOLM);
    }

    /** The media library of {@link #pictured()}: a photo in three sizes, one narrower than 480, one not ready. */
    public static List<Media> media() {
        Instant t = Instant.parse("2026-11-20T09:00:00Z");
        List<MediaVariant> photo = List.of(480, 960, 1600).stream().map(w -> new MediaVariant(w, w * 2 / 3,
                "media/" + PHOTO + "/" + w + ".jpg", "image/jpeg", w * 100L)).toList();
        return List.of(
                new Media(PHOTO, MediaStatus.READY, "IMG_2041.jpg", "image/jpeg", 4_000_000, "Karin Redaktör", t,
                        4000, 2667, photo, "Ledamöter runt bordet i sessionssalen", "Kommunfullmäktige i juni",
                        "Anna Sjöberg", ""),
                new Media(LOGO, MediaStatus.READY, "logga.png", "image/png", 9_000, "Karin Redaktör", t, 300, 120,
                        List.of(new MediaVariant(300, 120, "media/" + LOGO + "/300.png", "image/png", 8_000)),
                        "", "", "", ""),
                Media.pending(NOT_READY, "vag.jpg", "image/jpeg", 3_000_000, "Karin Redaktör", t));
    }

    /**
     * A published article with a featured image (the photo) and pictures in its body: the photo alone in a
     * paragraph (a figure), the logo inside text, and references to a picture not ready yet and to one that does not
     * exist (neither shown).
     */
    public static Article pictured() {
        Instant published = Instant.parse("2026-11-20T10:00:00Z");
        String body = "Kommunfullmäktige samlades i sessionssalen.\n\n![Ledamöter vid bordet](media:" + PHOTO
                + ")\n\nMötet leddes av ordföranden ![](media:" + LOGO + ") som vanligt.\n\n![Vägen](media:"
                + NOT_READY + ")\n\n![Borta](media:" + MISSING + ")\n\nSlut.";
        return Article.builder().id(PICTURED).slug("fullmaktige-i-bilder").title("Fullmäktige i bilder")
                .summary("Bilder från mötet.").body(body).categories(List.of("Politik")).related(List.of())
                .status(ArticleStatus.PUBLISHED).publishedAt(Optional.of(published))
                .createdAndUpdatedAt(published).author("Redaktionen")
                .image(Optional.of(new ArticleImage(PHOTO, "Sessionssalen sedd från läktaren", false,
                        "Fullmäktige sammanträder", "Anna Sjöberg")))
                .build();
    }

    /** The example site with {@link #pictured()} and its media library. */
    public static SnapshotSiteContent picturedContent() {
        List<Article> articles = new ArrayList<>(articles());
        articles.add(pictured());
        return new SnapshotSiteContent(articles, comments(), media(), STOCKHOLM);
    }

    /**
     * The second seed after two public corrections: one the day after it went out, one a week later whose note
     * holds what must be escaped, Swedish letters, an en dash and a no-break space.
     */
    public static Article corrected() {
        Article second = articles().getLast();
        return second.withCorrections(List.of(
                new Correction(Instant.parse("2019-12-05T09:00:00Z"), "Mötet hålls den 12 december, inte den 11."),
                new Correction(Instant.parse("2019-12-11T14:45:00Z"),
                        "Namnet på nämnden var fel – det är <Individ & familj>, inte Socialnämnden\u00a02.")));
    }

    /** The example site with {@link #corrected()} in place of the second seed. */
    public static SnapshotSiteContent correctedContent() {
        return new SnapshotSiteContent(List.of(articles().getFirst(), corrected()), comments(), STOCKHOLM);
    }

    /** The page of {@link #corrected()}. */
    public static Page.ArticlePage correctedPage() {
        return new Page.ArticlePage(POLITISKA, "politiska-styrningen-av-individ-och-familj-utreds");
    }

    /** The page of {@link #pictured()}. */
    public static Page.ArticlePage picturedPage() {
        return new Page.ArticlePage(PICTURED, "fullmaktige-i-bilder");
    }

    static Article fromEvent(String file, String id, List<String> related) {
        try {
            Path events = TemplateTable.templatePath().getParent().resolve("events/articles");
            JsonNode event = Json.MAPPER.readTree(Files.readString(events.resolve(file)));
            JsonNode a = Json.MAPPER.readTree(event.path("body").asText());
            List<String> categories = new ArrayList<>();
            a.path("categories").forEach(c -> categories.add(c.asText()));
            Instant published = OffsetDateTime.parse(a.path("publishedAt").asText()).toInstant();
            return Article.builder().id(id).slug(Slugs.of(a.path("title").asText())).title(a.path("title").asText())
                    .summary(a.path("summary").asText()).body(a.path("body").asText()).categories(categories)
                    .related(related).status(ArticleStatus.PUBLISHED).publishedAt(Optional.of(published))
                    .createdAndUpdatedAt(published).author("Redaktionen").build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes every page of the example site into a folder, for a person to look at. */
    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "target/example-site");
        Files.createDirectories(out);
        new SiteBuild(renderer(), new FolderSiteWriter(out.toAbsolutePath()), 2, STOCKHOLM)
                .run(content());
        System.out.println("Wrote " + out.toAbsolutePath() + " " + Locale.ROOT);
    }
}
