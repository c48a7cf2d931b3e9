package se.newsroom.render.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import se.newsroom.content.Article;
import se.newsroom.content.ArticleImage;
import se.newsroom.content.ArticleStatus;
import se.newsroom.content.CategoryEntry;
import se.newsroom.content.Comment;
import se.newsroom.content.CommentStatus;
import se.newsroom.content.ListedArticle;
import se.newsroom.content.Media;
import se.newsroom.content.MediaStatus;
import se.newsroom.content.MediaVariant;
import se.newsroom.content.Slugs;
import se.newsroom.render.site.SnapshotSiteContent;

/** Which pages a change touches, on a site of 10,000 articles: a bounded set, whatever the site's size. */
class PagePlannerTest {
    private static final ZoneId ZONE = ZoneId.of("Europe/Stockholm");
    private static final PagePlanner PLANNER = new PagePlanner(ZONE);
    private static List<Article> site;
    private static SnapshotSiteContent content;

    @BeforeAll
    static void tenThousandArticles() {
        site = new ArrayList<>();
        Instant start = Instant.parse("2015-01-01T09:00:00Z");
        for (int i = 0; i < 10_000; i++) {
            // Every tenth article lists the one before it under "Läs mer".
            List<String> related = i % 10 == 9 ? List.of(id(i - 1)) : List.of();
            site.add(article(i, "Nyhet " + i, start.plusSeconds(i * 17_000L), List.of("Kategori " + (i % 12)),
                    related, ArticleStatus.PUBLISHED));
        }
        content = new SnapshotSiteContent(site, Map.of(), ZONE);
    }

    @Test
    void publishing_shouldTouchItsPageListsFeedAndSitemap_only() {
        // GIVEN a draft in a year the site already has
        Article draft = article(20_000, "Ny badplats", Instant.parse("2019-06-10T08:00:00Z"), List.of("Kategori 3",
                "Sommar"), List.of(), ArticleStatus.DRAFT);
        Article published = withStatus(draft, ArticleStatus.PUBLISHED);

        // WHEN
        PagePlan plan = PLANNER.plan(new Change.ArticleChanged(Optional.of(draft), Optional.of(published)), content);

        // THEN (the period pages: PagingPlanTest) its categories' feeds too, and the articles published just before and
        // after it, which now link to it
        assertThat(withoutPeriodPages(plan, YearMonth.of(2019, 6))).containsExactlyInAnyOrder(
                new Page.ArticlePage(draft.id(), "ny-badplats"), new Page.Front(), new Page.Feed(),
                new Page.Month(YearMonth.of(2019, 6)), new Page.Category("kategori-3"), new Page.Category("sommar"),
                new Page.SitemapYear(2019), new Page.SitemapIndex(), new Page.CategoryFeed("kategori-3"),
                new Page.CategoryFeed("sommar"), new Page.ArticlePage(id(8238), "nyhet-8238"),
                new Page.ArticlePage(id(8239), "nyhet-8239"),
                new Page.SearchShard(YearMonth.of(2019, 6)), new Page.SearchManifest());
    }

    @Test
    void publishing_shouldWriteTheSitemapIndex_soANewYearIsListed() {
        Article published = article(20_001, "Framtiden", Instant.parse("2031-01-02T08:00:00Z"), List.of(), List.of(),
                ArticleStatus.PUBLISHED);
        SnapshotSiteContent after = new SnapshotSiteContent(plus(published), Map.of(), ZONE);

        PagePlan plan = PLANNER.plan(new Change.ArticleChanged(Optional.empty(), Optional.of(published)), after);

        // its page, front, feed, month, sitemap part and index, the newest article before it (none after it), its
        // search shard and the manifest
        assertThat(withoutPeriodPages(plan, YearMonth.of(2031, 1))).contains(new Page.SitemapIndex(),
                new Page.SitemapYear(2031), new Page.ArticlePage(id(9999), "nyhet-9999")).hasSize(9);
    }

