package se.newsroom.table;

import static se.newsroom.table.ContentTable.PK;
import static se.newsroom.table.ContentTable.SK;
import static se.newsroom.table.ContentTable.TYPE;
import static se.newsroom.table.ContentTable.s;
import static se.newsroom.table.ContentTable.text;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import se.newsroom.content.PrivacyNotice;
import se.newsroom.content.Timestamps;

/**
 * The privacy notice an administrator saved: {@code SETTINGS#privacy} / {@code S}, with {@code markdown},
 * {@code updatedAt} and {@code version}. There is none until the first save; the site shows the default till then.
 */
public final class PrivacyNoticeItem {
    static final String PARTITION = "SETTINGS#privacy";
    static final String SORT = "S";
    static final String TYPE_NAME = "privacy-notice";
    static final String VERSION = "version";

    private PrivacyNoticeItem() {
    }

    static Map<String, AttributeValue> key() {
        return ContentTable.key(PARTITION, SORT);
    }

    /** Whether a stream record's keys are the notice's. */
    public static boolean isPrivacyNotice(Map<String, AttributeValue> keys) {
        return PARTITION.equals(text(keys, PK)) && SORT.equals(text(keys, SK));
    }

    /** The notice in a stream record's image; empty for no image. */
    public static Optional<PrivacyNotice> fromImage(Map<String, AttributeValue> image) {
        return image.isEmpty() ? Optional.empty() : Optional.of(fromItem(image));
    }

    static Map<String, AttributeValue> toItem(PrivacyNotice notice) {
        Map<String, AttributeValue> item = new HashMap<>(key());
        item.put(TYPE, s(TYPE_NAME));
        item.put("markdown", s(notice.markdown()));
        item.put("updatedAt", s(Timestamps.format(notice.updatedAt().orElseThrow())));
        item.put(VERSION, ContentTable.n(notice.version()));
        return item;
    }

    static PrivacyNotice fromItem(Map<String, AttributeValue> item) {
        return new PrivacyNotice(item.get("markdown").s(), Optional.of(Timestamps.parse(item.get("updatedAt").s())),
                Long.parseLong(item.get(VERSION).n()));
    }
}
