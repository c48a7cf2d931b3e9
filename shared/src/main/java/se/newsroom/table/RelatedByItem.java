package se.newsroom.table;

import static se.newsroom.table.ContentTable.PK;
import static se.newsroom.table.ContentTable.SK;
import static se.newsroom.table.ContentTable.TYPE;
import static se.newsroom.table.ContentTable.s;

import java.util.HashMap;
import java.util.Map;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A "related by" marker: {@code ARTICLE#<related id>} / {@code RELATEDBY#<id>}, left in the partition of each article
 * that {@code id} lists under "Läs mer", so rendering finds the pages to update when that article changes.
 */
final class RelatedByItem {
    static final String SORT_PREFIX = "RELATEDBY#";
    private static final String ARTICLE_ID = "articleId";

    private RelatedByItem() {
    }

    /** The marker that {@code articleId} lists {@code relatedId}. */
    static Map<String, AttributeValue> of(String articleId, String relatedId) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(PK, s(ArticleItem.PREFIX + relatedId));
        item.put(SK, s(SORT_PREFIX + articleId));
        item.put(TYPE, s("related-by"));
        item.put(ARTICLE_ID, s(articleId));
        return item;
    }

    /** The id of the article that lists the partition's article. */
    static String listingArticleId(Map<String, AttributeValue> item) {
        return item.get(ARTICLE_ID).s();
    }
}
