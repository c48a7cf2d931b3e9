package se.newsroom.table;

import static se.newsroom.table.ContentTable.APPROVED_KEY;
import static se.newsroom.table.ContentTable.APPROVED_SORT;
import static se.newsroom.table.ContentTable.MODERATION_QUEUE;
import static se.newsroom.table.ContentTable.PK;
import static se.newsroom.table.ContentTable.QUEUE_KEY;
import static se.newsroom.table.ContentTable.QUEUE_SORT;
import static se.newsroom.table.ContentTable.SK;
import static se.newsroom.table.ContentTable.s;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import se.newsroom.content.AuditEntry;
import se.newsroom.content.Comment;
import se.newsroom.content.CommentStatus;
import se.newsroom.content.CommentStore;
import se.newsroom.error.ConflictException;
import se.newsroom.error.FieldError;
import se.newsroom.error.NotFoundException;
import se.newsroom.error.TooManyRequestsException;

/**
 * Comments on the content table (see {@link CommentItem}), each posted as three single-item conditional writes
 * instead of one transaction (docs/architecture.md, "Posting a comment"): the client's rate counter and the comment's
 * erasure marker (also its duplicate check) side by side, then the comment. Erasing goes the other way: the comment,
 * then its marker. Whatever step a crash stops at, every stored comment has its marker, and a marker without its
 * comment is taken over by the next post of the same text; a refused post gives back what it counted or claimed.
 */
