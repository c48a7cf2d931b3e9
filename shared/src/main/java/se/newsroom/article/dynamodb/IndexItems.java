package se.newsroom.article.dynamodb;

import static se.newsroom.article.dynamodb.ArticleItems.s;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import se.newsroom.article.Article;
import se.newsroom.article.ArticleStatus;
import se.newsroom.article.Categories;
import se.newsroom.article.Timestamps;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The items an article keeps beside itself, written in the same transaction, so that rendering can find what an
 * event touches without scanning: one entry per category of a published article ({@code CATEGORY#<slug>}, newest
 * last by sort key), and one "related by" marker in each related article's partition, which tells rendering which
 * pages list an article under "Läs mer" when its title changes.
 */
public final class IndexItems {
    public static final String CATEGORY_PREFIX = "CATEGORY#";
    public static final String RELATED_BY_PREFIX = "RELATEDBY#";

    private IndexItems() {
    }

    /** The index items of an article, by their key ("PK|SK"). */
    static Map<String, Map<String, AttributeValue>> of(Article a) {
        Map<String, Map<String, AttributeValue>> items = new LinkedHashMap<>();
        if (a.status() == ArticleStatus.PUBLISHED && a.publishedAt().isPresent()) {
            String date = Timestamps.format(a.publishedAt().get());
            for (String category : a.categories()) {
                Map<String, AttributeValue> item = new HashMap<>();
                item.put(ContentTable.PK, s(CATEGORY_PREFIX + Categories.slug(category)));
                item.put(ContentTable.SK, s(date + "#" + a.id()));
                item.put("type", s("category-entry"));
                item.put("category", s(category));
                item.put("articleId", s(a.id()));
                item.put("slug", s(a.slug()));
                item.put("title", s(a.title()));
                item.put("summary", s(a.summary()));
                item.put("publishedAt", s(date));
                items.putIfAbsent(key(item), item);
            }
        }
        for (String related : a.related()) {
            Map<String, AttributeValue> item = new HashMap<>();
            item.put(ContentTable.PK, s(ContentTable.ARTICLE_PREFIX + related));
            item.put(ContentTable.SK, s(RELATED_BY_PREFIX + a.id()));
            item.put("type", s("related-by"));
            item.put("articleId", s(a.id()));
            items.put(key(item), item);
        }
        return items;
    }

    /** The key attributes of an index item. */
    static Map<String, AttributeValue> keyOf(Map<String, AttributeValue> item) {
        return Map.of(ContentTable.PK, item.get(ContentTable.PK), ContentTable.SK, item.get(ContentTable.SK));
    }

    /** The items of {@code before} that {@code after} no longer has. */
    static List<Map<String, AttributeValue>> removed(Map<String, Map<String, AttributeValue>> before,
                                                     Map<String, Map<String, AttributeValue>> after) {
        return before.entrySet().stream().filter(e -> !after.containsKey(e.getKey())).map(Map.Entry::getValue)
                .toList();
    }

    private static String key(Map<String, AttributeValue> item) {
        return item.get(ContentTable.PK).s() + "|" + item.get(ContentTable.SK).s();
    }
}