    @Test
    void approvingAComment_shouldWriteOnlyItsArticlesPage() {
        Article a = site.get(1234);
        Comment pending = comment(a, CommentStatus.PENDING, "Hej");

        PagePlan plan = PLANNER.plan(new Change.CommentChanged(a.id(), Optional.of(pending),
                Optional.of(withStatus(pending, CommentStatus.APPROVED))), content);

        assertThat(plan.pages()).containsExactly(new Page.ArticlePage(a.id(), a.slug()));
    }

    @Test
    void aPendingOrSpamPost_shouldTouchNothing() {
        Article a = site.get(1234);

        for (CommentStatus status : List.of(CommentStatus.PENDING, CommentStatus.SPAM)) {
            PagePlan plan = PLANNER.plan(new Change.CommentChanged(a.id(), Optional.empty(),
                    Optional.of(comment(a, status, "Köp billiga klockor"))), content);

            assertThat(plan.pages()).as(status.wireName()).isEmpty();
        }
    }

    @Test
    void moderatingOrErasingAnUnshownComment_shouldTouchNothing() {
        Article a = site.get(1234);
        Comment pending = comment(a, CommentStatus.PENDING, "Hej");

        for (Optional<Comment> after : List.of(Optional.of(withStatus(pending, CommentStatus.REJECTED)),
                Optional.of(withStatus(pending, CommentStatus.SPAM)), Optional.<Comment>empty())) {
            assertThat(PLANNER.plan(new Change.CommentChanged(a.id(), Optional.of(pending), after), content).pages())
                    .isEmpty();
        }
    }

    @Test
    void unapprovingOrErasingAnApprovedComment_shouldRewriteItsArticlesPage() {
        Article a = site.get(1234);
        Comment approved = comment(a, CommentStatus.APPROVED, "Hej");

        for (Optional<Comment> after : List.of(Optional.of(withStatus(approved, CommentStatus.REJECTED)),
                Optional.of(withStatus(approved, CommentStatus.PENDING)), Optional.<Comment>empty(),
                Optional.of(new Comment(approved.id(), a.id(), Optional.empty(), "Hej", "[raderad]",
                        CommentStatus.APPROVED, approved.createdAt(), 1)))) {
            assertThat(PLANNER.plan(new Change.CommentChanged(a.id(), Optional.of(approved), after), content)
                    .pages()).containsExactly(new Page.ArticlePage(a.id(), a.slug()));
        }
        assertThat(PLANNER.plan(new Change.CommentChanged(a.id(), Optional.of(approved), Optional.of(approved)),
                content).pages()).isEmpty();
    }

    @Test
    void unpublishing_shouldRemoveItsPageAndUpdateEveryListThatShowedIt() {
        Article shown = site.get(5008); // listed under "Läs mer" by article 5009
        Article hidden = withStatus(shown, ArticleStatus.DRAFT);

        PagePlan plan = PLANNER.plan(new Change.ArticleChanged(Optional.of(shown), Optional.of(hidden)), content);

        YearMonth month = YearMonth.from(shown.publishedAt().orElseThrow().atZone(ZONE));
        assertThat(withoutPeriodPages(plan, month)).containsExactlyInAnyOrder(
                new Page.ArticlePage(shown.id(), shown.slug()), new Page.Front(), new Page.Feed(),
                new Page.Month(month), new Page.Category("kategori-4"),
                new Page.SitemapYear(month.getYear()), new Page.SitemapIndex(), new Page.CategoryFeed("kategori-4"),
                // its neighbours, which linked to it and now link to each other (5009 also lists it: "Läs mer")
                new Page.ArticlePage(id(5007), "nyhet-5007"), new Page.ArticlePage(id(5009), "nyhet-5009"),
                new Page.SearchShard(month), new Page.SearchManifest());
    }

