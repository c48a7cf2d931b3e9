package se.newsroom.table;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

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
     * What a listing's start key must hold: exactly these attributes, each a non-empty string (DynamoDB refuses an
     * empty key value with a 400 of its own, which would reach the client as a 500), and each accepted by its check
     * (e.g. the fixed partition value of the index queried, or the prefix of the items the index holds).
     */
    record KeyShape(Map<String, Predicate<String>> checks) {
        /** Any non-empty string in each of these attributes. */
        static KeyShape of(Set<String> names) {
            Map<String, Predicate<String>> checks = new LinkedHashMap<>();
            names.forEach(name -> checks.put(name, value -> true));
            return new KeyShape(Map.copyOf(checks));
        }

        /** The same, with {@code name} exactly {@code value}. */
        KeyShape fixed(String name, String value) {
            return with(name, value::equals);
        }

        /** The same, with {@code name} starting with {@code prefix} and holding more. */
        KeyShape prefixed(String name, String prefix) {
            return with(name, v -> v.length() > prefix.length() && v.startsWith(prefix));
        }

        private KeyShape with(String name, Predicate<String> check) {
            if (!checks.containsKey(name)) {
                throw new IllegalArgumentException(name + " is not a key attribute of this cursor");
            }
            Map<String, Predicate<String>> more = new LinkedHashMap<>(checks);
            more.put(name, checks.get(name).and(check));
            return new KeyShape(Map.copyOf(more));
        }

        boolean accepts(Map<String, String> key) {
            return key.keySet().equals(checks.keySet()) && key.entrySet().stream().allMatch(e ->
                    e.getValue() != null && !e.getValue().isEmpty() && checks.get(e.getKey()).test(e.getValue()));
        }
    }

    /** As {@link #decode(String, KeyShape)}, with any non-empty string in each of {@code keyNames}. */
    static TableCursor decode(String cursor, Set<String> keyNames) {
        return decode(cursor, KeyShape.of(keyNames));
    }

    /**
     * Decodes a cursor, refusing anything a listing with this start key did not make: its start key is empty or
     * has the shape's attributes, each a non-empty string its check accepts.
     *
     * @throws InvalidCursorException when it is not such a cursor
     */
    static TableCursor decode(String cursor, KeyShape shape) {
        try {
            JsonNode json = Json.MAPPER.readTree(new String(Base64.getUrlDecoder().decode(cursor),
                    StandardCharsets.UTF_8));
            if (json == null || !json.path("s").isTextual() || !json.path("k").isObject()) {
                throw new InvalidCursorException();
            }
            Map<String, String> key = Json.MAPPER.convertValue(json.get("k"), STRINGS);
            if (!key.isEmpty() && !shape.accepts(key)) {
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
