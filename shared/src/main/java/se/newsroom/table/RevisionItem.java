package se.newsroom.table;

import static se.newsroom.table.ContentTable.PK;
import static se.newsroom.table.ContentTable.SK;
import static se.newsroom.table.ContentTable.STATUS_KEY;
import static se.newsroom.table.ContentTable.STATUS_SORT;
import static se.newsroom.table.ContentTable.TYPE;
import static se.newsroom.table.ContentTable.s;
import static se.newsroom.table.ContentTable.text;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import se.newsroom.content.Article;
import se.newsroom.content.AuditAction;
import se.newsroom.content.Change;
import se.newsroom.content.Revision;
import se.newsroom.content.Timestamps;

/**
 * One saved version of an article: {@code ARTICLE#<id>} / {@code R#<version, 19 digits>}, the article's attributes
 * as {@link ArticleItem} maps them (without its index keys, so it is in no listing), with who saved it, when, as
 * what, and which fields changed. Written in the save's own transaction; an article keeps its newest
 * {@link se.newsroom.content.ArticleStore#KEPT_REVISIONS}, and keeps them after it is deleted.
 */
public final class RevisionItem {
    static final String SORT_PREFIX = "R#";
    static final String TYPE_NAME = "revision";
    static final String SAVED_BY = "savedBy";
    static final String SAVED_BY_NAME = "savedByName";
    static final String SAVED_AT = "savedAt";
    static final String ACTION = "action";
    static final String CHANGED = "changed";
    static final String CORRECTION = "correction";
    static final String RESTORED_FROM = "restoredFrom";
    /** What a listing of revisions reads: everything but the article. */
    static final Map<String, String> LISTED_NAMES = Map.of("#v", ArticleItem.VERSION, "#by", SAVED_BY,
            "#bn", SAVED_BY_NAME, "#at", SAVED_AT, "#ac", ACTION, "#ch", CHANGED, "#co", CORRECTION,
            "#rf", RESTORED_FROM, "#pk", PK, "#sk", SK);
    static final String LISTED_PROJECTION = String.join(", ", LISTED_NAMES.keySet());

    private RevisionItem() {
    }

    static Map<String, AttributeValue> key(String articleId, long version) {
        return ContentTable.key(ArticleItem.PREFIX + articleId, sortKey(version));
    }

    /** {@code R#} and the version in 19 digits, so that revisions sort by version. */
    static String sortKey(long version) {
        return SORT_PREFIX + String.format(Locale.ROOT, "%019d", version);
    }

    /** Whether a stream record's keys are a revision's (which no page shows). */
    public static boolean isRevision(Map<String, AttributeValue> keys) {
        return text(keys, PK).startsWith(ArticleItem.PREFIX) && text(keys, SK).startsWith(SORT_PREFIX);
    }

    /** The revision of {@code article} (as saved) made by {@code change}, naming the {@code changed} fields. */
    static Map<String, AttributeValue> toItem(Article article, Change change, List<String> changed) {
        Map<String, AttributeValue> item = new HashMap<>(ArticleItem.toItem(article));
        item.remove(STATUS_KEY);
        item.remove(STATUS_SORT);
        item.putAll(key(article.id(), article.version()));
        item.put(TYPE, s(TYPE_NAME));
        item.put(SAVED_BY, s(change.editor()));
        item.put(SAVED_BY_NAME, s(change.editorName()));
        item.put(SAVED_AT, s(Timestamps.format(article.updatedAt())));
        item.put(ACTION, s(change.action().wireName()));
        item.put(CHANGED, AttributeValue.fromL(changed.stream().map(AttributeValue::fromS).toList()));
        change.correction().ifPresent(note -> item.put(CORRECTION, s(note)));
        change.restoredFrom().ifPresent(v -> item.put(RESTORED_FROM, ContentTable.n(v)));
        return item;
    }

    /** A revision with its article, from the whole item. */
    static Revision fromItem(Map<String, AttributeValue> item) {
        return meta(item, Optional.of(ArticleItem.fromItem(item)));
    }

    /** A revision without its article, from an item read with {@link #LISTED_PROJECTION}. */
    static Revision listedFromItem(Map<String, AttributeValue> item) {
        return meta(item, Optional.empty());
    }

    private static Revision meta(Map<String, AttributeValue> item, Optional<Article> article) {
        AttributeValue changed = item.get(CHANGED);
        return new Revision(Long.parseLong(item.get(ArticleItem.VERSION).n()),
                Timestamps.parse(text(item, SAVED_AT)), text(item, SAVED_BY), text(item, SAVED_BY_NAME),
                AuditAction.fromWireName(text(item, ACTION)).orElse(AuditAction.EDIT),
                changed == null || !changed.hasL() ? List.of() : changed.l().stream().map(AttributeValue::s).toList(),
                Optional.ofNullable(item.get(CORRECTION)).map(AttributeValue::s),
                Optional.ofNullable(item.get(RESTORED_FROM)).map(v -> Long.parseLong(v.n())), article);
    }
}
