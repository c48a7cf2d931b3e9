package se.newsroom.table;

import static se.newsroom.table.ContentTable.PK;
import static se.newsroom.table.ContentTable.QUEUE_KEY;
import static se.newsroom.table.ContentTable.QUEUE_SORT;
import static se.newsroom.table.ContentTable.SK;
import static se.newsroom.table.ContentTable.TYPE;
import static se.newsroom.table.ContentTable.n;
import static se.newsroom.table.ContentTable.s;
import static se.newsroom.table.ContentTable.text;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import se.newsroom.content.Media;
import se.newsroom.content.MediaStatus;
import se.newsroom.content.MediaVariant;
import se.newsroom.content.Timestamps;

/**
 * A picture of the media library: {@code MEDIA#<id>} / {@code MEDIA}, listed newest first through the sparse
 * ModerationQueue index under its own partition value {@code media} (sorted by the id, a ULID). Its partition also
 * holds a {@link MediaUseItem} per article that uses it. {@code useVersion} counts the saves of articles that
 * started using it, so that a delete can check that none did between its read of the uses and its write.
 */
public final class MediaItem {
    static final String PREFIX = "MEDIA#";
    static final String SORT = "MEDIA";
    static final String TYPE_NAME = "media";
    /** The ModerationQueue partition value of the library (comments use {@code pending}). */
    static final String LIBRARY = "media";
    static final String STATUS = "status";
    static final String USE_VERSION = "useVersion";

    private MediaItem() {
    }

    static Map<String, AttributeValue> key(String id) {
        return ContentTable.key(PREFIX + id, SORT);
    }

    /** The media id, when a stream record's keys are a library item's. */
    public static Optional<String> idOf(Map<String, AttributeValue> keys) {
        String pk = text(keys, PK);
        return pk.startsWith(PREFIX) && SORT.equals(text(keys, SK))
                ? Optional.of(pk.substring(PREFIX.length()))
                : Optional.empty();
    }

    static Map<String, AttributeValue> toItem(Media m) {
        Map<String, AttributeValue> item = new HashMap<>(key(m.id()));
        item.put(TYPE, s(TYPE_NAME));
        item.put("id", s(m.id()));
        item.put(STATUS, s(m.status().wireName()));
        item.put("fileName", s(m.fileName()));
        item.put("contentType", s(m.contentType()));
        item.put("size", n(m.size()));
        item.put("uploader", s(m.uploader()));
        item.put("createdAt", s(Timestamps.format(m.createdAt())));
        item.put("width", n(m.width()));
        item.put("height", n(m.height()));
        item.put("variants", variants(m.variants()));
        item.put("alt", s(m.alt()));
        item.put("caption", s(m.caption()));
        item.put("credit", s(m.credit()));
        item.put("reason", s(m.reason()));
        item.put(USE_VERSION, n(0));
        item.put(QUEUE_KEY, s(LIBRARY));
        item.put(QUEUE_SORT, s(m.id()));
        return item;
    }

    static AttributeValue variants(List<MediaVariant> variants) {
        return AttributeValue.fromL(variants.stream().map(v -> AttributeValue.fromM(Map.of(
                "width", n(v.width()), "height", n(v.height()), "key", s(v.key()),
                "contentType", s(v.contentType()), "bytes", n(v.bytes())))).toList());
    }

    /** The library item in a stream record's image; empty for no image (created or deleted). */
    public static Optional<Media> fromImage(Map<String, AttributeValue> image) {
        return image.isEmpty() ? Optional.empty() : Optional.of(fromItem(image));
    }

    static Media fromItem(Map<String, AttributeValue> item) {
        AttributeValue variants = item.get("variants");
        List<MediaVariant> list = variants == null || !variants.hasL() ? List.of() : variants.l().stream()
                .map(AttributeValue::m)
                .map(v -> new MediaVariant(number(v, "width"), number(v, "height"), v.get("key").s(),
                        v.get("contentType").s(), Long.parseLong(v.get("bytes").n())))
                .toList();
        return new Media(item.get("id").s(), MediaStatus.fromWireName(item.get(STATUS).s()).orElseThrow(),
                text(item, "fileName"), text(item, "contentType"), Long.parseLong(item.get("size").n()),
                text(item, "uploader"), Timestamps.parse(item.get("createdAt").s()), number(item, "width"),
                number(item, "height"), list, text(item, "alt"), text(item, "caption"), text(item, "credit"),
                text(item, "reason"));
    }

    static long useVersion(Map<String, AttributeValue> item) {
        AttributeValue v = item.get(USE_VERSION);
        return v == null || v.n() == null ? 0 : Long.parseLong(v.n());
    }

    private static int number(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null || v.n() == null ? 0 : Integer.parseInt(v.n());
    }
}
