package se.newsroom.table;

import static se.newsroom.table.ContentTable.PK;
import static se.newsroom.table.ContentTable.SK;
import static se.newsroom.table.ContentTable.TYPE;
import static se.newsroom.table.ContentTable.s;

import java.util.HashMap;
import java.util.Map;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import se.newsroom.content.Article;
import se.newsroom.content.Categories;
import se.newsroom.content.CategoryEntry;
import se.newsroom.content.Timestamps;

/**
 * A published article's entry in one of its categories: {@code CATEGORY#<category slug>} /
 * {@code <publishedAt>#<article id>} (newest last), carrying what the category's page lists: its featured image
 * too, for the thumbnail (an entry written before it carried one lists the article without).
 */
final class CategoryEntryItem {
    static final String PREFIX = "CATEGORY#";

    private CategoryEntryItem() {
    }

    /** The partition of a category's entries. */
    static String partition(String categorySlug) {
        return PREFIX + categorySlug;
    }

    static Map<String, AttributeValue> of(Article a, String category) {
        CategoryEntry entry = CategoryEntry.of(a, category);
        // As ever written: a delete must find the entry of an article an older version dated beyond year 9999. A new
        // entry is only ever written beside its article, whose own item refuses such a date (ArticleItem.toItem).
        String date = Timestamps.formatAsEverWritten(entry.publishedAt());
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(PK, s(partition(Categories.slug(category))));
        item.put(SK, s(date + "#" + entry.articleId()));
        item.put(TYPE, s("category-entry"));
        item.put("category", s(entry.category()));
        item.put("articleId", s(entry.articleId()));
        item.put("slug", s(entry.slug()));
        item.put("title", s(entry.title()));
        item.put("summary", s(entry.summary()));
        item.put("publishedAt", s(date));
        entry.image().ifPresent(i -> item.put(ArticleItem.IMAGE, ArticleItem.image(i)));
        return item;
    }

    static CategoryEntry fromItem(Map<String, AttributeValue> item) {
        return new CategoryEntry(item.get("articleId").s(), item.get("slug").s(), item.get("title").s(),
                item.get("summary").s(), item.get("category").s(), Timestamps.parse(item.get("publishedAt").s()),
                ArticleItem.image(item));
    }
}
