package se.newsroom.table;

import java.util.Map;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import se.newsroom.content.Article;
import se.newsroom.content.Comment;
import se.newsroom.content.CommentStore.Hashes;

/**
 * Items as the content table's stream carries them (keys, old and new images), for what replays a stream without a
 * table: render's property test of stream batches. The layout stays this package's own.
 */
public final class StreamImages {
    private static final Hashes NO_HASHES = new Hashes("", "", "");

    private StreamImages() {
    }

    /** The keys of an article's item. */
    public static Map<String, AttributeValue> articleKeys(String articleId) {
        return ArticleItem.key(articleId);
    }

    /** An article's item, as a record's image holds it. */
    public static Map<String, AttributeValue> article(Article a) {
        return ArticleItem.toItem(a);
    }

    /** The keys of a comment's item. */
    public static Map<String, AttributeValue> commentKeys(String articleId, String commentId) {
        return CommentItem.key(articleId, commentId);
    }

    /** A comment's item, as a record's image holds it (a reader's with its commenter's hashes left empty). */
    public static Map<String, AttributeValue> comment(Comment c) {
        return c.staff() ? CommentItem.toStaffItem(c) : CommentItem.toItem(c, NO_HASHES);
    }
}
