package se.newsroom.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import se.newsroom.content.Article;
import se.newsroom.content.ArticleIds;
import se.newsroom.content.ArticleList;
import se.newsroom.content.ArticleStatus;
import se.newsroom.content.CategoryUse;
import se.newsroom.content.ListedArticle;
import se.newsroom.error.InvalidCursorException;
import se.newsroom.error.InvalidInputException;
import se.newsroom.error.NotFoundException;
import se.newsroom.error.StaleVersionException;
import se.newsroom.testing.Articles;
import se.newsroom.testing.Tables;

/**
 * What every ArticleStore backend must do, run against each emulator by a subclass: DynamoDB Local always,
 * LocalStack where Docker exists.
 */
abstract class ArticleStoreContract {
    private DynamoDbClient client;
    private String table;
    private DynamoDbArticleStore store;

    /** The emulator's client. */
    abstract DynamoDbClient client();

    @BeforeEach
    void freshTable() {
        client = client();
        table = Tables.fresh(client);
        store = new DynamoDbArticleStore(client, table);
    }

    @Test
    void create_shouldStoreTheArticleWithSwedishTextIntact_andClaimItsSlug() {
        // GIVEN
        Article article = Articles.draft("Statusuppdatering angående händelser inom Individ och familj");

        // WHEN
        Article created = store.create(article, false, Articles.SAVE);

        // THEN
        assertThat(created.slug()).isEqualTo("statusuppdatering-angaende-handelser-inom-individ-och-familj");
        assertThat(store.find(article.id())).contains(created);
        assertThat(store.find(article.id()).orElseThrow().body()).contains("å, ä och ö\u00a0– och");
        assertThat(Tables.keys(client, table)).containsExactly("ARTICLE#" + article.id(),
                "SLUG#statusuppdatering-angaende-handelser-inom-individ-och-familj");
    }

    @Test
    void create_shouldSuffixTheSlug_whenAnotherArticleHasTheSameTitle() {
        // GIVEN
        store.create(Articles.draft("Nya badplatser i Båstad"), false, Articles.SAVE);
        store.create(Articles.draft("Nya badplatser i Båstad"), false, Articles.SAVE);

        // WHEN
        Article third = store.create(Articles.draft("Nya badplatser i Båstad"), false, Articles.SAVE);

        // THEN
        assertThat(third.slug()).isEqualTo("nya-badplatser-i-bastad-3");
        assertThat(Tables.keys(client, table)).filteredOn(k -> k.startsWith("SLUG#")).containsExactly(
                "SLUG#nya-badplatser-i-bastad", "SLUG#nya-badplatser-i-bastad-2", "SLUG#nya-badplatser-i-bastad-3");
    }

