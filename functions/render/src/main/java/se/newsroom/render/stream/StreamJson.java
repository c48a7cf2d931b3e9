package se.newsroom.render.stream;

import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;

/**
 * Turns records read from a table's stream (DynamoDB Streams API) into the event JSON that Lambda's event source
 * mapping delivers: what the local runner and the integration tests feed RenderFunction.
 */
public final class StreamJson {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private StreamJson() {
    }

    /** The event for a batch of records. */
    public static ObjectNode event(List<Record> records, String streamArn) {
        ObjectNode event = JSON.objectNode();
        ArrayNode list = event.putArray("Records");
        for (Record r : records) {
            ObjectNode record = list.addObject();
            record.put("eventID", r.eventID());
            record.put("eventName", r.eventNameAsString());
            record.put("eventVersion", "1.1");
            record.put("eventSource", "aws:dynamodb");
            record.put("awsRegion", "local");
            record.put("eventSourceARN", streamArn);
            ObjectNode ddb = record.putObject("dynamodb");
            ddb.put("SequenceNumber", r.dynamodb().sequenceNumber());
            ddb.put("StreamViewType", r.dynamodb().streamViewTypeAsString());
            ddb.set("Keys", item(r.dynamodb().keys()));
            if (r.dynamodb().hasNewImage()) {
                ddb.set("NewImage", item(r.dynamodb().newImage()));
            }
            if (r.dynamodb().hasOldImage()) {
                ddb.set("OldImage", item(r.dynamodb().oldImage()));
            }
        }
        return event;
    }

    static ObjectNode item(Map<String, AttributeValue> item) {
        ObjectNode node = JSON.objectNode();
        item.forEach((k, v) -> node.set(k, value(v)));
        return node;
    }

    private static ObjectNode value(AttributeValue v) {
        ObjectNode node = JSON.objectNode();
        switch (v.type()) {
            case S -> node.put("S", v.s());
            case N -> node.put("N", v.n());
            case BOOL -> node.put("BOOL", v.bool());
            case NUL -> node.put("NULL", true);
            case B -> node.put("B", Base64.getEncoder().encodeToString(v.b().asByteArray()));
            case SS -> v.ss().forEach(node.putArray("SS")::add);
            case NS -> v.ns().forEach(node.putArray("NS")::add);
            case L -> {
                ArrayNode list = node.putArray("L");
                v.l().forEach(e -> list.add(value(e)));
            }
            case M -> node.set("M", item(v.m()));
            default -> throw new IllegalArgumentException("Unsupported type " + v.type());
        }
        return node;
    }
}
