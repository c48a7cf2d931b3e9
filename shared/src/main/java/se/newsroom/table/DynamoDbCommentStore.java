package se.newsroom.table;

import static se.newsroom.table.ContentTable.MODERATION_QUEUE;
import static se.newsroom.table.ContentTable.PK;
import static se.newsroom.table.ContentTable.QUEUE_KEY;
import static se.newsroom.table.ContentTable.QUEUE_SORT;
import static se.newsroom.table.ContentTable.SK;
import static se.newsroom.table.ContentTable.s;
import static se.newsroom.table.Transactions.MAX_CONFLICT_RETRIES;
import static se.newsroom.table.Transactions.conflicted;
import static se.newsroom.table.Transactions.failed;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import se.newsroom.content.Comment;
import se.newsroom.content.CommentStatus;
import se.newsroom.content.CommentStore;
import se.newsroom.error.ConflictException;
import se.newsroom.error.FieldError;
import se.newsroom.error.NotFoundException;
import se.newsroom.error.TooManyRequestsException;

/**
 * Comments on the content table (see {@link CommentItem}): each is written in one transaction with its duplicate
 * check, its erasure marker and the client's rate counters, and erased with them.
 */
public final class DynamoDbCommentStore implements CommentStore {
    private static final Set<String> CURSOR_KEYS = Set.of(PK, SK, QUEUE_KEY, QUEUE_SORT);

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final Transactions tx;

    public DynamoDbCommentStore(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.tx = new Transactions(table);
    }

    @Override
    public void post(Comment c, Hashes hashes, Limits limits, Instant now) {
        long epoch = now.getEpochSecond();
        long hour = epoch / 3600;
        List<TransactWriteItem> items = new ArrayList<>();
        items.add(tx.putNew(CommentItem.toItem(c, hashes)));
        int duplicateIndex = -1;
        if (c.status() != CommentStatus.SPAM) {
            duplicateIndex = items.size();
            items.add(tx.putNew(DuplicateCheckItem.of(c.articleId(), hashes.duplicate(), c.id())));
        }
        int floodIndex = items.size();
        items.add(TransactWriteItem.builder()
                .update(RateCounterItems.last(table, hashes.client(), epoch, limits.floodSeconds())).build());
        int hourIndex = items.size();
        items.add(TransactWriteItem.builder()
                .update(RateCounterItems.hour(table, hashes.client(), hour, limits.perHour())).build());
        items.add(tx.putNew(ErasureMarkerItem.of(hashes.email(), c.articleId(), c.id())));
        int conflicts = 0;
        while (true) {
            try {
                dynamoDb.transactWriteItems(r -> r.transactItems(items));
                return;
            } catch (TransactionCanceledException e) {
                List<CancellationReason> reasons = e.cancellationReasons();
                if (failed(reasons, duplicateIndex)) {
                    throw new ConflictException("Den här kommentaren har redan skickats.",
                            FieldError.only("body", "Samma kommentar från samma namn finns redan."));
                }
                if (failed(reasons, floodIndex)) {
                    throw new TooManyRequestsException("Vänta en stund innan du skickar nästa kommentar.",
                            limits.floodSeconds());
                }
                if (failed(reasons, hourIndex)) {
                    throw new TooManyRequestsException("Du har skickat många kommentarer den senaste timmen; "
                            + "försök igen senare.", (hour + 1) * 3600 - epoch);
                }
                if (!conflicted(reasons) || ++conflicts > MAX_CONFLICT_RETRIES) {
                    throw e;
                }
            }
        }
    }

    @Override
    public Optional<Comment> find(String articleId, String commentId) {
        return item(articleId, commentId).map(CommentItem::fromItem);
    }