    @Test
    void create_shouldRefuseAndWriteNothing_whenAChosenSlugIsTaken() {
        // GIVEN
        store.create(Articles.draft("Vintervägar"), false, Articles.SAVE);
        List<String> before = Tables.keys(client, table);

        // WHEN / THEN
        assertThatThrownBy(() -> store.create(Articles.draft("Vintervägar"), true, Articles.SAVE))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).errors())
                        .extracting(f -> f.field()).containsExactly("slug"));
        assertThat(Tables.keys(client, table)).isEqualTo(before);
    }

    @Test
    void create_shouldRefuseAndWriteNothing_whenARelatedArticleDoesNotExist() {
        // GIVEN
        Article existing = store.create(Articles.draft("Omorganisation efter händelserna"), false, Articles.SAVE);
        String missing = ArticleIds.generator().get();
        Article article = Articles.relatedTo(Articles.draft("Politiska styrningen utreds"),
                List.of(existing.id(), missing));

        // WHEN / THEN
        assertThatThrownBy(() -> store.create(article, false, Articles.SAVE))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).errors())
                        .extracting(f -> f.field()).containsExactly("related[1]"));
        assertThat(Tables.keys(client, table)).containsExactly("ARTICLE#" + existing.id(),
                "SLUG#omorganisation-efter-handelserna");
    }

    @Test
    void create_shouldGiveDistinctSlugs_whenTwoEditorsCreateTheSameTitleAtOnce() throws Exception {
        // GIVEN
        int editors = 4;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(editors);
        List<Future<Article>> results = new ArrayList<>();

        // WHEN
        for (int i = 0; i < editors; i++) {
            Callable<Article> create = () -> {
                start.await();
                return store.create(Articles.draft("Kommunfullmäktige sammanträder"), false, Articles.SAVE);
            };
            results.add(pool.submit(create));
        }
        start.countDown();
        List<String> slugs = new ArrayList<>();
        for (Future<Article> result : results) {
            slugs.add(result.get().slug());
        }
        pool.shutdown();

        // THEN
        assertThat(slugs).containsExactlyInAnyOrder("kommunfullmaktige-sammantrader",
                "kommunfullmaktige-sammantrader-2", "kommunfullmaktige-sammantrader-3",
                "kommunfullmaktige-sammantrader-4");
        assertThat(Tables.items(client, table)).filteredOn(i -> i.get("PK").s().startsWith("SLUG#"))
                .hasSize(editors)
                .allSatisfy(claim -> assertThat(store.find(claim.get("articleId").s())).isPresent());
    }

    @Test
    void update_shouldReplaceTheArticle_whenTheVersionIsCurrent() {
        // GIVEN
        Article created = store.create(Articles.draft("Gammal rubrik"), false, Articles.SAVE);
        Article next = Articles.nextVersion(created, "Ny rubrik – med tankstreck", created.slug(), List.of());

        // WHEN
        store.update(created, next, Articles.SAVE);

        // THEN
        assertThat(store.find(created.id())).contains(next);
    }

    @Test
    void update_shouldRefuseAndChangeNothing_whenTheVersionIsStale() {
        // GIVEN
        Article created = store.create(Articles.draft("Rubrik"), false, Articles.SAVE);
        store.update(created, Articles.nextVersion(created, "Första ändringen", created.slug(), List.of()),
                Articles.SAVE);
        Article basedOnOld = Articles.nextVersion(created, "Andra ändringen", created.slug(), List.of());

        // WHEN / THEN
        assertThatThrownBy(() -> store.update(created, basedOnOld,
                Articles.SAVE)).isInstanceOf(StaleVersionException.class)
                .hasMessageContaining("version 2, not 1");
        assertThat(store.find(created.id()).orElseThrow().title()).isEqualTo("Första ändringen");
    }

    @Test
    void update_shouldRefuseAndLeaveNoSlugClaim_whenTheArticleDoesNotExist() {
        // GIVEN
        Article ghost = Articles.draft("Finns inte");

        // WHEN / THEN
        assertThatThrownBy(() -> store.update(ghost,
                Articles.nextVersion(ghost, "Finns inte", "finns-inte", List.of()), Articles.SAVE))
                .isInstanceOf(NotFoundException.class);
        assertThat(Tables.keys(client, table)).isEmpty();
    }

    @Test
    void update_shouldClaimTheNewSlugAndKeepTheOld_whenTheSlugChanges() {
        // GIVEN
        Article created = store.create(Articles.draft("Sommarläger"), false, Articles.SAVE);

        // WHEN
        store.update(created, Articles.nextVersion(created, "Sommarläger 2020", "sommarlager-2020",
                List.of("sommarlager")), Articles.SAVE);

        // THEN
        assertThat(Tables.items(client, table)).filteredOn(i -> i.get("PK").s().startsWith("SLUG#"))
                .extracting(i -> i.get("PK").s() + " current=" + i.get("current").bool())
                .containsExactlyInAnyOrder("SLUG#sommarlager current=false", "SLUG#sommarlager-2020 current=true");
        Article other = Articles.draft("Sommarläger");
        assertThat(store.create(other, false, Articles.SAVE).slug()).isEqualTo("sommarlager-2");
    }

    @Test
    void delete_shouldRemoveTheArticleAndReleaseAllItsSlugs() {
        // GIVEN
        Article created = store.create(Articles.draft("Sommarläger"), false, Articles.SAVE);
        store.update(created, Articles.nextVersion(created, "Sommarläger 2020", "sommarlager-2020",
                List.of("sommarlager")), Articles.SAVE);

        // WHEN
        store.delete(created.id(), Optional.of(2L), Articles.SAVE);

        // THEN
        assertThat(Tables.keys(client, table)).isEmpty();
    }

    @Test
    void create_shouldTakeASlugThatADeletedArticleStillClaims_asADeleteCutShortLeavesIt() {
        // GIVEN the claim of an earlier slug of an article that no longer exists
        client.putItem(r -> r.tableName(table).item(SlugClaimItem.of("sommarlager", ArticleIds.generator().get(),
                false)));

        // WHEN
        Article created = store.create(Articles.draft("Sommarläger"), true, Articles.SAVE);

        // THEN
        assertThat(created.slug()).isEqualTo("sommarlager");
        assertThat(Tables.items(client, table)).filteredOn(i -> i.get("PK").s().equals("SLUG#sommarlager"))
                .singleElement().satisfies(claim -> assertThat(claim.get("articleId").s()).isEqualTo(created.id()));
    }

    @Test
    void delete_shouldRemoveAnArticleAnOlderVersionDatedBeyondYear9999_withItsCategoryEntry() {
        // GIVEN a published article and its category entry as an older version wrote them for year 10000
        Article created = store.create(Articles.published(Articles.draft("Framtiden"), Articles.T0), false,
                Articles.SAVE);
        Article legacy = Articles.published(created, Instant.parse("+10000-01-01T00:00:00Z"));
        client.deleteItem(r -> r.tableName(table).key(ContentTable.keyOf(CategoryEntryItem.of(created, "Kommun"))));
        client.putItem(r -> r.tableName(table).item(CategoryEntryItem.of(legacy, "Kommun")));
        client.updateItem(r -> r.tableName(table).key(ArticleItem.key(created.id()))
                .updateExpression("SET publishedAt = :t")
                .expressionAttributeValues(Map.of(":t", AttributeValue.fromS("+10000-01-01T00:00:00.000Z"))));
        assertThat(Tables.items(client, table)).anySatisfy(i -> assertThat(i.get("SK").s()).startsWith("+10000-"));

        // WHEN
        store.delete(created.id(), Optional.empty(), Articles.SAVE);

        // THEN
        assertThat(Tables.keys(client, table)).isEmpty();
    }

    @Test
    void delete_shouldRefuseAndKeepTheArticle_whenTheVersionIsStale() {
        // GIVEN
        Article created = store.create(Articles.draft("Sommarläger"), false, Articles.SAVE);
        store.update(created, Articles.nextVersion(created, "Sommarläger!", created.slug(), List.of()), Articles.SAVE);

        // WHEN / THEN
        assertThatThrownBy(() -> store.delete(created.id(), Optional.of(1L),
                Articles.SAVE)).isInstanceOf(StaleVersionException.class);
        assertThat(store.find(created.id())).isPresent();
        assertThatThrownBy(() -> store.delete(ArticleIds.generator().get(), Optional.empty(), Articles.SAVE))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void list_shouldPageThroughPublishedArticlesNewestFirst() {
        // GIVEN
        List<String> newestFirst = new ArrayList<>();
        for (int day = 1; day <= 5; day++) {
            Article a = Articles.published(Articles.draft("Nyhet " + day), Instant.parse("2019-12-0" + day
                    + "T10:00:00Z"));
            store.create(a, false, Articles.SAVE);
            newestFirst.addFirst(a.id());
        }
        store.create(Articles.draft("Ett utkast"), false, Articles.SAVE);

        // WHEN
        ArticleList first = store.list(Optional.of(ArticleStatus.PUBLISHED), 2, Optional.empty());
        ArticleList second = store.list(Optional.of(ArticleStatus.PUBLISHED), 2, first.nextCursor());
        ArticleList third = store.list(Optional.of(ArticleStatus.PUBLISHED), 2, second.nextCursor());

        // THEN
        List<String> ids = new ArrayList<>();
        List.of(first, second, third).forEach(p -> p.items().forEach(a -> ids.add(a.id())));
        assertThat(ids).isEqualTo(newestFirst);
        assertThat(third.nextCursor()).isEmpty();
    }

    @Test
    void list_shouldListDraftsThenScheduledThenPublished_whenNoStatusIsGiven() {
        // GIVEN
        Article published = store.create(Articles.published(Articles.draft("Publicerad"), Articles.T0), false,
                Articles.SAVE);
        Article draft = store.create(Articles.draft("Utkast"), false, Articles.SAVE);

        // WHEN
        ArticleList first = store.list(Optional.empty(), 1, Optional.empty());
        ArticleList second = store.list(Optional.empty(), 1, first.nextCursor());

        // THEN
        assertThat(first.items()).extracting(ListedArticle::id).containsExactly(draft.id());
        assertThat(second.items()).extracting(ListedArticle::id).containsExactly(published.id());
    }

    @Test
    void list_shouldRefuseACursorItDidNotMake() {
        assertThatThrownBy(() -> store.list(Optional.empty(), 10, Optional.of("bm90LWEtY3Vyc29y")))
                .isInstanceOf(InvalidCursorException.class);
    }

    @Test
    void writes_shouldKeepCategoryEntriesAndRelatedByMarkers_inStepWithTheArticle() {
        // GIVEN a published article in one category, and a draft that lists it under "Läs mer"
        Article published = store.create(Articles.published(Articles.draft("Ny skola i Förslöv"), Articles.T0), false,
                Articles.SAVE);
        Article citing = store.create(Articles.relatedTo(Articles.draft("Skolvalet"), List.of(published.id())), false,
                Articles.SAVE);
        assertThat(Tables.keys(client, table)).contains("CATEGORY#kommun", "ARTICLE#" + published.id());
        assertThat(Tables.items(client, table)).anySatisfy(i -> {
            assertThat(i.get("SK").s()).isEqualTo("RELATEDBY#" + citing.id());
            assertThat(i.get("PK").s()).isEqualTo("ARTICLE#" + published.id());
        });

        // WHEN the citing draft drops the relation, and the published article is deleted
        Article uncited = Articles.relatedTo(Articles.nextVersion(citing, "Skolvalet", citing.slug(), List.of()),
                List.of());
        store.update(citing, uncited, Articles.SAVE);
        store.delete(published.id(), Optional.empty(), Articles.SAVE);

        // THEN no category entry and no marker is left
        assertThat(Tables.keys(client, table)).containsExactly("ARTICLE#" + citing.id(), "SLUG#skolvalet");
    }

    @Test
    void search_shouldFindTitles_whateverTheirCaseAndDiacritics() {
        // GIVEN
        Article draft = store.create(Articles.draft("Vägarbete på Storgatan"), false, Articles.SAVE);
        Article published = store.create(Articles.published(Articles.draft("VÄGARBETE i Förslöv"), Articles.T0),
                false, Articles.SAVE);
        store.create(Articles.draft("Nya badplatser"), false, Articles.SAVE);

        // WHEN / THEN
        assertThat(store.search(Optional.empty(), "vagarbete", 10, Optional.empty()).items())
                .extracting(ListedArticle::id).containsExactly(draft.id(), published.id());
        assertThat(store.search(Optional.empty(), "VÄG", 10, Optional.empty()).items())
                .extracting(ListedArticle::id).containsExactly(draft.id(), published.id());
        assertThat(store.search(Optional.of(ArticleStatus.PUBLISHED), "väg", 10, Optional.empty()).items())
                .extracting(ListedArticle::id).containsExactly(published.id());
        assertThat(store.search(Optional.empty(), " forslov ", 10, Optional.empty()).items())
                .extracting(ListedArticle::id).containsExactly(published.id());
        assertThat(store.search(Optional.empty(), "skola", 10, Optional.empty()).items()).isEmpty();
    }

    @Test
    void search_shouldStopAtTheLimit_andGoOnAfterTheLastMatch() {
        // GIVEN three drafts that match, among others
        List<String> matching = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            matching.add(store.create(Articles.draft("Snöröjning " + i), false, Articles.SAVE).id());
            store.create(Articles.draft("Annat " + i), false, Articles.SAVE);
        }

        // WHEN
        ArticleList first = store.search(Optional.empty(), "snoröjning", 2, Optional.empty());
        ArticleList second = store.search(Optional.empty(), "snoröjning", 2, first.nextCursor());

        // THEN
        assertThat(first.items()).hasSize(2);
        assertThat(second.items()).hasSize(1);
        assertThat(second.nextCursor()).isEmpty();
        List<String> found = new ArrayList<>();
        List.of(first, second).forEach(p -> p.items().forEach(a -> found.add(a.id())));
        assertThat(found).containsExactlyInAnyOrderElementsOf(matching);
    }

    @Test
    void search_shouldAnswerAPartPageWithACursor_whenItReadsItsBoundFirst() {
        // GIVEN a store that reads 2 queries of 2 entries a page, and the one match behind 5 other drafts
        DynamoDbArticleStore bounded = new DynamoDbArticleStore(client, table, 2, 2);
        Article match = store.create(Articles.draft("Badplatser öppnar").toBuilder()
                .updatedAt(Articles.T0.minusSeconds(3600)).build(), false,
                        Articles.SAVE); // drafts are listed newest first
        for (int i = 1; i <= 5; i++) {
            store.create(Articles.draft("Annat " + i), false, Articles.SAVE);
        }

        // WHEN
        ArticleList first = bounded.search(Optional.empty(), "badplats", 10, Optional.empty());
        List<String> found = new ArrayList<>();
        int pages = 1;
        Optional<String> cursor = first.nextCursor();
        while (cursor.isPresent()) {
            ArticleList next = bounded.search(Optional.empty(), "badplats", 10, cursor);
            next.items().forEach(a -> found.add(a.id()));
            cursor = next.nextCursor();
            pages++;
        }

        // THEN the first page read 4 entries, found nothing, and said where to go on; the next found the match
        assertThat(first.items()).isEmpty();
        assertThat(first.nextCursor()).isPresent();
        assertThat(found).containsExactly(match.id());
        assertThat(pages).isBetween(2, 4);
    }

    @Test
    void categories_shouldCountTheArticlesOfEveryCategory_sortedAsSwedishSortsThem() {
        // GIVEN drafts and a published article; two spell "Trafik" differently
        store.create(withCategories(Articles.draft("Ett"), "Trafik", "Äldreomsorg"), false, Articles.SAVE);
        store.create(Articles.published(withCategories(Articles.draft("Två"), "trafik", "Zon"), Articles.T0), false,
                Articles.SAVE);
        store.create(withCategories(Articles.draft("Tre"), "Trafik", "Örnar", "Avfall"), false, Articles.SAVE);

        // WHEN
        List<CategoryUse> categories = store.categories();

        // THEN
        assertThat(categories).containsExactly(new CategoryUse("Avfall", "avfall", 1),
                new CategoryUse("Trafik", "trafik", 3), new CategoryUse("Zon", "zon", 1),
                new CategoryUse("Äldreomsorg", "aldreomsorg", 1), new CategoryUse("Örnar", "ornar", 1));
    }

    @Test
    void findListed_shouldReadTheArticlesInTheOrderGiven_leavingOutIdsOfNone() {
        // GIVEN
        Article first = store.create(Articles.draft("Första"), false, Articles.SAVE);
        Article second = store.create(Articles.published(Articles.draft("Andra"), Articles.T0), false, Articles.SAVE);

        // WHEN
        List<ListedArticle> found = store.findListed(List.of(second.id(), ArticleIds.generator().get(), first.id(),
                second.id()));

        // THEN
        assertThat(found).containsExactly(second.listed(), first.listed());
    }

    private static Article withCategories(Article a, String... categories) {
        return a.toBuilder().categories(List.of(categories)).build();
    }
}
