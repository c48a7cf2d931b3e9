package se.newsroom.table;

import static se.newsroom.table.ContentTable.AUDIT_BY_EDITOR;
import static se.newsroom.table.ContentTable.AUDIT_EDITOR;
import static se.newsroom.table.ContentTable.AUDIT_SORT;
import static se.newsroom.table.ContentTable.PK;
import static se.newsroom.table.ContentTable.SK;
import static se.newsroom.table.ContentTable.s;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

import se.newsroom.content.AuditEntry;
import se.newsroom.content.AuditLog;

/** The audit log on the content table: an article's entries by their partition, an editor's by AuditByEditor. */
public final class DynamoDbAuditLog implements AuditLog {
    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbAuditLog(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    @Override
    public void append(AuditEntry entry) {
        var put = AuditItem.newPut(table, entry);
        dynamoDb.putItem(r -> r.tableName(table).item(put.item()).conditionExpression(put.conditionExpression()));
    }

    @Override
    public Page ofArticle(String articleId, int limit, Optional<String> cursor) {
        String partition = AuditItem.partition(articleId);
        QueryRequest.Builder query = QueryRequest.builder().tableName(table)
                .keyConditionExpression("#pk = :pk")
                .expressionAttributeNames(Map.of("#pk", PK))
                .expressionAttributeValues(Map.of(":pk", s(partition)))
                .scanIndexForward(false).limit(limit);
        cursor.map(c -> TableCursor.decode(c, TableCursor.KeyShape.of(Set.of(PK, SK)).fixed(PK, partition)))
                .filter(c -> !c.startKey().isEmpty()).ifPresent(c -> query.exclusiveStartKey(c.startKey()));
        return page(dynamoDb.query(query.build()));
    }

    @Override
    public Page ofEditor(String editor, int limit, Optional<String> cursor) {
        QueryRequest.Builder query = QueryRequest.builder().tableName(table).indexName(AUDIT_BY_EDITOR)
                .keyConditionExpression("#e = :e")
                .expressionAttributeNames(Map.of("#e", AUDIT_EDITOR))
                .expressionAttributeValues(Map.of(":e", s(editor)))
                .scanIndexForward(false).limit(limit);
        cursor.map(c -> TableCursor.decode(c, TableCursor.KeyShape.of(Set.of(PK, SK, AUDIT_EDITOR, AUDIT_SORT))
                        .prefixed(PK, AuditItem.PREFIX).fixed(AUDIT_EDITOR, editor)))
                .filter(c -> !c.startKey().isEmpty()).ifPresent(c -> query.exclusiveStartKey(c.startKey()));
        return page(dynamoDb.query(query.build()));
    }

    private static Page page(QueryResponse response) {
        Optional<String> next = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                ? Optional.of(TableCursor.after(response.lastEvaluatedKey()).encode())
                : Optional.empty();
        return new Page(response.items().stream().map(AuditItem::fromItem).toList(), next);
    }
}
