package se.newsroom.table;

import static se.newsroom.table.ContentTable.AUDIT_EDITOR;
import static se.newsroom.table.ContentTable.AUDIT_SORT;
import static se.newsroom.table.ContentTable.PK;
import static se.newsroom.table.ContentTable.TYPE;
import static se.newsroom.table.ContentTable.s;
import static se.newsroom.table.ContentTable.text;

import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

import se.newsroom.content.AuditAction;
import se.newsroom.content.AuditEntry;
import se.newsroom.content.Timestamps;

/**
 * One audit log entry: {@code AUDIT#ARTICLE#<article id>} (an article's and its comments' actions) or
 * {@code AUDIT#ERASURES}, sort key {@code <at>#<random>}, with the AuditByEditor keys ({@code auditEditor} = the
 * editor's id, {@code auditSort} = the sort key). Put only on the condition that the key is new, and the writing
 * functions' IAM roles may not update or delete an {@code AUDIT#} item. IAM cannot see a condition expression, so a
 * put over an existing key is refused by this code's condition, not by AWS (the README says so).
 */
public final class AuditItem {
    static final String PREFIX = "AUDIT#";
    static final String ARTICLE_PREFIX = PREFIX + "ARTICLE#";
    static final String ERASURES = PREFIX + "ERASURES";
    static final String TYPE_NAME = "audit";

    private AuditItem() {
    }

    /** The put of {@code entry} into {@code table}, for the transaction of the change it records. */
    public static TransactWriteItem put(String table, AuditEntry entry) {
        return TransactWriteItem.builder().put(newPut(table, entry)).build();
    }

    /** A put of {@code entry} on the condition that its key is new (never a rewrite of an entry). */
    static Put newPut(String table, AuditEntry entry) {
        return Put.builder().tableName(table).item(toItem(entry))
                .conditionExpression("attribute_not_exists(" + PK + ")").build();
    }

    /** The partition of an article's entries. */
    static String partition(String articleId) {
        return ARTICLE_PREFIX + articleId;
    }

    /** Whether a stream record's keys are an audit entry's (which no page shows). */
    public static boolean isAudit(Map<String, AttributeValue> keys) {
        return text(keys, PK).startsWith(PREFIX);
    }

    static Map<String, AttributeValue> toItem(AuditEntry e) {
        String sort = Timestamps.format(e.at()) + "#"
                + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
        Map<String, AttributeValue> item = new HashMap<>(ContentTable.key(
                e.articleId().map(AuditItem::partition).orElse(ERASURES), sort));
        item.put(TYPE, s(TYPE_NAME));
        item.put("action", s(e.action().wireName()));
        item.put("editor", s(e.editor()));
        item.put("editorName", s(e.editorName()));
        item.put("at", s(Timestamps.format(e.at())));
        e.articleId().ifPresent(id -> item.put("articleId", s(id)));
        e.commentId().ifPresent(id -> item.put("commentId", s(id)));
        e.version().ifPresent(v -> item.put("version", ContentTable.n(v)));
        e.count().ifPresent(c -> item.put("count", ContentTable.n(c)));
        item.put(AUDIT_EDITOR, s(e.editor()));
        item.put(AUDIT_SORT, s(sort));
        return item;
    }

    static AuditEntry fromItem(Map<String, AttributeValue> item) {
        return new AuditEntry(Timestamps.parse(text(item, "at")),
                AuditAction.fromWireName(text(item, "action")).orElseThrow(() -> new IllegalStateException(
                        "Unknown audit action in " + text(item, PK))),
                text(item, "editor"), text(item, "editorName"),
                Optional.ofNullable(item.get("articleId")).map(AttributeValue::s),
                Optional.ofNullable(item.get("commentId")).map(AttributeValue::s),
                Optional.ofNullable(item.get("version")).map(v -> Long.parseLong(v.n())),
                Optional.ofNullable(item.get("count")).map(v -> Integer.parseInt(v.n())));
    }
}
