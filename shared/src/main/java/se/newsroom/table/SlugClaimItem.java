package se.newsroom.table;

import static se.newsroom.table.ContentTable.TYPE;
import static se.newsroom.table.ContentTable.s;

import java.util.HashMap;
import java.util.Map;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A slug claim: {@code SLUG#<slug>} / {@code S}, naming its article. Written in the same transaction as the article,
 * so two articles never share a slug; an old slug's claim stays with {@code current=false} for its redirect.
 */
final class SlugClaimItem {
    static final String PREFIX = "SLUG#";
    static final String SORT_KEY = "S";
    /** The claiming article's id; conditions compare it. */
    static final String ARTICLE_ID = "articleId";
    private static final String CURRENT = "current";

    private SlugClaimItem() {
    }

    static Map<String, AttributeValue> key(String slug) {
        return ContentTable.key(PREFIX + slug, SORT_KEY);
    }

    static Map<String, AttributeValue> of(String slug, String articleId, boolean current) {
        Map<String, AttributeValue> item = new HashMap<>(key(slug));
        item.put(TYPE, s("slug"));
        item.put(ARTICLE_ID, s(articleId));
        // A claim that is no longer current keeps the old URL reserved for a redirect to the article.
        item.put(CURRENT, AttributeValue.fromBool(current));
        return item;
    }

    /** Whether a claim is of its article's current slug (an item without the flag counts as current). */
    static boolean isCurrent(Map<String, AttributeValue> item) {
        AttributeValue current = item.get(CURRENT);
        return current == null || current.bool() == null || current.bool();
    }
}
