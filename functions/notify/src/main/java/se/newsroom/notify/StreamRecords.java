package se.newsroom.notify;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A DynamoDB stream event (the JSON Lambda delivers) as records of SDK v2 attribute values. The handler reads its
 * input as JSON because the runtime's typed event would bring the events library and its serializer into the jar
 * for a dozen lines of DynamoDB JSON (render's StreamEvents reads it the same way; function modules share only
 * {@code shared}).
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
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        node.properties().forEach(e -> item.put(e.getKey(), value(e.getValue())));
        return item;
    }

    private static AttributeValue value(JsonNode typed) {
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