public final class DynamoDbCommentStore implements CommentStore {
    private static final Set<String> CURSOR_KEYS = Set.of(PK, SK, QUEUE_KEY, QUEUE_SORT);
    /** How often the rate counter is tried again after it changed under a post (each change is another post). */
    private static final int MAX_COUNTER_ATTEMPTS = 4;
    /** BatchWriteItem's limit, and the page size of an article's comments erased together. */
    private static final int PAGE = 25;
    /** Where a post's independent calls run side by side (each waits on the network, so a virtual thread each). */
    private static final ExecutorService CALLS = Executors.newVirtualThreadPerTaskExecutor();

    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbCommentStore(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    /** What counting a post changed on the client's counter, so that a refused post can give it back. */
    private record Counted(long now, Optional<Long> previousLast) {
    }

    @Override
    public Comment post(Comment c, Hashes hashes, Limits limits, Instant now, Supplier<Comment> checks) {
        // The counter, the marker and the caller's reads are independent: one round trip's time for all three.
        Future<Counted> counting = CALLS.submit(() -> count(hashes.client(), limits, now.getEpochSecond()));
        Future<Claim> claiming = CALLS.submit(() -> claimMarker(c, hashes));
        RuntimeException refused = null;
        Comment admitted = null;
        try {
            admitted = checks.get();
        } catch (RuntimeException e) {
            refused = e;
        }
        Outcome<Claim> claim = outcome(claiming);
        Outcome<Counted> counted = outcome(counting);
        // What the reader is told, as if the steps had run in order: the checks, then a duplicate, then a limit.
        refused = refused != null ? refused : claim.error() != null ? claim.error() : counted.error();
        if (refused != null) {
            if (counted.value() != null) {
                giveBack(hashes.client(), counted.value());
            }
            if (claim.value() != null && claim.value().ours()) {
                releaseMarker(c, hashes);
            }
            throw refused;
        }
        Comment stored = new Comment(claim.value().commentId(), admitted.articleId(), admitted.parentId(),
                admitted.author(), admitted.body(), admitted.status(), admitted.createdAt(), admitted.depth());
        try {
            dynamoDb.putItem(r -> r.tableName(table).item(CommentItem.toItem(stored, hashes))
                    .conditionExpression("attribute_not_exists(" + PK + ")"));
        } catch (ConditionalCheckFailedException e) {
            // Another post of the same text took over this marker's comment id and stored it first.
            giveBack(hashes.client(), counted.value());
            throw duplicate();
        }
        return stored;
    }

    /** A marker claimed for a post: its own new one, or one left without its comment, taken over. */
    private record Claim(String commentId, boolean ours) {
    }

    /** What a call run beside others gave: a value or the exception it threw. */
    private record Outcome<T>(T value, RuntimeException error) {
    }

    private static <T> Outcome<T> outcome(Future<T> call) {
        try {
            return new Outcome<>(call.get(), null);
        } catch (ExecutionException e) {
            return new Outcome<>(null, e.getCause() instanceof RuntimeException r ? r
                    : new IllegalStateException(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome<>(null, new IllegalStateException("Interrupted while posting a comment", e));
        }
    }

    /** Deletes a marker this post wrote for a post then refused (a crash before it leaves a harmless stale one). */
    private void releaseMarker(Comment c, Hashes hashes) {
        try {
            dynamoDb.deleteItem(r -> r.tableName(table)
                    .key(ErasureMarkerItem.key(hashes.email(), c.articleId(), hashes.duplicate()))
                    .conditionExpression("#c = :id")
                    .expressionAttributeNames(Map.of("#c", ErasureMarkerItem.COMMENT_ID))
                    .expressionAttributeValues(Map.of(":id", s(c.id()))));
        } catch (ConditionalCheckFailedException e) {
            // taken over by another post since: it is that post's now
        }
    }

    /**
     * Counts a post against the client's limits: one conditional update of its counter, a second one when the
     * counter is in the current hour already.
     */
    private Counted count(String clientHash, Limits limits, long epoch) {
        long hour = epoch / 3600;
        var request = RateCounterItems.startHour(table, clientHash, epoch, hour, limits.floodSeconds());
        for (int attempt = 0; attempt < MAX_COUNTER_ATTEMPTS; attempt++) {
            try {
                UpdateItemResponse response = dynamoDb.updateItem(request);
                return new Counted(epoch, RateCounterItems.number(response.attributes(), RateCounterItems.LAST));
            } catch (ConditionalCheckFailedException e) {
                Map<String, AttributeValue> old = e.hasItem() ? e.item() : Map.of();
                long last = RateCounterItems.number(old, RateCounterItems.LAST).orElse(Long.MIN_VALUE);
                long counterHour = RateCounterItems.number(old, RateCounterItems.HOUR).orElse(Long.MIN_VALUE);
                long count = RateCounterItems.number(old, RateCounterItems.COUNT).orElse(0L);
                if (last > epoch - limits.floodSeconds()) {
                    throw new TooManyRequestsException("Vänta en stund innan du skickar nästa kommentar.",
                            limits.floodSeconds());
                }
                if (counterHour >= hour && count >= limits.perHour()) {
                    throw new TooManyRequestsException("Du har skickat många kommentarer den senaste timmen; "
                            + "försök igen senare.", Math.max(1, (counterHour + 1) * 3600 - epoch));
                }
                request = counterHour >= hour
                        ? RateCounterItems.countInHour(table, clientHash, epoch, counterHour, limits.floodSeconds(),
                                limits.perHour())
                        : RateCounterItems.startHour(table, clientHash, epoch, hour, limits.floodSeconds());
            }
        }
        // The counter changed under every attempt: other posts from this client are arriving at the same moment.
        throw new TooManyRequestsException("Vänta en stund innan du skickar nästa kommentar.", limits.floodSeconds());
    }

    /** Gives back a counted post that was then refused; a crash before it only delays the client's next post. */
    private void giveBack(String clientHash, Counted counted) {
        try {
            if (counted.previousLast().isPresent()) {
                dynamoDb.updateItem(RateCounterItems.giveBack(table, clientHash, counted.now(),
                        counted.previousLast().get()));
            } else {
                dynamoDb.deleteItem(r -> r.tableName(table).key(RateCounterItems.key(clientHash))
                        .conditionExpression("#last = :now")
                        .expressionAttributeNames(Map.of("#last", RateCounterItems.LAST))
                        .expressionAttributeValues(Map.of(":now", ContentTable.n(counted.now()))));
            }
        } catch (ConditionalCheckFailedException e) {
            // counted again since: that post's count stands
        }
    }

    /**
     * Writes the comment's erasure marker, which is also its duplicate check, and answers the id the comment is to
     * be stored under: its own, or the id of a marker left without its comment (by a crash, or by a post of the same
     * text still in flight: whichever then stores the comment first wins, the other is a duplicate).
     *
     * @throws ConflictException when the marker's comment exists: the same text from the same address is stored
     */
    private Claim claimMarker(Comment c, Hashes hashes) {
        try {
            dynamoDb.putItem(r -> r.tableName(table)
                    .item(ErasureMarkerItem.of(hashes.email(), c.articleId(), hashes.duplicate(), c.id()))
                    .conditionExpression("attribute_not_exists(" + PK + ")")
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
            return new Claim(c.id(), true);
        } catch (ConditionalCheckFailedException e) {
            if (!e.hasItem() || e.item().isEmpty()) {
                throw duplicate(); // erased between the write and its answer: the text was there a moment ago
            }
            // The marker as the refusal returned it; seen once under load without its comment id (DynamoDB Local,
            // a write of the same key racing it), so then as a consistent read gives it.
            Optional<String> found = ErasureMarkerItem.commentIdOf(e.item()).or(() -> Optional.ofNullable(
                    dynamoDb.getItem(r -> r.tableName(table).consistentRead(true)
                            .key(ErasureMarkerItem.key(hashes.email(), c.articleId(), hashes.duplicate()))).item())
                    .flatMap(ErasureMarkerItem::commentIdOf));
            if (found.isEmpty()) {
                throw duplicate(); // erased meanwhile: the text was there a moment ago
            }
            String existing = found.get();
            if (item(c.articleId(), existing).isPresent()) {
                throw duplicate();
            }
            return new Claim(existing, false);
        }
    }

    @Override
    public Comment reply(Supplier<Comment> checks, AuditEntry audit) {
        Comment reply = checks.get();
        TransactWriteItem put = TransactWriteItem.builder().put(b -> b.tableName(table)
                .item(CommentItem.toStaffItem(reply)).conditionExpression("attribute_not_exists(" + PK + ")")).build();
        try {
            dynamoDb.transactWriteItems(r -> r.transactItems(put, AuditItem.put(table, audit)));
        } catch (TransactionCanceledException e) {
            if (Transactions.failed(e.cancellationReasons(), 0)) {
                throw new ConflictException("Svaret har redan sparats.", FieldError.only("body",
                        "Ett svar med samma id finns redan."));
            }
            throw e;
        }
        return reply;
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
    public Comment moderate(String articleId, String commentId, CommentStatus status, AuditEntry audit) {
        // A staff reply's ApprovedComments sort key is marked (CommentItem): read which the comment is, then update
        // it on the condition that it still is (a comment never changes between reader's and staff's).
        Comment before = find(articleId, commentId).orElseThrow(() -> notFound(articleId, commentId));
        boolean staff = before.staff();
        // Only pending comments carry the queue's keys (back in the queue they get them again, sorted by id), and
        // only approved ones the ApprovedComments keys.
        String update = switch (status) {
            case PENDING -> "SET #status = :status, #q = :status, #qs = :id REMOVE #ak, #as";
            case APPROVED -> "SET #status = :status, #ak = :article, #as = :sort REMOVE #q, #qs";
            case REJECTED, SPAM -> "SET #status = :status REMOVE #q, #qs, #ak, #as";
        };
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":status", s(status.wireName())));
        if (status == CommentStatus.PENDING) {
            values.put(":id", s(commentId));
        }
        if (status == CommentStatus.APPROVED) {
            values.put(":article", s(articleId));
            values.put(":sort", s(CommentItem.approvedSort(commentId, staff)));
        }
        // The change and its audit entry are one transaction: no moderation unrecorded, no record of none.
        Update change = Update.builder().tableName(table)
                .key(CommentItem.key(articleId, commentId))
                .updateExpression(update)
                .conditionExpression(staff ? "attribute_exists(#staff)"
                        : "attribute_exists(PK) AND attribute_not_exists(#staff)")
                .expressionAttributeNames(Map.of("#status", CommentItem.STATUS, "#q", QUEUE_KEY,
                        "#qs", QUEUE_SORT, "#ak", APPROVED_KEY, "#as", APPROVED_SORT, "#staff", CommentItem.STAFF))
                .expressionAttributeValues(values).build();
        transact(List.of(TransactWriteItem.builder().update(change).build(), AuditItem.put(table, audit)),
                articleId, commentId);
        // A transaction returns no item: the comment is the one read above with its new status (nothing else of it
        // changes), so no second read.
        return new Comment(before.id(), before.articleId(), before.parentId(), before.author(), before.body(), status,
                before.createdAt(), before.depth(), before.staff());
    }

    /** Writes {@code items}, the first of which is the comment's; a failed condition on it is a 404. */
    private void transact(List<TransactWriteItem> items, String articleId, String commentId) {
        int conflicts = 0;
        while (true) {
            try {
                dynamoDb.transactWriteItems(r -> r.transactItems(items));
                return;
            } catch (TransactionCanceledException e) {
                if (Transactions.failed(e.cancellationReasons(), 0)) {
                    throw notFound(articleId, commentId);
                }
                if (!Transactions.conflicted(e.cancellationReasons())
                        || ++conflicts > Transactions.MAX_CONFLICT_RETRIES) {
                    throw e;
                }
            }
        }
    }

    @Override
    public void delete(String articleId, String commentId, AuditEntry audit) {
        Map<String, AttributeValue> item = item(articleId, commentId)
                .orElseThrow(() -> notFound(articleId, commentId));
        // The comment and the audit entry in one transaction, then its marker (a crash in between leaves a marker
        // pointing to nothing, which the next erasure or post clears).
        transact(List.of(TransactWriteItem.builder().delete(Delete.builder().tableName(table)
                .key(CommentItem.key(articleId, commentId)).conditionExpression("attribute_exists(PK)").build())
                .build(), AuditItem.put(table, audit)), articleId, commentId);
        releaseMarker(item);
    }

    @Override
    public int eraseByEmail(String emailHash, Instant at, String editor, String editorName) {
        QueryRequest query = QueryRequest.builder().tableName(table).keyConditionExpression("#pk = :pk")
                .expressionAttributeNames(Map.of("#pk", PK))
                .expressionAttributeValues(Map.of(":pk", s(ErasureMarkerItem.partition(emailHash))))
                .consistentRead(true).build();
        int erased = 0;
        try {
            for (Map<String, AttributeValue> marker : dynamoDb.queryPaginator(query).items()) {
                // The comment first, then its marker: a crash in between leaves a marker pointing to nothing.
                Map<String, AttributeValue> gone = dynamoDb.deleteItem(r -> r.tableName(table)
                        .key(ErasureMarkerItem.commentKey(marker)).returnValues(ReturnValue.ALL_OLD)).attributes();
                if (gone != null && !gone.isEmpty()) {
                    erased++;
                }
                dynamoDb.deleteItem(r -> r.tableName(table).key(ContentTable.keyOf(marker)));
            }
        } finally {
            // One entry for the whole erasure, after it, also when it stopped part-way (what it erased so far): the
            // count, never the address or its hash.
            new DynamoDbAuditLog(dynamoDb, table).append(AuditEntry.ofErasure(at, editor, editorName, erased));
        }
        return erased;
    }

    @Override
    public int deleteAllOf(String articleId) {
        QueryRequest query = QueryRequest.builder().tableName(table)
                .keyConditionExpression("#pk = :pk AND begins_with(#sk, :c)")
                .expressionAttributeNames(Map.of("#pk", PK, "#sk", SK))
                .expressionAttributeValues(Map.of(":pk", s(ArticleItem.PREFIX + articleId),
                        ":c", s(CommentItem.SORT_PREFIX)))
                .consistentRead(true).limit(PAGE).build();
        int deleted = 0;
        for (QueryResponse page : dynamoDb.queryPaginator(query)) {
            List<WriteRequest> comments = new ArrayList<>();
            List<WriteRequest> markers = new ArrayList<>();
            for (Map<String, AttributeValue> item : page.items()) {
                comments.add(deleteRequest(ContentTable.keyOf(item)));
                CommentItem.duplicateHash(item).ifPresent(d -> markers.add(deleteRequest(
                        ErasureMarkerItem.key(CommentItem.emailHash(item), articleId, d))));
            }
            // A page of comments, then their markers: never a marker deleted before its comment.
            batchWrite(comments);
            batchWrite(markers);
            deleted += comments.size();
        }
        return deleted;
    }

    private static WriteRequest deleteRequest(Map<String, AttributeValue> key) {
        return WriteRequest.builder().deleteRequest(DeleteRequest.builder().key(key).build()).build();
    }

    private void batchWrite(List<WriteRequest> writes) {
        Map<String, List<WriteRequest>> pending = writes.isEmpty() ? Map.of() : Map.of(table, writes);
        while (!pending.isEmpty()) {
            Map<String, List<WriteRequest>> request = pending;
            var response = dynamoDb.batchWriteItem(r -> r.requestItems(request));
            pending = response.hasUnprocessedItems() ? response.unprocessedItems() : Map.of();
        }
    }

    private Optional<Map<String, AttributeValue>> item(String articleId, String commentId) {
        Map<String, AttributeValue> item = dynamoDb.getItem(r -> r.tableName(table)
                .key(CommentItem.key(articleId, commentId)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
    }

    /** Deletes a deleted comment's erasure marker, when the marker still points to it. */
    private void releaseMarker(Map<String, AttributeValue> item) {
        Comment c = CommentItem.fromItem(item);
        CommentItem.duplicateHash(item).ifPresent(d -> {
            try {
                dynamoDb.deleteItem(r -> r.tableName(table)
                        .key(ErasureMarkerItem.key(CommentItem.emailHash(item), c.articleId(), d))
                        .conditionExpression("#c = :id")
                        .expressionAttributeNames(Map.of("#c", ErasureMarkerItem.COMMENT_ID))
                        .expressionAttributeValues(Map.of(":id", s(c.id()))));
            } catch (ConditionalCheckFailedException e) {
                // gone already, or another comment's now
            }
        });
    }

    private static ConflictException duplicate() {
        return new ConflictException("Den här kommentaren har redan skickats.",
                FieldError.only("body", "Samma kommentar från samma e-postadress finns redan."));
    }

    private static NotFoundException notFound(String articleId, String commentId) {
        return new NotFoundException("There is no comment " + commentId + " on article " + articleId + ".");
    }
}
