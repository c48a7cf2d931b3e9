package se.newsroom.table;

import static se.newsroom.table.ContentTable.TYPE;
import static se.newsroom.table.ContentTable.s;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Where an email address's comments are, and the check that the same text from it is stored once per article:
 * {@code EMAIL#<email hash>} / {@code D#<article id>#<hash of article and text>}, pointing to its comment. Written
 * (on the condition that it does not exist) before its comment and deleted after it, so every stored comment has
 * one; one left by a crash points to no comment, and the next post of the same text takes it over (see
 * {@link DynamoDbCommentStore}). Erasing everything a person wrote is one query of one partition.
 */
final class ErasureMarkerItem {
    static final String PREFIX = "EMAIL#";
    static final String SORT_PREFIX = "D#";
    static final String COMMENT_ID = "commentId";
    private static final String ARTICLE_ID = "articleId";

    private ErasureMarkerItem() {
    }

    /** The partition of one email address's markers. */
    static String partition(String emailHash) {
        return PREFIX + emailHash;
    }

    static Map<String, AttributeValue> key(String emailHash, String articleId, String duplicateHash) {
        return ContentTable.key(partition(emailHash), SORT_PREFIX + articleId + "#" + duplicateHash);
    }

    static Map<String, AttributeValue> of(String emailHash, String articleId, String duplicateHash,
                                          String commentId) {
        Map<String, AttributeValue> item = new HashMap<>(key(emailHash, articleId, duplicateHash));
        item.put(TYPE, s("erasure-marker"));
        item.put(ARTICLE_ID, s(articleId));
        item.put(COMMENT_ID, s(commentId));
        return item;
    }

    /** The id of the comment a marker points to. */
    static String commentId(Map<String, AttributeValue> marker) {
        return marker.get(COMMENT_ID).s();
    }

    /** The id of the comment a marker (or what a refused write returned of it) points to, if it says. */
    static Optional<String> commentIdOf(Map<String, AttributeValue> marker) {
        return Optional.ofNullable(marker).map(m -> m.get(COMMENT_ID)).map(AttributeValue::s);
    }

    /** The key of the comment a marker points to. */
    static Map<String, AttributeValue> commentKey(Map<String, AttributeValue> marker) {
        return CommentItem.key(marker.get(ARTICLE_ID).s(), commentId(marker));
    }
}
