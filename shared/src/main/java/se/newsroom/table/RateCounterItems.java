package se.newsroom.table;

import static se.newsroom.table.ContentTable.EXPIRES_AT;
import static se.newsroom.table.ContentTable.n;

import java.util.Map;
import java.util.Optional;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * One client's comment counter, by a salted hash of its address: {@code RATE#<hash>} / {@code R}, holding when it
 * last commented ({@code last}, epoch seconds), the clock hour it counts in ({@code hour}, epoch hours) and how many
 * it posted in that hour ({@code count}); it expires by TTL once the hour and the flood interval are over. Both
 * limits are one conditional update of this one item.
 */
final class RateCounterItems {
    static final String PREFIX = "RATE#";
    static final String LAST = "last";
    static final String HOUR = "hour";
    static final String COUNT = "count";
    private static final Map<String, String> NAMES = Map.of("#last", LAST, "#hour", HOUR, "#count", COUNT);

    private RateCounterItems() {
    }

    static Map<String, AttributeValue> key(String clientHash) {
        return ContentTable.key(PREFIX + clientHash, "R");
    }

    /**
     * Starts the counter in {@code hour} with this post, provided the client has none yet or last counted in an
     * earlier hour, {@code floodSeconds} or more ago.
     */
    static UpdateItemRequest startHour(String table, String clientHash, long now, long hour, int floodSeconds) {
        return UpdateItemRequest.builder().tableName(table).key(key(clientHash))
                .updateExpression("SET #last = :now, #hour = :hour, #count = :one, " + EXPIRES_AT + " = :ttl")
                .conditionExpression("attribute_not_exists(#hour) OR (#hour < :hour AND #last <= :allowed)")
                .expressionAttributeNames(NAMES)
                .expressionAttributeValues(Map.of(":now", n(now), ":hour", n(hour), ":one", n(1),
                        ":allowed", n(now - floodSeconds), ":ttl", n(expiry(hour, floodSeconds))))
                .returnValues(ReturnValue.UPDATED_OLD)
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD).build();
    }

    /** Counts this post in the hour the counter is in, provided it is under {@code perHour} and not a flood. */
    static UpdateItemRequest countInHour(String table, String clientHash, long now, long hour, int floodSeconds,
                                         int perHour) {
        return UpdateItemRequest.builder().tableName(table).key(key(clientHash))
                .updateExpression("SET #last = :now, #count = #count + :one, " + EXPIRES_AT + " = :ttl")
                .conditionExpression("#hour = :hour AND #count < :max AND #last <= :allowed")
                .expressionAttributeNames(NAMES)
                .expressionAttributeValues(Map.of(":now", n(now), ":hour", n(hour), ":one", n(1),
                        ":max", n(perHour), ":allowed", n(now - floodSeconds),
                        ":ttl", n(expiry(hour, floodSeconds))))
                .returnValues(ReturnValue.UPDATED_OLD)
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD).build();
    }

    /**
     * Takes back a post counted at {@code now} that was then refused (a duplicate): the previous last time again and
     * one fewer in the hour, provided nothing was counted since.
     */
    static UpdateItemRequest giveBack(String table, String clientHash, long now, long previousLast) {
        return UpdateItemRequest.builder().tableName(table).key(key(clientHash))
                .updateExpression("SET #last = :previous, #count = #count - :one")
                .conditionExpression("#last = :now")
                .expressionAttributeNames(Map.of("#last", LAST, "#count", COUNT))
                .expressionAttributeValues(Map.of(":now", n(now), ":previous", n(previousLast), ":one", n(1)))
                .build();
    }

    /** A number attribute of a counter item, when it has one. */
    static Optional<Long> number(Map<String, AttributeValue> item, String name) {
        return Optional.ofNullable(item).map(i -> i.get(name)).map(AttributeValue::n).map(Long::parseLong);
    }

    private static long expiry(long hour, int floodSeconds) {
        return (hour + 1) * 3600 + floodSeconds;
    }
}
