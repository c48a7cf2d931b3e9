package se.newsroom.table;

import static se.newsroom.table.ContentTable.TYPE;
import static se.newsroom.table.ContentTable.s;

import java.util.HashMap;
import java.util.Map;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The same comment may be stored once: {@code ARTICLE#<article id>} / {@code D#<hash of author and text>}, written
 * with the comment on the condition that it does not exist yet.
 */
final class DuplicateCheckItem {
    static final String SORT_PREFIX = "D#";

    private DuplicateCheckItem() {
    }

    static Map<String, AttributeValue> key(String articleId, String hash) {
        return ContentTable.key(ArticleItem.PREFIX + articleId, SORT_PREFIX + hash);
    }

    static Map<String, AttributeValue> of(String articleId, String hash, String commentId) {
        Map<String, AttributeValue> item = new HashMap<>(key(articleId, hash));
        item.put(TYPE, s("duplicate-check"));
        item.put("commentId", s(commentId));
        return item;
    }
}
