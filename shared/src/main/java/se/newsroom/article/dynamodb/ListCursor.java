package se.newsroom.article.dynamodb;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.type.TypeReference;

import se.newsroom.article.ArticleStatus;
import se.newsroom.error.MalformedRequestException;
import se.newsroom.http.Json;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Where a listing goes on: the status being listed and the last key read in it, opaque to clients. */
record ListCursor(ArticleStatus status, Map<String, AttributeValue> startKey) {
    private static final Set<String> KEY_NAMES = Set.of(ContentTable.PK, ContentTable.SK, ContentTable.STATUS_KEY,
            ContentTable.STATUS_SORT);

    String encode() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("s", status.wireName());
        Map<String, String> key = new LinkedHashMap<>();
        startKey.forEach((name, value) -> key.put(name, value.s()));
        json.put("k", key);
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Json.MAPPER.writeValueAsBytes(json));
        } catch (IOException e) {
            throw new IllegalStateException("A cursor always serializes", e);
        }
    }

    /** Decodes a cursor for a listing over {@code order}, refusing anything this store did not make. */
    static ListCursor decode(String cursor, List<ArticleStatus> order) {
        try {
            Map<String, Object> json = Json.MAPPER.readValue(Base64.getUrlDecoder().decode(cursor),
                    new TypeReference<Map<String, Object>>() { });
            ArticleStatus status = ArticleStatus.fromWireName(String.valueOf(json.get("s")))
                    .filter(order::contains).orElseThrow(ListCursor::invalid);
            if (!(json.get("k") instanceof Map<?, ?> key)) {
                throw invalid();
            }
            Map<String, AttributeValue> startKey = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : key.entrySet()) {
                if (!KEY_NAMES.contains(String.valueOf(e.getKey())) || !(e.getValue() instanceof String value)) {
                    throw invalid();
                }
                startKey.put((String) e.getKey(), AttributeValue.fromS(value));
            }
            if (!startKey.isEmpty() && !startKey.keySet().equals(KEY_NAMES)) {
                throw invalid();
            }
            if (!startKey.isEmpty() && !startKey.get(ContentTable.STATUS_KEY).s().equals(status.wireName())) {
                throw invalid();
            }
            return new ListCursor(status, startKey);
        } catch (IOException | IllegalArgumentException e) {
            throw invalid();
        }
    }

    private static MalformedRequestException invalid() {
        return new MalformedRequestException("The cursor is not one this listing gave out; start again without it.",
                List.of(new se.newsroom.error.FieldError("cursor", "is not a cursor from this listing")));
    }
}
