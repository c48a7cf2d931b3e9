package se.newsroom.table;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import se.newsroom.error.InvalidCursorException;
import se.newsroom.json.Json;

/**
 * Where a listing goes on, opaque to clients: which part of the listing (e.g. the status being listed) and the last
 * key DynamoDB read in it, as base64url JSON {@code {"s": part, "k": {key: value}}}. Every listing's one codec.
 *
 * @param part     the part of a listing that runs over several queries; "" for a listing of one query
 * @param startKey the exclusive start key of the next query; empty to start the part from its beginning
 */
record TableCursor(String part, Map<String, AttributeValue> startKey) {
    private static final TypeReference<Map<String, String>> STRINGS = new TypeReference<>() { };

    /** The cursor for the next page of a listing of one query, when DynamoDB returned a last key. */
    static TableCursor after(Map<String, AttributeValue> lastEvaluatedKey) {
        return new TableCursor("", lastEvaluatedKey);
    }

    String encode() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("s", part);
        Map<String, String> key = new LinkedHashMap<>();
        startKey.forEach((name, value) -> key.put(name, value.s()));
        json.put("k", key);
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Json.MAPPER.writeValueAsBytes(json));
        } catch (IOException e) {
            throw new IllegalStateException("A cursor always serializes", e);
        }
    }

    /**
     * Decodes a cursor, refusing anything a listing with these key attributes did not make: its start key is empty
     * or has exactly {@code keyNames}, all strings.
     *
     * @throws InvalidCursorException when it is not such a cursor
     */
    static TableCursor decode(String cursor, Set<String> keyNames) {
        try {
            JsonNode json = Json.MAPPER.readTree(new String(Base64.getUrlDecoder().decode(cursor),
                    StandardCharsets.UTF_8));
            if (json == null || !json.path("s").isTextual() || !json.path("k").isObject()) {
                throw new InvalidCursorException();
            }
            Map<String, String> key = Json.MAPPER.convertValue(json.get("k"), STRINGS);
            if (!key.isEmpty() && !key.keySet().equals(keyNames) || key.containsValue(null)) {
                throw new InvalidCursorException();
            }
            Map<String, AttributeValue> startKey = new LinkedHashMap<>();
            key.forEach((name, value) -> startKey.put(name, AttributeValue.fromS(value)));
            return new TableCursor(json.get("s").asText(), startKey);
        } catch (IOException | IllegalArgumentException e) {
            throw new InvalidCursorException();
        }
    }
}
