package se.newsroom.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;

import se.newsroom.content.Article;
import se.newsroom.content.ArticleIds;
import se.newsroom.content.ArticleImage;
import se.newsroom.content.Media;
import se.newsroom.content.MediaStatus;
import se.newsroom.content.MediaStore.MediaList;
import se.newsroom.content.MediaStore.MediaUse;
import se.newsroom.content.MediaVariant;
import se.newsroom.error.ConflictException;
import se.newsroom.error.FieldError;
import se.newsroom.error.InvalidCursorException;
import se.newsroom.error.InvalidInputException;
import se.newsroom.error.NotFoundException;
import se.newsroom.testing.Articles;
import se.newsroom.testing.DynamoDbLocal;
import se.newsroom.testing.Tables;

/** The media library's guarantees on DynamoDB Local: listing, finishing once, deleting only what nothing uses. */
class MediaStoreDynamoDbLocalIT {
    private static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");

    private DynamoDbClient dynamoDb;
    private String table;
    private DynamoDbMediaStore store;

    @BeforeEach
    void freshTable() {
        dynamoDb = DynamoDbLocal.client();
        table = Tables.fresh(dynamoDb);
        store = new DynamoDbMediaStore(dynamoDb, table);
    }

    private static Media pending(String fileName) {
        return Media.pending(ArticleIds.generator().get(), fileName, "image/jpeg", 2_345_678, "Karin Redaktör", T0);
    }

    private static List<MediaVariant> variants(String id) {
        return List.of(new MediaVariant(1600, 1200, "media/" + id + "/1600.jpg", "image/jpeg", 300_000),
                new MediaVariant(480, 360, "media/" + id + "/480.jpg", "image/jpeg", 40_000),
                new MediaVariant(960, 720, "media/" + id + "/960.jpg", "image/jpeg", 120_000));
    }

    @Test
    void create_shouldStoreAPendingItem_andRefuseTheSameIdTwice() {
        Media media = pending("möte.jpg");

        store.create(media);

        assertThat(store.find(media.id())).contains(media);
        assertThatThrownBy(() -> store.create(media)).isInstanceOf(ConflictException.class);
    }

    @Test
    void markReady_shouldRecordSizeAndVariantsWidestLast_onceOnly() {
        Media media = pending("skolan.jpg");
        store.create(media);

        assertThat(store.markReady(media.id(), 4000, 3000, variants(media.id()))).isTrue();
        // A retried event cannot flip the finished item.
        assertThat(store.markError(media.id(), "Filen är ingen bild.")).isFalse();
        assertThat(store.markReady(media.id(), 1, 1, List.of())).isFalse();

        Media ready = store.find(media.id()).orElseThrow();
        assertThat(ready.status()).isEqualTo(MediaStatus.READY);
        assertThat(ready.width()).isEqualTo(4000);
        assertThat(ready.height()).isEqualTo(3000);
        assertThat(ready.variants()).extracting(MediaVariant::width).containsExactly(480, 960, 1600);
        assertThat(ready.variants().get(2).key()).isEqualTo("media/" + media.id() + "/1600.jpg");
        assertThat(ready.reason()).isEmpty();
    }

    @Test
    void markError_shouldKeepTheReason_andNoVariants_andNotTouchAMissingItem() {
        Media media = pending("faktura.jpg");
        store.create(media);

        assertThat(store.markError(media.id(), "Filen är ingen bild som går att läsa.")).isTrue();
        assertThat(store.markReady(media.id(), 10, 10, variants(media.id()))).isFalse();
        assertThat(store.markError("01JDZZZZZZZZZZZZZZZZZZZZZZ", "x")).isFalse();

        Media failed = store.find(media.id()).orElseThrow();
        assertThat(failed.status()).isEqualTo(MediaStatus.ERROR);
        assertThat(failed.reason()).isEqualTo("Filen är ingen bild som går att läsa.");
        assertThat(failed.variants()).isEmpty();
        assertThat(Tables.keys(dynamoDb, table)).containsExactly("MEDIA#" + media.id());
    }

