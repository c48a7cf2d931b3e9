package se.newsroom.render.stream;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import se.newsroom.table.DynamoDbJson;

/**
 * Reads a DynamoDB stream event (the JSON Lambda delivers) into SDK v2 attribute values.
 *
 * <p>RenderFunction takes its input as a stream because it also answers a direct {@code {"action":"rebuild"}},
 * which a typed {@code DynamodbEvent} handler could not tell from a batch; and the runtime's event serializer
 * would add 3.6 MB to the jar for what is a dozen lines of DynamoDB JSON.
 */
public final class StreamEvents {
    private StreamEvents() {
    }

    /** The records of an event, in order. */
    public static List<StreamRecord> records(JsonNode event) {
        List<StreamRecord> records = new ArrayList<>();
        for (JsonNode record : event.path("Records")) {
            JsonNode ddb = record.path("dynamodb");
            records.add(new StreamRecord(ddb.path("SequenceNumber").asText(record.path("eventID").asText()),
                    record.path("eventName").asText(), item(ddb.path("Keys")), item(ddb.path("OldImage")),
                    item(ddb.path("NewImage"))));
        }
        return records;
    }

    /** An item in DynamoDB JSON ({@code {"PK": {"S": "…"}}}); empty for a missing node. */
    public static Map<String, AttributeValue> item(JsonNode node) {
        return DynamoDbJson.item(node);
    }
}
