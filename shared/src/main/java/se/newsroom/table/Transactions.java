package se.newsroom.table;

import java.util.List;
import java.util.Map;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/** The pieces of the stores' transactions on one table, and how to read why one was cancelled. */
final class Transactions {
    /** How often a transaction that lost a race with another one is tried again. */
    static final int MAX_CONFLICT_RETRIES = 5;

    private final String table;

    Transactions(String table) {
        this.table = table;
    }

    TransactWriteItem put(Map<String, AttributeValue> item) {
        return TransactWriteItem.builder().put(Put.builder().tableName(table).item(item).build()).build();
    }

    /** A put on condition that no item has its key yet. */
    TransactWriteItem putNew(Map<String, AttributeValue> item) {
        return TransactWriteItem.builder().put(Put.builder().tableName(table).item(item)
                .conditionExpression("attribute_not_exists(" + ContentTable.PK + ")").build()).build();
    }

    TransactWriteItem delete(Map<String, AttributeValue> key) {
        return TransactWriteItem.builder().delete(Delete.builder().tableName(table).key(key).build()).build();
    }

    /** Whether the item at {@code index} failed its condition. */
    static boolean failed(List<CancellationReason> reasons, int index) {
        return index >= 0 && index < reasons.size() && "ConditionalCheckFailed".equals(reasons.get(index).code());
    }

    /** Whether another transaction got in the way (worth trying again). */
    static boolean conflicted(List<CancellationReason> reasons) {
        return reasons.stream().anyMatch(r -> "TransactionConflict".equals(r.code()));
    }
}
