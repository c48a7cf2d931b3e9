package se.newsroom.table;

import static se.newsroom.table.ContentTable.PK;
import static se.newsroom.table.ContentTable.SK;
import static se.newsroom.table.ContentTable.TYPE;
import static se.newsroom.table.ContentTable.s;

import java.util.HashMap;
import java.util.Map;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import se.newsroom.content.MediaStore.MediaUse;

/**
 * A "used by" marker: {@code MEDIA#<media id>} / {@code USEDBY#<article id>}, written in the transaction of each
 * article save that uses the picture (as its image or in its body), so that deleting the picture finds its articles.
 */
final class MediaUseItem {
    static final String SORT_PREFIX = "USEDBY#";
    private static final String ARTICLE_ID = "articleId";
    private static final String TITLE = "title";

    private MediaUseItem() {
    }

    /** The marker that {@code articleId}, titled {@code title}, uses {@code mediaId}. */
    static Map<String, AttributeValue> of(String mediaId, String articleId, String title) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(PK, s(MediaItem.PREFIX + mediaId));
        item.put(SK, s(SORT_PREFIX + articleId));
        item.put(TYPE, s("media-use"));
        item.put(ARTICLE_ID, s(articleId));
        item.put(TITLE, s(title));
        return item;
    }

    static MediaUse fromItem(Map<String, AttributeValue> item) {
        return new MediaUse(item.get(ARTICLE_ID).s(), ContentTable.text(item, TITLE));
    }
}
