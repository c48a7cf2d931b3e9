package se.newsroom.notify;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import se.newsroom.table.DynamoDbJson;

/**
 * A DynamoDB stream event (the JSON Lambda delivers) as records of SDK v2 attribute values. The handler reads its
 * input as JSON because the runtime's typed event would bring the events library and its serializer into the jar
 * for a dozen lines of DynamoDB JSON; shared's {@link DynamoDbJson} reads the items, as render's StreamEvents does.
 */
final class StreamRecords {
    /** One record: its sequence number (what a partial batch failure names), keys and images (empty when none). */
    record Change(String sequenceNumber, Map<String, AttributeValue> keys, Map<String, AttributeValue> oldImage,
                  Map<String, AttributeValue> newImage) {
    }

    private StreamRecords() {
    }

    static List<Change> of(JsonNode event) {
        List<Change> changes = new ArrayList<>();
        for (JsonNode record : event.path("Records")) {
            JsonNode ddb = record.path("dynamodb");
            changes.add(new Change(ddb.path("SequenceNumber").asText(record.path("eventID").asText()),
                    item(ddb.path("Keys")), item(ddb.path("OldImage")), item(ddb.path("NewImage"))));
        }
        return changes;
    }

    private static Map<String, AttributeValue> item(JsonNode node) {
        return DynamoDbJson.item(node);
    }
}
