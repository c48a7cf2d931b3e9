package se.newsroom.table;

import static se.newsroom.table.ContentTable.PK;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

import se.newsroom.content.PrivacyNotice;
import se.newsroom.content.PrivacyNoticeStore;
import se.newsroom.error.StaleVersionException;

/** The privacy notice on the content table (see {@link PrivacyNoticeItem}): one conditional put a save. */
public final class DynamoDbPrivacyNoticeStore implements PrivacyNoticeStore {
    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbPrivacyNoticeStore(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    @Override
    public Optional<PrivacyNotice> find() {
        Map<String, AttributeValue> item = dynamoDb.getItem(r -> r.tableName(table).key(PrivacyNoticeItem.key())
                .consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(PrivacyNoticeItem.fromItem(item));
    }

    @Override
    public PrivacyNotice save(String markdown, long expectedVersion, Instant now) {
        PrivacyNotice saved = new PrivacyNotice(markdown, Optional.of(now), expectedVersion + 1);
        PutItemRequest.Builder put = PutItemRequest.builder().tableName(table).item(PrivacyNoticeItem.toItem(saved));
        if (expectedVersion == 0) {
            put.conditionExpression("attribute_not_exists(" + PK + ")");
        } else {
            put.conditionExpression("#v = :v").expressionAttributeNames(Map.of("#v", PrivacyNoticeItem.VERSION))
                    .expressionAttributeValues(Map.of(":v", ContentTable.n(expectedVersion)));
        }
        try {
            dynamoDb.putItem(put.build());
        } catch (ConditionalCheckFailedException e) {
            throw new StaleVersionException("Integritetstexten har sparats av någon annan sedan du öppnade den "
                    + "(version " + expectedVersion + " är inte längre den senaste). Hämta den igen och gör om "
                    + "ändringen.");
        }
        return saved;
    }
}