    @Test
    void renaming_shouldRedirectTheOldSlug_andRewriteThePagesListingIt() {
        Article before = site.get(7008);
        Article after = new Article(before.id(), "nytt-namn", "Nytt namn", before.summary(), before.body(),
                before.categories(), before.related(), before.status(), before.publishAt(), before.publishedAt(),
                before.createdAt(), before.updatedAt().plusSeconds(60), before.author(), true, 2,
                List.of(before.slug()));

        PagePlan plan = PLANNER.plan(new Change.ArticleChanged(Optional.of(before), Optional.of(after)), content);

        assertThat(plan.pages()).contains(new Page.ArticlePage(after.id(), "nytt-namn"),
                new Page.Redirect(before.slug(), before.id()), new Page.ArticlePage(id(7009), "nyhet-7009"));
        assertThat(withoutPeriodPages(plan, YearMonth.from(before.publishedAt().orElseThrow().atZone(ZONE))))
                .hasSizeLessThanOrEqualTo(11); // with its search shard
    }

    @Test
    void redatingAnArticle_shouldRewriteTheNeighboursOfItsOldPlaceAndOfItsNewOne() {
        // GIVEN article 5008 (between 5007 and 5009) moved to 2019-06-10, between 8238 and 8239
        Article before = site.get(5008);
        Article after = before.toBuilder().publishedAt(Optional.of(Instant.parse("2019-06-10T08:00:00Z"))).build();

        PagePlan plan = PLANNER.plan(new Change.ArticleChanged(Optional.of(before), Optional.of(after)), content);

        // THEN the four articles whose previous/next link changes
        assertThat(plan.pages()).contains(new Page.ArticlePage(id(5007), "nyhet-5007"),
                new Page.ArticlePage(id(5009), "nyhet-5009"), new Page.ArticlePage(id(8238), "nyhet-8238"),
                new Page.ArticlePage(id(8239), "nyhet-8239"));
        assertThat(plan.pages().stream().filter(Page.ArticlePage.class::isInstance)).hasSize(5);
    }

    @Test
    void retitlingAnArticle_shouldRewriteBothNeighbours_whichShowItsTitle() {
        Article before = site.get(4321);
        Article after = before.toBuilder().title("Ny rubrik").build();

        PagePlan plan = PLANNER.plan(new Change.ArticleChanged(Optional.of(before), Optional.of(after)), content);

        assertThat(plan.pages()).contains(new Page.ArticlePage(id(4320), "nyhet-4320"),
                new Page.ArticlePage(id(4322), "nyhet-4322"));
    }

    @Test
    void editingOnlyABody_shouldRewriteTheFeedsThatCarryIt_butNoNeighbour() {
        Article before = site.get(4321);
        Article after = before.toBuilder().body("Rättad text").build();

        PagePlan plan = PLANNER.plan(new Change.ArticleChanged(Optional.of(before), Optional.of(after)), content);

        assertThat(plan.pages()).containsExactlyInAnyOrder(new Page.ArticlePage(before.id(), before.slug()),
                new Page.Feed(), new Page.SitemapYear(2017), new Page.CategoryFeed("kategori-1"),
                new Page.SearchShard(YearMonth.of(2017, 4)));
    }

    @Test
    void movingAnArticleToAnotherCategory_shouldRewriteBothCategoriesFeeds() {
        Article before = site.get(4321);
        Article after = before.toBuilder().categories(List.of("Kategori 7")).build();

        PagePlan plan = PLANNER.plan(new Change.ArticleChanged(Optional.of(before), Optional.of(after)), content);

        assertThat(plan.pages()).contains(new Page.CategoryFeed("kategori-1"), new Page.CategoryFeed("kategori-7"));
    }

    @Test
    void changingADraft_shouldTouchNothing() {
        Article draft = article(20_002, "Utkast", Instant.parse("2019-06-10T08:00:00Z"), List.of("Kategori 1"),
                List.of(), ArticleStatus.DRAFT);

        PagePlan plan = PLANNER.plan(new Change.ArticleChanged(Optional.of(draft), Optional.of(draft)), content);

        assertThat(plan.pages()).isEmpty();
    }

