package se.newsroom.render.stream;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

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
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        node.properties().forEach(e -> item.put(e.getKey(), value(e.getValue())));
        return item;
    }

    static AttributeValue value(JsonNode typed) {
        var field = typed.properties().iterator().next();
        JsonNode v = field.getValue();
        return switch (field.getKey()) {
            case "S" -> AttributeValue.fromS(v.asText());
            case "N" -> AttributeValue.fromN(v.asText());
            case "BOOL" -> AttributeValue.fromBool(v.asBoolean());
            case "NULL" -> AttributeValue.fromNul(true);
            case "B" -> AttributeValue.fromB(SdkBytes.fromByteArray(Base64.getDecoder().decode(v.asText())));
            case "SS" -> AttributeValue.fromSs(texts(v));
            case "NS" -> AttributeValue.fromNs(texts(v));
            case "BS" -> AttributeValue.fromBs(texts(v).stream()
                    .map(b -> SdkBytes.fromByteArray(Base64.getDecoder().decode(b))).toList());
            case "L" -> {
                List<AttributeValue> list = new ArrayList<>();
                v.forEach(e -> list.add(value(e)));
                yield AttributeValue.fromL(list);
            }
            case "M" -> AttributeValue.fromM(item(v));
            default -> throw new IllegalArgumentException("Unknown DynamoDB type " + field.getKey());
        };
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(e -> texts.add(e.asText()));
        return texts;
    }
}
