package se.newsroom.table;

import static se.newsroom.table.ContentTable.APPROVED_KEY;
import static se.newsroom.table.ContentTable.APPROVED_SORT;
import static se.newsroom.table.ContentTable.PK;
import static se.newsroom.table.ContentTable.QUEUE_KEY;
import static se.newsroom.table.ContentTable.QUEUE_SORT;
import static se.newsroom.table.ContentTable.SK;
import static se.newsroom.table.ContentTable.TYPE;
import static se.newsroom.table.ContentTable.s;
import static se.newsroom.table.ContentTable.text;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import se.newsroom.content.Comment;
import se.newsroom.content.CommentStatus;
import se.newsroom.content.CommentStore.Hashes;
import se.newsroom.content.Timestamps;

/**
 * A reader's comment: {@code ARTICLE#<article id>} / {@code C#<comment id>} (ULIDs, so an article's comments sort by
 * time), with the hashes of its email and client address (never the clear values). A pending comment carries the
 * sparse ModerationQueue keys, an approved one the sparse ApprovedComments keys (so the site reads approved comments
 * only). Beside it: its {@link ErasureMarkerItem} (also its duplicate check) and the client's {@link RateCounterItems}.
 *
 * <p>The newsroom's own reply ({@link Comment#staff()}) has no hashes and no marker, and carries {@code staff = true}.
 * Its ApprovedComments sort key is its id followed by {@code #staff}, so the site, which reads comments from that
 * index, sees the marking: keys are always projected, while the index's projected attributes are fixed (CloudFormation
 * cannot change an index's projection in place). Ids are ULIDs of one length, so the suffix keeps the order.
 */
public final class CommentItem {
    static final String SORT_PREFIX = "C#";
    static final String TYPE_NAME = "comment";
    static final String STATUS = "status";
    static final String EMAIL_HASH = "emailHash";
    static final String DUPLICATE_HASH = "duplicateHash";
    static final String STAFF = "staff";
    /** What ends a staff reply's ApprovedComments sort key. */
    static final String STAFF_SORT_SUFFIX = "#staff";

    private CommentItem() {
    }

    static Map<String, AttributeValue> key(String articleId, String commentId) {
        return ContentTable.key(ArticleItem.PREFIX + articleId, SORT_PREFIX + commentId);
    }

    /** The article of a comment, when a stream record's keys are a comment's. */
    public static Optional<String> articleIdOf(Map<String, AttributeValue> keys) {
        String pk = text(keys, PK);
        return pk.startsWith(ArticleItem.PREFIX) && text(keys, SK).startsWith(SORT_PREFIX)
                ? Optional.of(pk.substring(ArticleItem.PREFIX.length()))
                : Optional.empty();
    }

    /** The comment in a stream record's image; empty for no image (posted or erased). */
    public static Optional<Comment> fromImage(Map<String, AttributeValue> image) {
        return image.isEmpty() ? Optional.empty() : Optional.of(fromItem(image));
    }

    /** A reader's comment, with the hashes that stand for its commenter. */
    static Map<String, AttributeValue> toItem(Comment c, Hashes hashes) {
        if (c.staff()) {
            throw new IllegalArgumentException("A staff reply has no commenter's hashes: use toStaffItem");
        }
        Map<String, AttributeValue> item = toItem(c);
        item.put(EMAIL_HASH, s(hashes.email()));
        item.put("clientHash", s(hashes.client()));
        item.put(DUPLICATE_HASH, s(hashes.duplicate()));
        return item;
    }

    /** The newsroom's own reply: marked, without any hash (there is no reader's address behind it). */
    static Map<String, AttributeValue> toStaffItem(Comment c) {
        if (!c.staff()) {
            throw new IllegalArgumentException("A reader's comment is stored with its hashes: use toItem");
        }
        Map<String, AttributeValue> item = toItem(c);
        item.put(STAFF, AttributeValue.fromBool(true));
        return item;
    }

    /** The sort key of a comment in ApprovedComments: its id, marked when it is a staff reply. */
    static String approvedSort(String commentId, boolean staff) {
        return staff ? commentId + STAFF_SORT_SUFFIX : commentId;
    }

    private static Map<String, AttributeValue> toItem(Comment c) {
        Map<String, AttributeValue> item = new HashMap<>(key(c.articleId(), c.id()));
        item.put(TYPE, s(TYPE_NAME));
        item.put("id", s(c.id()));
        item.put("articleId", s(c.articleId()));
        c.parentId().ifPresent(p -> item.put("parentId", s(p)));
        item.put("author", s(c.author()));
        item.put("body", s(c.body()));
        item.put(STATUS, s(c.status().wireName()));
        item.put("createdAt", s(Timestamps.format(c.createdAt())));
        item.put("depth", ContentTable.n(c.depth()));
        if (c.status() == CommentStatus.PENDING) {
            item.put(QUEUE_KEY, s(CommentStatus.PENDING.wireName()));
            item.put(QUEUE_SORT, s(c.id()));
        }
        if (c.status() == CommentStatus.APPROVED) {
            item.put(APPROVED_KEY, s(c.articleId()));
            item.put(APPROVED_SORT, s(approvedSort(c.id(), c.staff())));
        }
        return item;
    }

    static Comment fromItem(Map<String, AttributeValue> item) {
        return new Comment(item.get("id").s(), item.get("articleId").s(),
                Optional.ofNullable(item.get("parentId")).map(AttributeValue::s).filter(p -> !p.isEmpty()),
                item.get("author").s(), item.get("body").s(),
                CommentStatus.fromWireName(item.get(STATUS).s()).orElseThrow(),
                Timestamps.parse(item.get("createdAt").s()), Integer.parseInt(item.get("depth").n()), isStaff(item));
    }

    /** Whether an item (or its ApprovedComments projection, which holds the marked sort key) is a staff reply. */
    static boolean isStaff(Map<String, AttributeValue> item) {
        AttributeValue staff = item.get(STAFF);
        return staff != null && Boolean.TRUE.equals(staff.bool())
                || text(item, APPROVED_SORT).endsWith(STAFF_SORT_SUFFIX);
    }

    /** The hash of the commenter's email address, which names its erasure marker. */
    static String emailHash(Map<String, AttributeValue> item) {
        return item.get(EMAIL_HASH).s();
    }

    /** The hash its erasure marker is keyed by (empty only for comments stored before markers were keyed by it). */
    static Optional<String> duplicateHash(Map<String, AttributeValue> item) {
        return Optional.ofNullable(item.get(DUPLICATE_HASH)).map(AttributeValue::s);
    }
}
