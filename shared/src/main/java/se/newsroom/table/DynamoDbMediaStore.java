package se.newsroom.table;

import static se.newsroom.table.ContentTable.MODERATION_QUEUE;
import static se.newsroom.table.ContentTable.PK;
import static se.newsroom.table.ContentTable.QUEUE_KEY;
import static se.newsroom.table.ContentTable.QUEUE_SORT;
import static se.newsroom.table.ContentTable.SK;
import static se.newsroom.table.ContentTable.n;
import static se.newsroom.table.ContentTable.s;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

import se.newsroom.content.Media;
import se.newsroom.content.MediaStatus;
import se.newsroom.content.MediaStore;
import se.newsroom.content.MediaVariant;
import se.newsroom.error.ConflictException;
import se.newsroom.error.FieldError;
import se.newsroom.error.NotFoundException;

/** The media library on the content table (see {@link MediaItem}): single-item conditional writes. */
public final class DynamoDbMediaStore implements MediaStore {
    private static final Set<String> CURSOR_KEYS = Set.of(PK, SK, QUEUE_KEY, QUEUE_SORT);
    private static final String EXISTS = "attribute_exists(" + PK + ")";

    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbMediaStore(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    @Override
    public void create(Media media) {
        try {
            dynamoDb.putItem(r -> r.tableName(table).item(MediaItem.toItem(media))
                    .conditionExpression("attribute_not_exists(" + PK + ")"));
        } catch (ConditionalCheckFailedException e) {
            throw new ConflictException("There is a media item " + media.id() + " already.");
        }
    }

    @Override
    public Optional<Media> find(String id) {
        return item(id).map(MediaItem::fromItem);
    }

    private Optional<Map<String, AttributeValue>> item(String id) {
        Map<String, AttributeValue> item = dynamoDb.getItem(r -> r.tableName(table).key(MediaItem.key(id))
                .consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
    }

    @Override
    public MediaList list(int limit, Optional<String> cursor) {
        QueryRequest.Builder query = QueryRequest.builder().tableName(table).indexName(MODERATION_QUEUE)
                .keyConditionExpression("#q = :library")
                .expressionAttributeNames(Map.of("#q", QUEUE_KEY))
                .expressionAttributeValues(Map.of(":library", s(MediaItem.LIBRARY)))
                .scanIndexForward(false).limit(limit);
        cursor.map(c -> TableCursor.decode(c, TableCursor.KeyShape.of(CURSOR_KEYS).prefixed(PK, MediaItem.PREFIX)
                        .fixed(SK, MediaItem.SORT).fixed(QUEUE_KEY, MediaItem.LIBRARY)).startKey())
                .filter(k -> !k.isEmpty())
                .ifPresent(query::exclusiveStartKey);
        QueryResponse response = dynamoDb.query(query.build());
        Optional<String> next = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                ? Optional.of(TableCursor.after(response.lastEvaluatedKey()).encode())
                : Optional.empty();
        return new MediaList(response.items().stream().map(MediaItem::fromItem).toList(), next);
    }

    @Override
    public Media update(Media media) {
        try {
            return MediaItem.fromItem(dynamoDb.updateItem(r -> r.tableName(table).key(MediaItem.key(media.id()))
                    .updateExpression("SET alt = :alt, caption = :caption, credit = :credit")
                    .conditionExpression(EXISTS)
                    .expressionAttributeValues(Map.of(":alt", s(media.alt()), ":caption", s(media.caption()),
                            ":credit", s(media.credit())))
                    .returnValues(ReturnValue.ALL_NEW)).attributes());
        } catch (ConditionalCheckFailedException e) {
            throw notFound();
        }
    }

    @Override
    public boolean markReady(String id, int width, int height, List<MediaVariant> variants) {
        return finish(id, "SET #status = :status, width = :width, height = :height, variants = :variants",
                Map.of(":status", s(MediaStatus.READY.wireName()), ":width", n(width), ":height", n(height),
                        ":variants", MediaItem.variants(variants)));
    }

    @Override
    public boolean markError(String id, String reason) {
        return finish(id, "SET #status = :status, reason = :reason",
                Map.of(":status", s(MediaStatus.ERROR.wireName()), ":reason", s(reason)));
    }

    private boolean finish(String id, String update, Map<String, AttributeValue> values) {
        Map<String, AttributeValue> all = new HashMap<>(values);
        all.put(":pending", s(MediaStatus.PENDING.wireName()));
        try {
            dynamoDb.updateItem(r -> r.tableName(table).key(MediaItem.key(id)).updateExpression(update)
                    .conditionExpression(EXISTS + " AND #status = :pending")
                    .expressionAttributeNames(Map.of("#status", MediaItem.STATUS))
                    .expressionAttributeValues(all));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public Media delete(String id) {
        Map<String, AttributeValue> item = item(id).orElseThrow(DynamoDbMediaStore::notFound);
        List<MediaUse> uses = usedBy(id);
        if (!uses.isEmpty()) {
            throw inUse(uses);
        }
        try {
            // Unchanged use version: no article save started using it since the uses were read.
            dynamoDb.deleteItem(r -> r.tableName(table).key(MediaItem.key(id))
                    .conditionExpression(EXISTS + " AND #v = :v")
                    .expressionAttributeNames(Map.of("#v", MediaItem.USE_VERSION))
                    .expressionAttributeValues(Map.of(":v", n(MediaItem.useVersion(item))))
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
        } catch (ConditionalCheckFailedException e) {
            if (!e.hasItem() || e.item().isEmpty()) {
                throw notFound();
            }
            List<MediaUse> now = usedBy(id);
            throw now.isEmpty()
                    ? new ConflictException("An article started using the picture meanwhile; try again.")
                    : inUse(now);
        }
        return MediaItem.fromItem(item);
    }

    @Override
    public List<MediaUse> usedBy(String mediaId) {
        return dynamoDb.queryPaginator(r -> r.tableName(table).consistentRead(true)
                        .keyConditionExpression("#pk = :pk AND begins_with(#sk, :use)")
                        .expressionAttributeNames(Map.of("#pk", PK, "#sk", SK))
                        .expressionAttributeValues(Map.of(":pk", s(MediaItem.PREFIX + mediaId),
                                ":use", s(MediaUseItem.SORT_PREFIX))))
                .items().stream().map(MediaUseItem::fromItem).toList();
    }

    private static ConflictException inUse(List<MediaUse> uses) {
        String titles = String.join(", ", uses.stream().map(u -> "«" + u.title() + "»").toList());
        List<FieldError> errors = IntStream.range(0, uses.size()).mapToObj(i -> new FieldError("usedBy[" + i + "]",
                uses.get(i).title() + " (" + uses.get(i).articleId() + ")")).toList();
        return new ConflictException("The picture is used by " + (uses.size() == 1 ? "an article" : uses.size()
                + " articles") + ": " + titles + ". Remove it from them first.", errors);
    }

    private static NotFoundException notFound() {
        return new NotFoundException("There is no such picture.");
    }
}