    @Test
    void submittingADraftForReview_andSendingItBack_shouldTouchNothing() {
        // A review image is a draft's: never on the site, so its page was never there to remove.
        Article draft = article(20_003, "Utkast till granskning", Instant.parse("2019-06-10T08:00:00Z"),
                List.of("Kategori 1"), List.of(), ArticleStatus.DRAFT);
        Article review = draft.toBuilder().status(ArticleStatus.REVIEW).version(draft.version() + 1).build();

        PagePlan submitted = PLANNER.plan(new Change.ArticleChanged(Optional.of(draft), Optional.of(review)), content);
        PagePlan sentBack = PLANNER.plan(new Change.ArticleChanged(Optional.of(review), Optional.of(draft)), content);
        PagePlan created = PLANNER.plan(new Change.ArticleChanged(Optional.empty(), Optional.of(review)), content);

        assertThat(submitted.pages()).isEmpty();
        assertThat(sentBack.pages()).isEmpty();
        assertThat(created.pages()).isEmpty();
    }

    @Test
    void editingAPicturesTexts_shouldTouchThePagesOfThePublishedArticlesUsingIt_andTheFeed_only() {
        // GIVEN a picture used by a published article (in its body) and by a draft (as featured image)
        Media before = picture("Ledamöter vid bordet");
        Article shown = article(30_000, "Fullmäktige i bilder", Instant.parse("2019-06-10T08:00:00Z"),
                List.of("Politik"), List.of(), ArticleStatus.PUBLISHED).toBuilder()
                .body("![](media:" + before.id() + ")").build();
        Article draft = article(30_001, "Utkast med bild", Instant.parse("2019-06-11T08:00:00Z"), List.of("Politik"),
                List.of(), ArticleStatus.DRAFT).toBuilder()
                .image(Optional.of(new ArticleImage(before.id(), "Bordet", false, "", ""))).build();
        SnapshotSiteContent withPicture = new SnapshotSiteContent(List.of(shown, draft), Map.of(), List.of(before),
                ZONE);

        // WHEN an editor changes its alt text, caption or credit in the library
        for (Media after : List.of(before.withTexts("Ledamöterna röstar", "", ""),
                before.withTexts(before.alt(), "Juni", ""), before.withTexts(before.alt(), "", "Anna Sjöberg"))) {
            PagePlan plan = PLANNER.plan(new Change.MediaChanged(before.id(), Optional.of(before),
                    Optional.of(after)), withPicture);

            // THEN the published article's page and the feed (which carries its body), not its lists
            assertThat(plan.pages()).containsExactlyInAnyOrder(new Page.ArticlePage(shown.id(), shown.slug()),
                    new Page.Feed(), new Page.CategoryFeed("politik"));
        }
    }

    @Test
    void aPictureBecomingReady_shouldAlsoTouchTheListsOfTheArticlesUsingIt() {
        Media pending = Media.pending("01JD3K5M7N9P1Q2R3S4T5V6W8B", "bild.jpg", "image/jpeg", 1000, "Karin",
                Instant.parse("2019-06-01T08:00:00Z"));
        Media ready = picture("");
        Article shown = article(30_000, "Fullmäktige i bilder", Instant.parse("2019-06-10T08:00:00Z"),
                List.of("Politik"), List.of(), ArticleStatus.PUBLISHED).toBuilder()
                .image(Optional.of(new ArticleImage(ready.id(), "Bordet", false, "", ""))).build();

        PagePlan plan = PLANNER.plan(new Change.MediaChanged(ready.id(), Optional.of(pending), Optional.of(ready)),
                new SnapshotSiteContent(List.of(shown), Map.of(), List.of(ready), ZONE));

        assertThat(withoutPeriodPages(plan, YearMonth.of(2019, 6))).containsExactlyInAnyOrder(
                new Page.ArticlePage(shown.id(), shown.slug()), new Page.Feed(), new Page.Front(),
                new Page.Month(YearMonth.of(2019, 6)),
                new Page.Category("politik"), new Page.CategoryFeed("politik"));
    }

