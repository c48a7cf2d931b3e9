package se.newsroom.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import se.newsroom.content.Article;
import se.newsroom.content.ArticleStatus;
import se.newsroom.content.Comment;
import se.newsroom.content.CommentStatus;
import se.newsroom.content.CommentStore.Hashes;
import se.newsroom.content.Correction;
import se.newsroom.content.IdempotencyKey;
import se.newsroom.content.PrivacyNotice;
import se.newsroom.error.InvalidCursorException;

/** Each item type reads back what it wrote; a listing's item is never taken for an article. */
class ItemMappersTest {
    private static final Instant T = Instant.parse("2019-12-04T09:30:00Z");
    private static final Article ARTICLE = Article.builder().id("01DW2J6R8T4P3E5F7G9H0K1M2N").slug("nyhet")
            .title("Nyhet – å, ä, ö").summary("Kort.").body("Text\u00a0med no-break space.")
            .categories(List.of("Kommunen")).related(List.of("01DVZ8Y3C4S0K9QH7N2M5X6B1A"))
            .status(ArticleStatus.PUBLISHED).publishedAt(Optional.of(T)).createdAndUpdatedAt(T)
            .author("Redaktionen").version(3).previousSlugs(List.of("gammal")).build();

    @Test
    void articleItem_shouldReadBackTheArticleItWrote() {
        assertThat(ArticleItem.fromItem(ArticleItem.toItem(ARTICLE))).isEqualTo(ARTICLE);
        assertThat(ArticleItem.isArticle(ArticleItem.key(ARTICLE.id()))).isTrue();
    }

    @Test
    void articleItem_shouldKeepAnImportedArticlesOldAddresses_whichAListingDoesNotCarry() {
        Article imported = ARTICLE.withLegacyPaths(List.of("/2019/12/04/nyhet/", "/?p=123"));

        Map<String, AttributeValue> item = ArticleItem.toItem(imported);

        assertThat(ArticleItem.fromItem(item).legacyPaths()).containsExactly("/2019/12/04/nyhet/", "/?p=123");
        assertThat(ArticleItem.listedFromItem(item)).isEqualTo(ARTICLE.listed());
        assertThat(ArticleItem.toItem(ARTICLE)).doesNotContainKey("legacyPaths");
    }

    @Test
    void articleItem_shouldKeepItsPublicCorrections_inOrder_withTheirSwedishNotes() {
        Article corrected = ARTICLE.withCorrections(List.of(new Correction(T.plusSeconds(60), "Fel datum – rättat."),
                new Correction(T.plusSeconds(120), "Namnet stavas Åsa\u00a0Öberg.")));

        Map<String, AttributeValue> item = ArticleItem.toItem(corrected);

        assertThat(ArticleItem.fromItem(item)).isEqualTo(corrected);
        assertThat(ArticleItem.listedFromItem(item)).isEqualTo(ARTICLE.listed());
        assertThat(ArticleItem.toItem(ARTICLE)).doesNotContainKey("corrections");
    }

