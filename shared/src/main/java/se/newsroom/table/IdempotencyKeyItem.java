package se.newsroom.table;

import static se.newsroom.table.ContentTable.EXPIRES_AT;
import static se.newsroom.table.ContentTable.TYPE;
import static se.newsroom.table.ContentTable.n;
import static se.newsroom.table.ContentTable.s;
import static se.newsroom.table.ContentTable.text;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import se.newsroom.content.IdempotencyKey;

/**
 * An editor's idempotency key: {@code IDEMPOTENCY#<editor>#<key>} / {@code K}, naming the article its create made
 * and the request's fingerprint. Written in the create's own transaction, so a retry finds either nothing (and
 * creates) or the article; expires after {@link #LIFETIME} (TTL), after which the key may be used again.
 */
final class IdempotencyKeyItem {
    static final String PREFIX = "IDEMPOTENCY#";
    static final String SORT_KEY = "K";
    static final String ARTICLE_ID = "articleId";
    static final String FINGERPRINT = "fingerprint";
    /** How long a key is remembered: a day, as the draft's examples suggest; retries come within minutes. */
    static final Duration LIFETIME = Duration.ofHours(24);

    private IdempotencyKeyItem() {
    }

    static Map<String, AttributeValue> key(IdempotencyKey key) {
        return ContentTable.key(PREFIX + key.owner() + "#" + key.key(), SORT_KEY);
    }

    static Map<String, AttributeValue> of(IdempotencyKey key, String articleId, Instant now) {
        Map<String, AttributeValue> item = new HashMap<>(key(key));
        item.put(TYPE, s("idempotency-key"));
        item.put(ARTICLE_ID, s(articleId));
        item.put(FINGERPRINT, s(key.fingerprint()));
        item.put(EXPIRES_AT, n(now.plus(LIFETIME).getEpochSecond()));
        return item;
    }

    /** The article a stored key names. */
    static String articleId(Map<String, AttributeValue> item) {
        return text(item, ARTICLE_ID);
    }

    /** The fingerprint of the request that stored the key. */
    static String fingerprint(Map<String, AttributeValue> item) {
        return text(item, FINGERPRINT);
    }
}
