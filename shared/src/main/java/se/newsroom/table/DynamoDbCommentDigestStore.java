package se.newsroom.table;

import static se.newsroom.table.ContentTable.MODERATION_QUEUE;
import static se.newsroom.table.ContentTable.QUEUE_KEY;
import static se.newsroom.table.ContentTable.QUEUE_SORT;
import static se.newsroom.table.ContentTable.TYPE;
import static se.newsroom.table.ContentTable.s;
import static se.newsroom.table.ContentTable.text;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

import se.newsroom.content.CommentDigestStore;
import se.newsroom.content.CommentStatus;
import se.newsroom.content.Timestamps;

/**
 * The comment digest on the content table: the waiting comments from the ModerationQueue index (its partition
 * {@code pending}, sorted by comment id), the watermark in {@link DigestWatermarkItem}, moved by conditional updates.
 */
public final class DynamoDbCommentDigestStore implements CommentDigestStore {
    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbCommentDigestStore(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    @Override
    public Watermark watermark() {
        Map<String, AttributeValue> item = dynamoDb.getItem(r -> r.tableName(table).key(DigestWatermarkItem.key())
                .consistentRead(true)).item();
        return item == null || item.isEmpty() ? Watermark.NONE : DigestWatermarkItem.fromItem(item);
    }

    @Override
    public List<Waiting> waiting(Watermark after, String upTo) {
        Map<String, String> names = Map.of("#q", QUEUE_KEY, "#qs", QUEUE_SORT, "#id", "id",
                "#ar", "articleId", "#cr", "createdAt");
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":pending", s(CommentStatus.PENDING.wireName()),
                ":upTo", s(upTo)));
        // One condition on the sort key: BETWEEN is inclusive, so the comment the watermark names is dropped below.
        String sortCondition = after.after().map(a -> {
            values.put(":after", s(a));
            return "#qs BETWEEN :after AND :upTo";
        }).orElse("#qs <= :upTo");
        QueryRequest query = QueryRequest.builder().tableName(table).indexName(MODERATION_QUEUE)
                .keyConditionExpression("#q = :pending AND " + sortCondition)
                .projectionExpression("#id, #ar, #cr")
                .expressionAttributeNames(names).expressionAttributeValues(values)
                .scanIndexForward(true).build();
        return dynamoDb.queryPaginator(query).items().stream()
                .filter(item -> after.after().map(a -> !a.equals(text(item, "id"))).orElse(true))
                .map(item -> new Waiting(text(item, "id"), text(item, "articleId"),
                        Timestamps.parse(text(item, "createdAt"))))
                .toList();
    }

    @Override
    public boolean advance(Watermark from, String to, Instant at) {
        return move(from.after().map(s -> "#after = :now").orElse("attribute_not_exists(#after)"),
                from.after().orElse(null), "SET #after = :next, #type = :type, #at = :at", to, at);
    }

    @Override
    public boolean giveBack(String to, Watermark from, Instant at) {
        return move("#after = :now", to, from.after().map(a -> "SET #after = :next, #at = :at")
                .orElse("REMOVE #after SET #at = :at"), from.after().orElse(null), at);
    }

    /**
     * One conditional update of the watermark; false when its condition failed.
     *
     * @param now  what the watermark must hold for the update ({@code :now}); null when it must hold nothing
     * @param next what it is set to ({@code :next}); null when the update removes it
     */
    private boolean move(String condition, String now, String update, String next, Instant at) {
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":at", s(Timestamps.format(at))));
        if (now != null) {
            values.put(":now", s(now));
        }
        if (next != null) {
            values.put(":next", DigestWatermarkItem.value(next));
        }
        Map<String, String> names = new HashMap<>(Map.of("#after", DigestWatermarkItem.AFTER,
                "#at", DigestWatermarkItem.MOVED_AT));
        if (update.contains("#type")) {
            names.put("#type", TYPE);
            values.put(":type", s(DigestWatermarkItem.TYPE_NAME));
        }
        try {
            dynamoDb.updateItem(r -> r.tableName(table).key(DigestWatermarkItem.key()).updateExpression(update)
                    .conditionExpression(condition).expressionAttributeNames(names)
                    .expressionAttributeValues(values));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }
}
