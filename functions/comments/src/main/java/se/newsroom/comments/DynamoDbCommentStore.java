package se.newsroom.comments;

import static se.newsroom.article.dynamodb.ContentTable.ARTICLE_PREFIX;
import static se.newsroom.article.dynamodb.ContentTable.MODERATION_QUEUE;
import static se.newsroom.article.dynamodb.ContentTable.PK;
import static se.newsroom.article.dynamodb.ContentTable.QUEUE_KEY;
import static se.newsroom.article.dynamodb.ContentTable.QUEUE_SORT;
import static se.newsroom.article.dynamodb.ContentTable.SK;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.core.type.TypeReference;

import se.newsroom.article.Timestamps;
import se.newsroom.error.ConflictException;
import se.newsroom.error.FieldError;
import se.newsroom.error.MalformedRequestException;
import se.newsroom.error.NotFoundException;
import se.newsroom.error.TooManyRequestsException;
import se.newsroom.http.Json;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Comments on the content table: {@code ARTICLE#<id>} / {@code C#<commentId>} (ULIDs sort by time), a duplicate
 * check {@code D#<hash>} beside it, an erasure marker under {@code EMAIL#<hash>}, and the client's rate counters
 * under {@code RATE#<hash>} with a TTL. Pending comments carry the sparse ModerationQueue keys.
 */
public final class DynamoDbCommentStore implements CommentStore {
    static final String COMMENT_PREFIX = "C#";
    static final String DUPLICATE_PREFIX = "D#";
    static final String EMAIL_PREFIX = "EMAIL#";
    static final String RATE_PREFIX = "RATE#";
    private static final int MAX_CONFLICT_RETRIES = 5;
    private static final Set<String> CURSOR_KEYS = Set.of(PK, SK, QUEUE_KEY, QUEUE_SORT);

    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbCommentStore(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    @Override
    public void post(Comment c, Hashes hashes, Limits limits, Instant now) {
        long epoch = now.getEpochSecond();
        long hour = epoch / 3600;
        List<TransactWriteItem> items = new ArrayList<>();
        items.add(put(toItem(c, hashes), "attribute_not_exists(PK)", Map.of()));
        boolean spam = c.status() == CommentStatus.SPAM;
        int duplicateIndex = -1;
        if (!spam) {
            duplicateIndex = items.size();
            items.add(put(Map.of(PK, s(ARTICLE_PREFIX + c.articleId()), SK, s(DUPLICATE_PREFIX + hashes.duplicate()),
                    "type", s("duplicate-check"), "commentId", s(c.id())), "attribute_not_exists(PK)", Map.of()));
        }
        int floodIndex = items.size();
        items.add(TransactWriteItem.builder().update(Update.builder().tableName(table)
                .key(Map.of(PK, s(RATE_PREFIX + hashes.client()), SK, s("LAST")))
                .updateExpression("SET #at = :now, expiresAt = :ttl")
                .conditionExpression("attribute_not_exists(#at) OR #at <= :allowed")
                .expressionAttributeNames(Map.of("#at", "at"))
                .expressionAttributeValues(Map.of(":now", n(epoch), ":allowed", n(epoch - limits.floodSeconds()),
                        ":ttl", n(epoch + 3600))).build()).build());
        int hourIndex = items.size();
        items.add(TransactWriteItem.builder().update(Update.builder().tableName(table)
                .key(Map.of(PK, s(RATE_PREFIX + hashes.client()), SK, s("H#" + hour)))
                .updateExpression("ADD #n :one SET expiresAt = :ttl")
                .conditionExpression("attribute_not_exists(#n) OR #n < :max")
                .expressionAttributeNames(Map.of("#n", "count"))
                .expressionAttributeValues(Map.of(":one", n(1), ":max", n(limits.perHour()),
                        ":ttl", n((hour + 2) * 3600))).build()).build());
        items.add(put(Map.of(PK, s(EMAIL_PREFIX + hashes.email()), SK, s(COMMENT_PREFIX + c.articleId() + "#" + c.id()),
                "type", s("erasure-marker"), "articleId", s(c.articleId()), "commentId", s(c.id())),
                "attribute_not_exists(PK)", Map.of()));
        int conflicts = 0;
        while (true) {
            try {
                dynamoDb.transactWriteItems(r -> r.transactItems(items));
                return;
            } catch (TransactionCanceledException e) {
                List<CancellationReason> reasons = e.cancellationReasons();
                if (failed(reasons, duplicateIndex)) {
                    throw new ConflictException("Den här kommentaren har redan skickats.",
                            List.of(new FieldError("body", "Samma kommentar från samma namn finns redan.")));
                }
                if (failed(reasons, floodIndex)) {
                    throw new TooManyRequestsException("Vänta en stund innan du skickar nästa kommentar.",
                            limits.floodSeconds());
                }
                if (failed(reasons, hourIndex)) {
                    throw new TooManyRequestsException("Du har skickat många kommentarer den senaste timmen; "
                            + "försök igen senare.", (hour + 1) * 3600 - epoch);
                }
                boolean conflict = reasons.stream().anyMatch(r -> "TransactionConflict".equals(r.code()));
                if (!conflict || ++conflicts > MAX_CONFLICT_RETRIES) {
                    throw e;
                }
            }
        }
    }

    @Override
    public Optional<Comment> find(String articleId, String commentId) {
        Map<String, AttributeValue> item = dynamoDb.getItem(r -> r.tableName(table)
                .key(commentKey(articleId, commentId)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(item));
    }

    @Override
    public Page pending(int limit, Optional<String> cursor) {
        QueryRequest.Builder query = QueryRequest.builder().tableName(table).indexName(MODERATION_QUEUE)
                .keyConditionExpression("#q = :pending")
                .expressionAttributeNames(Map.of("#q", QUEUE_KEY))
                .expressionAttributeValues(Map.of(":pending", s(CommentStatus.PENDING.wireName())))
                .scanIndexForward(true).limit(limit);
        cursor.map(DynamoDbCommentStore::decode).ifPresent(query::exclusiveStartKey);
        QueryResponse response = dynamoDb.query(query.build());
        Optional<String> next = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                ? Optional.of(encode(response.lastEvaluatedKey()))
                : Optional.empty();
        return new Page(response.items().stream().map(DynamoDbCommentStore::fromItem).toList(), next);
    }

    @Override
    public Comment moderate(String articleId, String commentId, CommentStatus status) {
        AttributeValue value = s(status.wireName());
        try {
            Map<String, AttributeValue> item = dynamoDb.updateItem(r -> r.tableName(table)
                    .key(commentKey(articleId, commentId))
                    .updateExpression(status == CommentStatus.PENDING
                            ? "SET #status = :status, #q = :status, #qs = :sort" : "SET #status = :status REMOVE #q, #qs")
                    .conditionExpression("attribute_exists(PK)")
                    .expressionAttributeNames(Map.of("#status", "status", "#q", QUEUE_KEY, "#qs", QUEUE_SORT))
                    .expressionAttributeValues(status == CommentStatus.PENDING
                            ? Map.of(":status", value, ":sort", s(commentId))
                            : Map.of(":status", value))
                    .returnValues(ReturnValue.ALL_NEW)).attributes();
            return fromItem(item);
        } catch (ConditionalCheckFailedException e) {
            throw notFound(articleId, commentId);
        }
    }

    @Override
    public void delete(String articleId, String commentId) {
        Map<String, AttributeValue> item = dynamoDb.getItem(r -> r.tableName(table)
                .key(commentKey(articleId, commentId)).consistentRead(true)).item();
        if (item == null || item.isEmpty()) {
            throw notFound(articleId, commentId);
        }
        erase(item);
    }

    @Override
    public int eraseByEmail(String emailHash) {
        QueryRequest query = QueryRequest.builder().tableName(table).keyConditionExpression("#pk = :pk")
                .expressionAttributeNames(Map.of("#pk", PK))
                .expressionAttributeValues(Map.of(":pk", s(EMAIL_PREFIX + emailHash))).consistentRead(true).build();
        int erased = 0;
        for (Map<String, AttributeValue> marker : dynamoDb.queryPaginator(query).items()) {
            Map<String, AttributeValue> item = dynamoDb.getItem(r -> r.tableName(table)
                    .key(commentKey(marker.get("articleId").s(), marker.get("commentId").s())).consistentRead(true))
                    .item();
            if (item != null && !item.isEmpty()) {
                erase(item);
                erased++;
            } else {
                dynamoDb.deleteItem(r -> r.tableName(table).key(Map.of(PK, marker.get(PK), SK, marker.get(SK))));
            }
        }
        return erased;
    }

    /** Deletes a comment, its erasure marker and its duplicate check together. */
    private void erase(Map<String, AttributeValue> item) {
        Comment c = fromItem(item);
        List<TransactWriteItem> items = new ArrayList<>();
        items.add(delete(commentKey(c.articleId(), c.id())));
        items.add(delete(Map.of(PK, s(EMAIL_PREFIX + item.get("emailHash").s()),
                SK, s(COMMENT_PREFIX + c.articleId() + "#" + c.id()))));
        Optional.ofNullable(item.get("duplicateHash")).ifPresent(d -> items.add(delete(Map.of(
                PK, s(ARTICLE_PREFIX + c.articleId()), SK, s(DUPLICATE_PREFIX + d.s())))));
        dynamoDb.transactWriteItems(r -> r.transactItems(items));
    }

    private Map<String, AttributeValue> toItem(Comment c, Hashes hashes) {
        Map<String, AttributeValue> item = new HashMap<>(commentKey(c.articleId(), c.id()));
        item.put("type", s("comment"));
        item.put("id", s(c.id()));
        item.put("articleId", s(c.articleId()));
        c.parentId().ifPresent(p -> item.put("parentId", s(p)));
        item.put("author", s(c.author()));
        item.put("body", s(c.body()));
        item.put("status", s(c.status().wireName()));
        item.put("createdAt", s(Timestamps.format(c.createdAt())));
        item.put("depth", n(c.depth()));
        item.put("emailHash", s(hashes.email()));
        item.put("clientHash", s(hashes.client()));
        if (c.status() != CommentStatus.SPAM) {
            item.put("duplicateHash", s(hashes.duplicate()));
        }
        if (c.status() == CommentStatus.PENDING) {
            item.put(QUEUE_KEY, s(CommentStatus.PENDING.wireName()));
            item.put(QUEUE_SORT, s(c.id()));
        }
        return item;
    }

    static Comment fromItem(Map<String, AttributeValue> item) {
        return new Comment(item.get("id").s(), item.get("articleId").s(),
                Optional.ofNullable(item.get("parentId")).map(AttributeValue::s),
                item.get("author").s(), item.get("body").s(),
                CommentStatus.fromWireName(item.get("status").s()).orElseThrow(),
                Timestamps.parse(item.get("createdAt").s()), Integer.parseInt(item.get("depth").n()));
    }

    private Map<String, AttributeValue> commentKey(String articleId, String commentId) {
        return Map.of(PK, s(ARTICLE_PREFIX + articleId), SK, s(COMMENT_PREFIX + commentId));
    }

    private TransactWriteItem put(Map<String, AttributeValue> item, String condition,
                                  Map<String, AttributeValue> values) {
        Put.Builder put = Put.builder().tableName(table).item(item).conditionExpression(condition);
        if (!values.isEmpty()) {
            put.expressionAttributeValues(values);
        }
        return TransactWriteItem.builder().put(put.build()).build();
    }

    private TransactWriteItem delete(Map<String, AttributeValue> key) {
        return TransactWriteItem.builder().delete(Delete.builder().tableName(table).key(key).build()).build();
    }

    private static boolean failed(List<CancellationReason> reasons, int index) {
        return index >= 0 && index < reasons.size() && "ConditionalCheckFailed".equals(reasons.get(index).code());
    }

    private static NotFoundException notFound(String articleId, String commentId) {
        return new NotFoundException("There is no comment " + commentId + " on article " + articleId + ".");
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    private static String encode(Map<String, AttributeValue> key) {
        Map<String, String> plain = new LinkedHashMap<>();
        key.forEach((k, v) -> plain.put(k, v.s()));
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Json.MAPPER.writeValueAsBytes(plain));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, AttributeValue> decode(String cursor) {
        try {
            Map<String, String> plain = Json.MAPPER.readValue(Base64.getUrlDecoder().decode(cursor),
                    new TypeReference<Map<String, String>>() { });
            if (!plain.keySet().equals(CURSOR_KEYS)) {
                throw new IllegalArgumentException("keys");
            }
            Map<String, AttributeValue> key = new HashMap<>();
            plain.forEach((k, v) -> key.put(k, s(v)));
            return key;
        } catch (IOException | IllegalArgumentException e) {
            throw new MalformedRequestException("The cursor is not one this listing gave out; start again without it.",
                    List.of(new FieldError("cursor", "is not a cursor from this listing")));
        }
    }
}