    @Test
    void aPictureWrittenWithoutAVisibleChange_shouldTouchNothing_andLookNothingUp() {
        // GIVEN lookups that fail when asked: an article save bumps the picture's use version, a write like any other
        PlanLookups refusing = new PlanLookups() {
            @Override
            public List<Page.ArticlePage> pagesListing(String articleId) {
                throw new AssertionError("looked up");
            }

            @Override
            public Optional<Page.ArticlePage> publishedPage(String articleId) {
                throw new AssertionError("looked up");
            }

            @Override
            public List<Article> publishedUsing(String mediaId) {
                throw new AssertionError("looked up");
            }

            @Override
            public List<ListedArticle> publishedBetween(Instant from, Instant to) {
                throw new AssertionError("looked up");
            }

            @Override
            public List<CategoryEntry> inCategoryBetween(String categorySlug, Instant from, Instant to) {
                throw new AssertionError("looked up");
            }

            @Override
            public Optional<ListedArticle> newestBefore(Instant at) {
                throw new AssertionError("looked up");
            }

            @Override
            public Optional<ListedArticle> oldestAtOrAfter(Instant at) {
                throw new AssertionError("looked up");
            }

            @Override
            public Optional<CategoryEntry> newestInCategoryBefore(String categorySlug, Instant at) {
                throw new AssertionError("looked up");
            }

            @Override
            public Optional<CategoryEntry> oldestInCategoryAtOrAfter(String categorySlug, Instant at) {
                throw new AssertionError("looked up");
            }

            @Override
            public Optional<ListedArticle> publishedBefore(Instant publishedAt, String id) {
                throw new AssertionError("looked up");
            }

            @Override
            public Optional<ListedArticle> publishedAfter(Instant publishedAt, String id) {
                throw new AssertionError("looked up");
            }
        };
        Media m = picture("Bordet");

        assertThat(PLANNER.plan(new Change.MediaChanged(m.id(), Optional.of(m), Optional.of(m)), refusing).pages())
                .isEmpty();
        assertThat(PLANNER.plan(new Change.MediaChanged(m.id(), Optional.empty(), Optional.of(m)), refusing).pages())
                .isEmpty();
        assertThat(PLANNER.plan(new Change.MediaChanged(m.id(), Optional.of(m), Optional.empty()), refusing).pages())
                .isEmpty();
    }

    @Test
    void changingAPublishedArticlesFeaturedImage_shouldTouchItsLists_whereItsThumbnailIs() {
        Article before = article(30_000, "Ny badplats", Instant.parse("2019-06-10T08:00:00Z"), List.of("Sommar"),
                List.of(), ArticleStatus.PUBLISHED);
        Article after = before.toBuilder().image(Optional.of(new ArticleImage("01JD3K5M7N9P1Q2R3S4T5V6W8A",
                "Stranden", false, "", ""))).build();

        PagePlan plan = PLANNER.plan(new Change.ArticleChanged(Optional.of(before), Optional.of(after)), content);

        assertThat(plan.pages()).contains(new Page.Front(), new Page.Month(YearMonth.of(2019, 6)),
                new Page.Category("sommar"));
    }

    /**
     * The plan without the period pages beyond the first page of the article's own month (paging: its pages,
     * its neighbours' edges and the archive index are PagingPlanTest's).
     */
    private static List<Page> withoutPeriodPages(PagePlan plan, YearMonth own) {
        return plan.pages().stream().filter(p -> !(p instanceof Page.CategoryYear || p instanceof Page.ArchiveIndex
                || p instanceof Page.Month m && !m.equals(new Page.Month(own)))).toList();
    }

    @Test
    void editingTheBody_shouldRewriteItsMonthsSearchShard_butNotTheManifest() {
        Article before = site.get(4321);
        Article after = before.toBuilder().body("Ny text om Östersund").build();

        PagePlan plan = PLANNER.plan(new Change.ArticleChanged(Optional.of(before), Optional.of(after)), content);

        assertThat(searchPages(plan)).containsExactly(
                new Page.SearchShard(YearMonth.from(before.publishedAt().orElseThrow().atZone(ZONE))));
    }