    @Test
    void list_shouldGiveNewestFirst_inPages_andNothingButMedia() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Media media = pending("bild" + i + ".jpg");
            store.create(media);
            ids.add(0, media.id());
        }
        writeUse(dynamoDb, table, ids.get(0), ArticleIds.generator().get(), "En nyhet");

        MediaList first = store.list(2, Optional.empty());
        MediaList second = store.list(2, first.nextCursor());
        MediaList third = store.list(2, second.nextCursor());

        assertThat(first.items()).extracting(Media::id).containsExactly(ids.get(0), ids.get(1));
        assertThat(second.items()).extracting(Media::id).containsExactly(ids.get(2), ids.get(3));
        assertThat(third.items()).extracting(Media::id).containsExactly(ids.get(4));
        assertThat(third.nextCursor()).isEmpty();
    }

    @Test
    void list_shouldRefuseACursorOfTheCommentQueue() {
        String queueCursor = new TableCursor("", Map.of("PK", ContentTable.s("ARTICLE#A"), "SK",
                ContentTable.s("C#B"), "queueKey", ContentTable.s("pending"), "queueSort", ContentTable.s("B")))
                .encode();

        assertThatThrownBy(() -> store.list(2, Optional.of(queueCursor))).isInstanceOf(InvalidCursorException.class);
    }

    @Test
    void update_shouldChangeOnlyTheTexts() {
        Media media = pending("vägbygge.jpg");
        store.create(media);
        store.markReady(media.id(), 800, 600, variants(media.id()));

        Media updated = store.update(media.withTexts("Grävmaskin på Storgatan", "Arbetet pågår till maj.",
                "Anna Fotograf"));

        assertThat(updated.alt()).isEqualTo("Grävmaskin på Storgatan");
        assertThat(updated.credit()).isEqualTo("Anna Fotograf");
        assertThat(updated.status()).isEqualTo(MediaStatus.READY);
        assertThat(updated.width()).isEqualTo(800);
        assertThat(store.find(media.id())).contains(updated);
        assertThatThrownBy(() -> store.update(pending("saknas.jpg"))).isInstanceOf(NotFoundException.class);
        assertThat(Tables.keys(dynamoDb, table)).hasSize(1);
    }

    @Test
    void delete_shouldRefuseWhileArticlesUseIt_namingThem_andDeleteWhenUnused() {
        Media media = pending("kommunhuset.jpg");
        store.create(media);
        String article = ArticleIds.generator().get();
        writeUse(dynamoDb, table, media.id(), article, "Nytt kommunhus invigt");

        assertThat(store.usedBy(media.id())).containsExactly(new MediaUse(article, "Nytt kommunhus invigt"));
        assertThatThrownBy(() -> store.delete(media.id())).isInstanceOf(ConflictException.class)
                .hasMessageContaining("Nytt kommunhus invigt")
                .satisfies(e -> assertThat(((ConflictException) e).errors()).containsExactly(
                        new FieldError("usedBy[0]", "Nytt kommunhus invigt (" + article + ")")));
        assertThat(store.find(media.id())).isPresent();

        removeUse(dynamoDb, table, media.id(), article);
        assertThat(store.delete(media.id()).id()).isEqualTo(media.id());

        assertThat(store.find(media.id())).isEmpty();
        assertThat(Tables.keys(dynamoDb, table)).isEmpty();
        assertThatThrownBy(() -> store.delete(media.id())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void delete_shouldRefuse_whenAnArticleStartedUsingItBetweenItsReadAndItsWrite() {
        Media media = pending("race.jpg");
        store.create(media);
        String article = ArticleIds.generator().get();
        // An article save that starts using it bumps the use version; a delete that read the old one must refuse.
        DynamoDbClient racing = runningBeforeDelete(dynamoDb, () -> {
            writeUse(dynamoDb, table, media.id(), article, "Samtidigt sparad");
            bump(dynamoDb, table, media.id());
        });

        assertThatThrownBy(() -> new DynamoDbMediaStore(racing, table).delete(media.id()))
                .isInstanceOf(ConflictException.class).hasMessageContaining("Samtidigt sparad");
        assertThat(store.find(media.id())).isPresent();
    }

    @Test
    void anArticleSave_shouldRefusePictureThatIsGone_andWriteNothing_evenPastTheCallersChecks() {
        // The service checked the picture; it was deleted before the save's transaction: the transaction refuses.
        DynamoDbArticleStore articles = new DynamoDbArticleStore(dynamoDb, table);
        String missing = ArticleIds.generator().get();
        Article article = Articles.draft("Med bild").toBuilder()
                .image(Optional.of(new ArticleImage(missing, "Alt", false, "", ""))).build();

        assertThatThrownBy(() -> articles.create(article, false, Optional.empty(), Articles.SAVE))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).errors()).extracting(FieldError::field)
                        .containsExactly("image.mediaId"));
        assertThat(Tables.keys(dynamoDb, table)).isEmpty();
    }

    @Test
    void anArticleSave_shouldRecordItsPictures_andItsDeleteReleaseThem() {
        Media media = pending("bild.jpg");
        store.create(media);
        DynamoDbArticleStore articles = new DynamoDbArticleStore(dynamoDb, table);
        Article article = Articles.draft("Med bild").toBuilder()
                .body("Se ![Karta](media:" + media.id() + ")").build();

        articles.create(article, false, Optional.empty(), Articles.SAVE);
        assertThat(store.usedBy(media.id())).containsExactly(new MediaUse(article.id(), "Med bild"));
        articles.delete(article.id(), Optional.empty(), Articles.SAVE);

        assertThat(store.usedBy(media.id())).isEmpty();
        assertThat(store.delete(media.id()).id()).isEqualTo(media.id());
    }

    private static void writeUse(DynamoDbClient client, String table, String mediaId, String articleId, String title) {
        client.putItem(r -> r.tableName(table).item(MediaUseItem.of(mediaId, articleId, title)));
    }

    private static void removeUse(DynamoDbClient client, String table, String mediaId, String articleId) {
        client.deleteItem(r -> r.tableName(table).key(ContentTable.keyOf(MediaUseItem.of(mediaId, articleId, ""))));
    }

    private static void bump(DynamoDbClient client, String table, String mediaId) {
        client.updateItem(r -> r.tableName(table).key(MediaItem.key(mediaId))
                .updateExpression("ADD " + MediaItem.USE_VERSION + " :one")
                .expressionAttributeValues(Map.of(":one", ContentTable.n(1))));
    }

    /** A client that runs {@code meanwhile} once, just before the first DeleteItem reaches the table. */
    private static DynamoDbClient runningBeforeDelete(DynamoDbClient delegate, Runnable meanwhile) {
        boolean[] ran = {false};
        return (DynamoDbClient) Proxy.newProxyInstance(DynamoDbClient.class.getClassLoader(),
                new Class<?>[] {DynamoDbClient.class}, (proxy, method, args) -> {
                    if (method.isDefault() && args != null && args.length == 1
                            && (args[0] instanceof Consumer
                            || method.getName().endsWith("Paginator"))) {
                        return InvocationHandler.invokeDefault(proxy, method, args);
                    }
                    if (args != null && args.length == 1 && args[0] instanceof DeleteItemRequest && !ran[0]) {
                        ran[0] = true;
                        meanwhile.run();
                    }
                    try {
                        return method.invoke(delegate, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
