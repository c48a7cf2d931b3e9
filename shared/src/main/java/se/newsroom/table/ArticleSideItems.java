package se.newsroom.table;

import static se.newsroom.table.ContentTable.PK;
import static se.newsroom.table.ContentTable.SK;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import se.newsroom.content.Article;
import se.newsroom.content.ArticleStatus;

/**
 * The items an article keeps beside itself, written in the same transaction, so that rendering finds what a change
 * touches without scanning: a {@link CategoryEntryItem} per category of a published article, and a
 * {@link RelatedByItem} in each related article's partition, and a {@link MediaUseItem} in the partition of each
 * picture it uses.
 */
final class ArticleSideItems {
    private ArticleSideItems() {
    }

    /** The side items of an article, by their key ("PK|SK"). */
    static Map<String, Map<String, AttributeValue>> of(Article a) {
        Map<String, Map<String, AttributeValue>> items = new LinkedHashMap<>();
        if (a.status() == ArticleStatus.PUBLISHED && a.publishedAt().isPresent()) {
            for (String category : a.categories()) {
                Map<String, AttributeValue> item = CategoryEntryItem.of(a, category);
                items.putIfAbsent(key(item), item);
            }
        }
        for (String related : a.related()) {
            Map<String, AttributeValue> item = RelatedByItem.of(a.id(), related);
            items.put(key(item), item);
        }
        for (String mediaId : a.mediaIds()) {
            Map<String, AttributeValue> item = MediaUseItem.of(mediaId, a.id(), a.title());
            items.put(key(item), item);
        }
        return items;
    }

    /** The items of {@code before} that {@code after} no longer has. */
    static List<Map<String, AttributeValue>> removed(Map<String, Map<String, AttributeValue>> before,
                                                     Map<String, Map<String, AttributeValue>> after) {
        return before.entrySet().stream().filter(e -> !after.containsKey(e.getKey())).map(Map.Entry::getValue)
                .toList();
    }

    private static String key(Map<String, AttributeValue> item) {
        return item.get(PK).s() + "|" + item.get(SK).s();
    }
}
