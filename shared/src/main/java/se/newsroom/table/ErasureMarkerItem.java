package se.newsroom.table;

import static se.newsroom.table.ContentTable.TYPE;
import static se.newsroom.table.ContentTable.s;

import java.util.HashMap;
import java.util.Map;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Where an email address's comments are: {@code EMAIL#<hash>} / {@code C#<article id>#<comment id>}, one per comment,
 * so that erasing everything a person wrote is one query of one partition.
 */
final class ErasureMarkerItem {
    static final String PREFIX = "EMAIL#";
    private static final String ARTICLE_ID = "articleId";
    private static final String COMMENT_ID = "commentId";

    private ErasureMarkerItem() {
    }

    /** The partition of one email address's markers. */
    static String partition(String emailHash) {
        return PREFIX + emailHash;
    }

    static Map<String, AttributeValue> key(String emailHash, String articleId, String commentId) {
        return ContentTable.key(partition(emailHash), CommentItem.SORT_PREFIX + articleId + "#" + commentId);
    }

    static Map<String, AttributeValue> of(String emailHash, String articleId, String commentId) {
        Map<String, AttributeValue> item = new HashMap<>(key(emailHash, articleId, commentId));
        item.put(TYPE, s("erasure-marker"));
        item.put(ARTICLE_ID, s(articleId));
        item.put(COMMENT_ID, s(commentId));
        return item;
    }

    /** The key of the comment a marker points to. */
    static Map<String, AttributeValue> commentKey(Map<String, AttributeValue> marker) {
        return CommentItem.key(marker.get(ARTICLE_ID).s(), marker.get(COMMENT_ID).s());
    }
}