    @Override
    public PendingComments pending(int limit, Optional<String> cursor) {
        QueryRequest.Builder query = QueryRequest.builder().tableName(table).indexName(MODERATION_QUEUE)
                .keyConditionExpression("#q = :pending")
                .expressionAttributeNames(Map.of("#q", QUEUE_KEY))
                .expressionAttributeValues(Map.of(":pending", s(CommentStatus.PENDING.wireName())))
                .scanIndexForward(true).limit(limit);
        cursor.map(c -> TableCursor.decode(c, TableCursor.KeyShape.of(CURSOR_KEYS).prefixed(PK, ArticleItem.PREFIX)
                        .prefixed(SK, CommentItem.SORT_PREFIX).fixed(QUEUE_KEY, CommentStatus.PENDING.wireName()))
                        .startKey()).filter(k -> !k.isEmpty())
                .ifPresent(query::exclusiveStartKey);
        QueryResponse response = dynamoDb.query(query.build());
        Optional<String> next = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                ? Optional.of(TableCursor.after(response.lastEvaluatedKey()).encode())
                : Optional.empty();
        return new PendingComments(response.items().stream().map(CommentItem::fromItem).toList(), next);
    }

    @Override
    public Comment moderate(String articleId, String commentId, CommentStatus status) {
        AttributeValue value = s(status.wireName());
        // Only pending comments carry the queue's keys: back in the queue they get them again, sorted by id.
        boolean queued = status == CommentStatus.PENDING;
        try {
            Map<String, AttributeValue> item = dynamoDb.updateItem(r -> r.tableName(table)
                    .key(CommentItem.key(articleId, commentId))
                    .updateExpression(queued ? "SET #status = :status, #q = :status, #qs = :sort"
                            : "SET #status = :status REMOVE #q, #qs")
                    .conditionExpression("attribute_exists(PK)")
                    .expressionAttributeNames(Map.of("#status", CommentItem.STATUS, "#q", QUEUE_KEY,
                            "#qs", QUEUE_SORT))
                    .expressionAttributeValues(queued ? Map.of(":status", value, ":sort", s(commentId))
                            : Map.of(":status", value))
                    .returnValues(ReturnValue.ALL_NEW)).attributes();
            return CommentItem.fromItem(item);
        } catch (ConditionalCheckFailedException e) {
            throw notFound(articleId, commentId);
        }
    }

    @Override
    public void delete(String articleId, String commentId) {
        erase(item(articleId, commentId).orElseThrow(() -> notFound(articleId, commentId)));
    }

    @Override
    public int eraseByEmail(String emailHash) {
        QueryRequest query = QueryRequest.builder().tableName(table).keyConditionExpression("#pk = :pk")
                .expressionAttributeNames(Map.of("#pk", PK))
                .expressionAttributeValues(Map.of(":pk", s(ErasureMarkerItem.partition(emailHash))))
                .consistentRead(true).build();
        int erased = 0;
        for (Map<String, AttributeValue> marker : dynamoDb.queryPaginator(query).items()) {
            Map<String, AttributeValue> item = dynamoDb.getItem(r -> r.tableName(table)
                    .key(ErasureMarkerItem.commentKey(marker)).consistentRead(true)).item();
            if (item != null && !item.isEmpty()) {
                erase(item);
                erased++;
            } else {
                dynamoDb.deleteItem(r -> r.tableName(table).key(ContentTable.keyOf(marker)));
            }
        }
        return erased;
    }

    private Optional<Map<String, AttributeValue>> item(String articleId, String commentId) {
        Map<String, AttributeValue> item = dynamoDb.getItem(r -> r.tableName(table)
                .key(CommentItem.key(articleId, commentId)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
    }

    /** Deletes a comment, its erasure marker and its duplicate check together. */
    private void erase(Map<String, AttributeValue> item) {
        Comment c = CommentItem.fromItem(item);
        List<TransactWriteItem> items = new ArrayList<>();
        items.add(tx.delete(CommentItem.key(c.articleId(), c.id())));
        items.add(tx.delete(ErasureMarkerItem.key(CommentItem.emailHash(item), c.articleId(), c.id())));
        CommentItem.duplicateHash(item).ifPresent(d -> items.add(tx.delete(DuplicateCheckItem.key(c.articleId(), d))));
        dynamoDb.transactWriteItems(r -> r.transactItems(items));
    }

    private static NotFoundException notFound(String articleId, String commentId) {
        return new NotFoundException("There is no comment " + commentId + " on article " + articleId + ".");
    }
}