    @Test
    void articleItem_shouldRefuseToMakeAnArticle_fromAnIndexItemWithoutBody() {
        Map<String, AttributeValue> indexItem = new HashMap<>(ArticleItem.toItem(ARTICLE));
        indexItem.remove("body");

        assertThat(ArticleItem.listedFromItem(indexItem)).isEqualTo(ARTICLE.listed());
        assertThatThrownBy(() -> ArticleItem.fromItem(indexItem)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void commentItem_shouldReadBackTheCommentItWrote_andNameItsArticleFromItsKey() {
        Comment comment = new Comment("01DX0000000000000000000001", ARTICLE.id(),
                Optional.of("01DX0000000000000000000000"), "Karin i Torekov", "Bra – äntligen.",
                CommentStatus.PENDING, T, 2);

        Map<String, AttributeValue> item = CommentItem.toItem(comment, new Hashes("e", "c", "d"));

        assertThat(CommentItem.fromItem(item)).isEqualTo(comment);
        assertThat(CommentItem.articleIdOf(ContentTable.keyOf(item))).contains(ARTICLE.id());
        assertThat(CommentItem.articleIdOf(ArticleItem.key(ARTICLE.id()))).isEmpty();
        assertThat(ArticleItem.isArticle(ContentTable.keyOf(item))).isFalse();
    }

    @Test
    void staffReply_shouldReadBackMarked_fromTheItemAndFromItsApprovedCommentsProjection() {
        Comment reply = new Comment("01DX0000000000000000000002", ARTICLE.id(),
                Optional.of("01DX0000000000000000000001"), "Anna", "Vi svarar – här.", CommentStatus.APPROVED, T, 2,
                true);

        Map<String, AttributeValue> item = CommentItem.toStaffItem(reply);
        // What the ApprovedComments index projects: its keys and the listed attributes, not "staff".
        Map<String, AttributeValue> projected = new HashMap<>(item);
        projected.remove("staff");

        assertThat(CommentItem.fromItem(item)).isEqualTo(reply);
        assertThat(CommentItem.fromItem(projected)).isEqualTo(reply);
        assertThat(item).doesNotContainKeys("emailHash", "clientHash", "duplicateHash");
        assertThatThrownBy(() -> CommentItem.toItem(reply, new Hashes("e", "c", "d")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void readersComment_shouldNeverReadBackAsStaff() {
        Comment comment = new Comment("01DX0000000000000000000003", ARTICLE.id(), Optional.empty(), "Redaktionen?",
                "Hej", CommentStatus.APPROVED, T, 1);

        assertThat(CommentItem.fromItem(CommentItem.toItem(comment, new Hashes("e", "c", "d"))).staff()).isFalse();
    }

    @Test
    void privacyNotice_shouldReadBackWhatItWrote_underItsOwnKey() {
        PrivacyNotice notice = new PrivacyNotice("## Vad vi sparar\n\nNamn, text och tid – inget mer.",
                Optional.of(T), 3);

        Map<String, AttributeValue> item = PrivacyNoticeItem.toItem(notice);

        assertThat(PrivacyNoticeItem.fromItem(item)).isEqualTo(notice);
        assertThat(PrivacyNoticeItem.isPrivacyNotice(ContentTable.keyOf(item))).isTrue();
        assertThat(PrivacyNoticeItem.isPrivacyNotice(ArticleItem.key(ARTICLE.id()))).isFalse();
        assertThat(CommentItem.articleIdOf(ContentTable.keyOf(item))).isEmpty();
    }

    @Test
    void categoryEntry_shouldCarryWhatTheCategoryPageLists() {
        Map<String, AttributeValue> item = CategoryEntryItem.of(ARTICLE, "Kommunen");

        assertThat(CategoryEntryItem.fromItem(item)).satisfies(e -> {
            assertThat(e.articleId()).isEqualTo(ARTICLE.id());
            assertThat(e.url()).isEqualTo(ARTICLE.url());
            assertThat(e.title()).isEqualTo(ARTICLE.title());
            assertThat(e.category()).isEqualTo("Kommunen");
            assertThat(e.publishedAt()).isEqualTo(T);
        });
    }

    @Test
    void tableCursor_shouldReadBackWhatItEncoded_andRefuseAnotherListingsKeys() {
        Map<String, AttributeValue> key = Map.of("PK", AttributeValue.fromS("ARTICLE#1"),
                "SK", AttributeValue.fromS("C#2"));
        String cursor = new TableCursor("published", key).encode();

        assertThat(TableCursor.decode(cursor, key.keySet())).isEqualTo(new TableCursor("published", key));
        assertThatThrownBy(() -> TableCursor.decode(cursor, Set.of("PK", "SK", "queueKey", "queueSort")))
                .isInstanceOf(InvalidCursorException.class);
        assertThatThrownBy(() -> TableCursor.decode("eyJzIjoxfQ", key.keySet()))
                .isInstanceOf(InvalidCursorException.class);
    }

    @Test
    void idempotencyKey_shouldNameItsArticleAndFingerprint_keyedByItsEditor_andExpireAfterADay() {
        IdempotencyKey key = new IdempotencyKey("editor-1", "8e0c7a1e", "ab12");

        Map<String, AttributeValue> item = IdempotencyKeyItem.of(key, ARTICLE.id(), T);

        assertThat(item.get("PK").s()).isEqualTo("IDEMPOTENCY#editor-1#8e0c7a1e");
        assertThat(IdempotencyKeyItem.key(new IdempotencyKey("editor-2", "8e0c7a1e", "ab12")))
                .isNotEqualTo(IdempotencyKeyItem.key(key));
        assertThat(IdempotencyKeyItem.articleId(item)).isEqualTo(ARTICLE.id());
        assertThat(IdempotencyKeyItem.fingerprint(item)).isEqualTo("ab12");
        assertThat(item.get(ContentTable.EXPIRES_AT).n()).isEqualTo(Long.toString(T.getEpochSecond() + 86_400));
    }
}