    @Test
    void redating_shouldRewriteBothMonthsSearchShards_andTheManifest() {
        Article before = site.get(4321);
        Instant published = Instant.parse("2031-03-02T08:00:00Z");
        Article after = before.toBuilder().publishedAt(Optional.of(published)).build();

        PagePlan plan = PLANNER.plan(new Change.ArticleChanged(Optional.of(before), Optional.of(after)), content);

        assertThat(searchPages(plan)).containsExactlyInAnyOrder(
                new Page.SearchShard(YearMonth.from(before.publishedAt().orElseThrow().atZone(ZONE))),
                new Page.SearchShard(YearMonth.of(2031, 3)), new Page.SearchManifest());
    }

    @Test
    void changesTheIndexDoesNotHold_shouldWriteNoSearchObject() {
        Article before = site.get(4321);
        Article otherAuthor = before.toBuilder().author("Någon annan").build();
        Article draft = article(20_003, "Utkast", Instant.parse("2019-06-10T08:00:00Z"), List.of(), List.of(),
                ArticleStatus.DRAFT);
        Comment approved = comment(before, CommentStatus.APPROVED, "Hej");

        assertThat(searchPages(PLANNER.plan(new Change.ArticleChanged(Optional.of(before), Optional.of(otherAuthor)),
                content))).isEmpty();
        assertThat(searchPages(PLANNER.plan(new Change.ArticleChanged(Optional.empty(), Optional.of(draft)),
                content))).isEmpty();
        assertThat(searchPages(PLANNER.plan(new Change.CommentChanged(before.id(), Optional.empty(),
                Optional.of(approved)), content))).isEmpty();
    }

    private static List<Page> searchPages(PagePlan plan) {
        return plan.pages().stream().filter(p -> p instanceof Page.SearchShard || p instanceof Page.SearchManifest)
                .toList();
    }

    /** A ready picture of the library with this alt text. */
    private static Media picture(String alt) {
        return new Media("01JD3K5M7N9P1Q2R3S4T5V6W8B", MediaStatus.READY, "bild.jpg", "image/jpeg", 1000, "Karin",
                Instant.parse("2019-06-01T08:00:00Z"), 960, 640, List.of(new MediaVariant(480, 320,
                "media/01JD3K5M7N9P1Q2R3S4T5V6W8B/480.jpg", "image/jpeg", 40_000)), alt, "", "", "");
    }

    private static List<Article> plus(Article extra) {
        List<Article> all = new ArrayList<>(site);
        all.add(extra);
        return all;
    }

    private static String id(int n) {
        return "01A%024d".formatted(n).replace('0', '0');
    }

    private static Article article(int n, String title, Instant published, List<String> categories,
                                   List<String> related, ArticleStatus status) {
        return new Article(id(n), Slugs.of(title), title, "Sammanfattning " + n, "Text " + n,
                categories, related, status, Optional.empty(), Optional.of(published), published, published,
                "Redaktionen", true, 1, List.of());
    }

    private static Article withStatus(Article a, ArticleStatus status) {
        return new Article(a.id(), a.slug(), a.title(), a.summary(), a.body(), a.categories(), a.related(), status,
                a.publishAt(), status == ArticleStatus.PUBLISHED ? a.publishedAt() : a.publishedAt(), a.createdAt(),
                a.updatedAt(), a.author(), a.commentsOpen(), a.version() + 1, a.previousSlugs());
    }

    private static Comment comment(Article a, CommentStatus status, String body) {
        return new Comment("01HZZZZZZZZZZZZZZZZZZZZZZZ", a.id(), Optional.empty(), "Läsare", body, status,
                Instant.parse("2020-01-01T10:00:00Z"), 1);
    }

    private static Comment withStatus(Comment c, CommentStatus status) {
        return new Comment(c.id(), c.articleId(), c.parentId(), c.author(), c.body(), status, c.createdAt(),
                c.depth());
    }
}
