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
 */
public final class CommentItem {
    static final String SORT_PREFIX = "C#";
    static final String TYPE_NAME = "comment";
    static final String STATUS = "status";
    static final String EMAIL_HASH = "emailHash";
    static final String DUPLICATE_HASH = "duplicateHash";

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

    static Map<String, AttributeValue> toItem(Comment c, Hashes hashes) {
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
        item.put(EMAIL_HASH, s(hashes.email()));
        item.put("clientHash", s(hashes.client()));
        item.put(DUPLICATE_HASH, s(hashes.duplicate()));
        if (c.status() == CommentStatus.PENDING) {
            item.put(QUEUE_KEY, s(CommentStatus.PENDING.wireName()));
            item.put(QUEUE_SORT, s(c.id()));
        }
        if (c.status() == CommentStatus.APPROVED) {
            item.put(APPROVED_KEY, s(c.articleId()));
            item.put(APPROVED_SORT, s(c.id()));
        }
        return item;
    }

    static Comment fromItem(Map<String, AttributeValue> item) {
        return new Comment(item.get("id").s(), item.get("articleId").s(),
                Optional.ofNullable(item.get("parentId")).map(AttributeValue::s).filter(p -> !p.isEmpty()),
                item.get("author").s(), item.get("body").s(),
                CommentStatus.fromWireName(item.get(STATUS).s()).orElseThrow(),
                Timestamps.parse(item.get("createdAt").s()), Integer.parseInt(item.get("depth").n()));
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
