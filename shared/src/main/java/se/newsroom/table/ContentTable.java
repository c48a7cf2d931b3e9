package se.newsroom.table;

import java.util.Map;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The content table's keys and indexes, as template.yaml declares them (a test holds the two together). Every item
 * type's layout is one mapper in this package: {@link ArticleItem}, {@link SlugClaimItem}, {@link CategoryEntryItem},
 * {@link RelatedByItem}, {@link CommentItem}, {@link ErasureMarkerItem}, {@link RateCounterItems},
 * {@link IdempotencyKeyItem}, {@link MediaItem}, {@link MediaUseItem}, {@link PrivacyNoticeItem},
 * {@link RevisionItem}, {@link AuditItem}; docs/architecture.md draws the whole table.
 */
public final class ContentTable {
    /** The table's logical id in template.yaml; the deployed name comes from TABLE_NAME. */
    public static final String TEMPLATE_RESOURCE = "ContentTable";
    public static final String PK = "PK";
    public static final String SK = "SK";
    /** Every item names its type, e.g. {@code article} or {@code comment}: what a scan filters on. */
    static final String TYPE = "type";
    /** Index of articles by status, sorted by the date that matters for that status; bodies not projected. */
    public static final String ARTICLES_BY_STATUS = "ArticlesByStatus";
    static final String STATUS_KEY = "statusKey";
    static final String STATUS_SORT = "statusSort";
    /** Sparse index of pending comments, oldest first; its partition {@code media} is the media library. */
    public static final String MODERATION_QUEUE = "ModerationQueue";
    static final String QUEUE_KEY = "queueKey";
    static final String QUEUE_SORT = "queueSort";
    /** Sparse index of approved comments by article, oldest first: what the site shows, and nothing else. */
    public static final String APPROVED_COMMENTS = "ApprovedComments";
    static final String APPROVED_KEY = "approvedKey";
    static final String APPROVED_SORT = "approvedSort";
    /** Index of the audit log by editor, newest last: {@code auditEditor} = the editor's id. */
    public static final String AUDIT_BY_EDITOR = "AuditByEditor";
    static final String AUDIT_EDITOR = "auditEditor";
    static final String AUDIT_SORT = "auditSort";
    /** The TTL attribute (epoch seconds). */
    public static final String EXPIRES_AT = "expiresAt";

    private ContentTable() {
    }

    static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of(PK, s(pk), SK, s(sk));
    }

    /** The key attributes of an item. */
    static Map<String, AttributeValue> keyOf(Map<String, AttributeValue> item) {
        return Map.of(PK, item.get(PK), SK, item.get(SK));
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    /** A string attribute, or "" when the item lacks it. */
    static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || value.s() == null ? "" : value.s();
    }
}
