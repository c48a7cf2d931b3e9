package se.newsroom.table;

import static se.newsroom.table.ContentTable.EXPIRES_AT;
import static se.newsroom.table.ContentTable.n;

import java.util.Map;

import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * One client's comment counters, by a salted hash of its address: {@code RATE#<hash>} / {@code LAST} (when it last
 * commented) and {@code RATE#<hash>} / {@code H#<hour>} (how often in that clock hour), both expiring by TTL. Each is
 * a conditional update in the comment's own transaction, so a refused comment counts for nothing.
 */
final class RateCounterItems {
    static final String PREFIX = "RATE#";

    private RateCounterItems() {
    }

    /** Records a comment at {@code epochSecond}, provided the client's last one is {@code floodSeconds} ago. */
    static Update last(String table, String clientHash, long epochSecond, int floodSeconds) {
        return Update.builder().tableName(table)
                .key(ContentTable.key(PREFIX + clientHash, "LAST"))
                .updateExpression("SET #at = :now, " + EXPIRES_AT + " = :ttl")
                .conditionExpression("attribute_not_exists(#at) OR #at <= :allowed")
                .expressionAttributeNames(Map.of("#at", "at"))
                .expressionAttributeValues(Map.of(":now", n(epochSecond), ":allowed", n(epochSecond - floodSeconds),
                        ":ttl", n(epochSecond + 3600))).build();
    }

    /** Counts a comment in clock hour {@code hour} (epoch hours), provided fewer than {@code perHour} are counted. */
    static Update hour(String table, String clientHash, long hour, int perHour) {
        return Update.builder().tableName(table)
                .key(ContentTable.key(PREFIX + clientHash, "H#" + hour))
                .updateExpression("ADD #n :one SET " + EXPIRES_AT + " = :ttl")
                .conditionExpression("attribute_not_exists(#n) OR #n < :max")
                .expressionAttributeNames(Map.of("#n", "count"))
                .expressionAttributeValues(Map.of(":one", n(1), ":max", n(perHour), ":ttl", n((hour + 2) * 3600)))
                .build();
    }
}
