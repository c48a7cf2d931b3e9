package se.newsroom.render.stream;

import java.util.Map;
import java.util.Optional;

import se.newsroom.article.dynamodb.ArticleItems;
import se.newsroom.article.dynamodb.ContentTable;
import se.newsroom.render.plan.Change;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** What a stream record means for the site: an article or a comment changed, or nothing the site shows. */
public final class Changes {
    private Changes() {
    }

    /** The change a record carries; empty for slug claims, index entries, rate counters. */
    public static Optional<Change> of(StreamRecord record) {
        String pk = text(record.keys(), ContentTable.PK);
        String sk = text(record.keys(), ContentTable.SK);
        if (!pk.startsWith(ContentTable.ARTICLE_PREFIX)) {
            return Optional.empty();
        }
        if (sk.equals("A")) {
            return Optional.of(new Change.ArticleChanged(article(record.oldImage()), article(record.newImage())));
        }
        if (sk.startsWith("C#")) {
            return Optional.of(new Change.CommentChanged(pk.substring(ContentTable.ARTICLE_PREFIX.length())));
        }
        return Optional.empty();
    }

    private static Optional<se.newsroom.article.Article> article(Map<String, AttributeValue> image) {
        return image.isEmpty() ? Optional.empty() : Optional.of(ArticleItems.fromItem(image));
    }

    private static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || value.s() == null ? "" : value.s();
    }
}
