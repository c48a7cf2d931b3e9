package se.newsroom.http;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.node.ObjectNode;

import se.newsroom.error.FieldError;
import se.newsroom.error.InvalidInputException;
import se.newsroom.error.MalformedRequestException;
import se.newsroom.error.PayloadTooLargeException;
import se.newsroom.error.UnsupportedMediaTypeException;
import se.newsroom.json.Json;

/** Reads a JSON request body into a record, refusing with a precise problem whatever is wrong with it. */
public final class JsonBodies {
    /** The largest body the API reads: 1 MiB. */
    public static final int MAX_BYTES = 1024 * 1024;

    private JsonBodies() {
    }

    /**
     * Reads the body of {@code request} as a JSON object into {@code type}, a record.
     *
     * @param readOnly fields a client may send back unchanged (copied from a GET) and that are ignored
     * @throws UnsupportedMediaTypeException when the body is not {@code application/json} in UTF-8
     * @throws PayloadTooLargeException      when it is over {@link #MAX_BYTES}
     * @throws MalformedRequestException     when it is not one JSON object, or names fields {@code type} lacks
     * @throws InvalidInputException         when a field holds the wrong kind of value
     */
    public static <T extends Record> T read(ApiRequest request, Class<T> type, Set<String> readOnly) {
        requireJson(request);
        byte[] bytes = request.bodyBytes();
        if (bytes.length > MAX_BYTES) {
            throw new PayloadTooLargeException("The request body is " + bytes.length
                    + " bytes; the API accepts at most " + MAX_BYTES + " bytes (1 MiB).");
        }
        if (bytes.length == 0) {
            throw new MalformedRequestException("The request body is empty; send a JSON object.");
        }
        ObjectNode object = parseObject(request.bodyText());
        Set<String> known = Arrays.stream(type.getRecordComponents()).map(c -> c.getName())
                .collect(Collectors.toCollection(HashSet::new));
        List<String> unknown = new ArrayList<>();
        object.fieldNames().forEachRemaining(name -> {
            if (!known.contains(name) && !readOnly.contains(name)) {
                unknown.add(name);
            }
        });
        if (!unknown.isEmpty()) {
            throw new MalformedRequestException("Unknown field" + (unknown.size() > 1 ? "s" : "") + ": "
                    + String.join(", ", unknown) + ". Known fields: " + String.join(", ", sorted(known)) + ".",
                    unknown.stream().map(name -> new FieldError(name, "is not a field of this request")).toList());
        }
        object.remove(readOnly);
        try {
            return Json.MAPPER.treeToValue(object, type);
        } catch (MismatchedInputException e) {
            String field = path(e);
            throw new InvalidInputException("The field " + field + " holds the wrong kind of value.",
                    List.of(new FieldError(field, "must be " + kind(e.getTargetType()))));
        } catch (JsonProcessingException e) {
            throw new MalformedRequestException("The request body could not be read: " + e.getOriginalMessage());
        }
    }

    private static void requireJson(ApiRequest request) {
        String contentType = request.header("content-type").orElse("");
        String[] parts = contentType.split(";");
        String mediaType = parts[0].strip().toLowerCase(Locale.ROOT);
        if (!mediaType.equals("application/json")) {
            throw new UnsupportedMediaTypeException("Send the body as application/json"
                    + (contentType.isBlank() ? " (the request has no Content-Type)." : ", not " + contentType + "."));
        }
        for (int i = 1; i < parts.length; i++) {
            String[] param = parts[i].strip().split("=", 2);
            if (param[0].equalsIgnoreCase("charset") && param.length == 2
                    && !param[1].replace("\"", "").equalsIgnoreCase("utf-8")) {
                throw new UnsupportedMediaTypeException("Send JSON in UTF-8, not " + param[1] + ".");
            }
        }
    }

    /** {@code text}: decoded strictly by {@link ApiRequest#bodyText} (Jackson would accept some invalid UTF-8). */
    private static ObjectNode parseObject(String text) {
        try {
            JsonNode node = Json.MAPPER.readTree(text);
            if (node instanceof ObjectNode object) {
                return object;
            }
            throw new MalformedRequestException("The request body must be a JSON object, not "
                    + (node == null || node.isMissingNode() ? "nothing"
                            : node.getNodeType().name().toLowerCase(Locale.ROOT))
                    + ".");
        } catch (JsonProcessingException e) {
            JsonLocation where = e.getLocation();
            String at = where == null ? "" : " at line " + where.getLineNr() + ", column " + where.getColumnNr();
            throw new MalformedRequestException("The request body is not valid JSON" + at + ": "
                    + e.getOriginalMessage());
        } catch (IOException e) {
            throw new MalformedRequestException("The request body could not be read.");
        }
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "(body)" : path.toString();
    }

    private static String kind(Class<?> target) {
        if (target == null) {
            return "a value of another kind";
        }
        if (target == String.class) {
            return "a string";
        }
        if (target == Boolean.class || target == boolean.class) {
            return "true or false";
        }
        if (Number.class.isAssignableFrom(target) || target.isPrimitive()) {
            return "a number";
        }
        if (Collection.class.isAssignableFrom(target) || target.isArray()) {
            return "an array";
        }
        return "an object";
    }

    private static List<String> sorted(Set<String> names) {
        return names.stream().sorted().toList();
    }
}
