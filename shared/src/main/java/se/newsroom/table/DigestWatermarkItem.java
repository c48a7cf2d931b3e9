package se.newsroom.table;

import static se.newsroom.table.ContentTable.s;

import java.util.Map;
import java.util.Optional;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import se.newsroom.content.CommentDigestStore.Watermark;

/**
 * The moderators' comment digest's watermark: {@code DIGEST#comments} / {@code D}, {@code after} = the id of the
 * newest pending comment a digest has told of, {@code movedAt} = when. One item; only the digest writes it, always
 * on the condition that it still holds what that run read.
 */
final class DigestWatermarkItem {
    static final String PARTITION = "DIGEST#comments";
    static final String SORT_KEY = "D";
    static final String TYPE_NAME = "digest-watermark";
    static final String AFTER = "after";
    static final String MOVED_AT = "movedAt";

    private DigestWatermarkItem() {
    }

    static Map<String, AttributeValue> key() {
        return ContentTable.key(PARTITION, SORT_KEY);
    }

    /** The watermark an item holds; none for no item, or one given back to before the first digest. */
    static Watermark fromItem(Map<String, AttributeValue> item) {
        return new Watermark(Optional.ofNullable(item.get(AFTER)).map(AttributeValue::s).filter(a -> !a.isEmpty()));
    }

    static AttributeValue value(String after) {
        return s(after);
    }
}
