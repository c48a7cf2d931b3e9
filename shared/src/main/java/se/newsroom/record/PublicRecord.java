package se.newsroom.record;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.erdtman.jcs.JsonCanonicalizer;

import se.newsroom.content.Article;
import se.newsroom.content.ArticleStatus;
import se.newsroom.content.Correction;
import se.newsroom.content.Timestamps;
import se.newsroom.json.Json;

/**
 * One published version of an article as the public record keeps it: written once to
 * {@code records/<articleId>/<version, 19 digits>.json} as canonical JSON (RFC 8785, so that anyone can recompute
 * the hash with any JCS implementation), holding the SHA-256 of the version recorded before it ({@code previousHash},
 * "" for the first) and its own ({@code hash}, over the canonical bytes of every other member). Changing a stored
 * version breaks its hash; removing one breaks the next one's link.
 */
public final class PublicRecord {
    /** Where every article's records are kept in the records bucket. */
    public static final String PREFIX = "records/";
    /** The member holding the version's own hash, left out of what is hashed. */
    static final String HASH = "hash";

    private final String articleId;
    private final long version;
    private final String previousHash;
    private final String hash;
    private final ObjectNode json;

    private PublicRecord(ObjectNode json) {
        this.json = json;
        this.articleId = json.path("articleId").asText("");
        this.version = json.path("version").asLong(-1);
        this.previousHash = json.path("previousHash").asText("");
        this.hash = json.path(HASH).asText("");
    }

    /**
     * The record of a published article, linked to the version recorded before it.
     *
     * @param previousHash the hash of the latest earlier record, or "" for the article's first
     * @throws IllegalArgumentException when the article is not published (only published versions are recorded)
     */
    public static PublicRecord of(Article a, String previousHash) {
        if (a.status() != ArticleStatus.PUBLISHED || a.publishedAt().isEmpty()) {
            throw new IllegalArgumentException("Only a published article is recorded; " + a.id() + " is "
                    + a.status().wireName());
        }
        ObjectNode json = Json.MAPPER.createObjectNode();
        json.put("articleId", a.id());
        json.put("version", a.version());
        json.put("savedAt", Timestamps.format(a.updatedAt()));
        json.put("publishedAt", Timestamps.format(a.publishedAt().get()));
        json.put("slug", a.slug());
        json.put("title", a.title());
        json.put("summary", a.summary());
        json.put("body", a.body());
        ArrayNode categories = json.putArray("categories");
        a.categories().forEach(categories::add);
        ArrayNode corrections = json.putArray("corrections");
        for (Correction c : a.corrections()) {
            corrections.addObject().put("at", Timestamps.format(c.at())).put("note", c.note());
        }
        json.put("previousHash", Objects.requireNonNull(previousHash, "previousHash"));
        json.put(HASH, sha256(canonicalWithoutHash(json)));
        return new PublicRecord(json);
    }

    /**
     * A stored record as read back, trusting nothing in it: {@link #intact()} says whether its hash is its own.
     *
     * @throws IllegalArgumentException when the bytes are not a JSON object
     */
    public static PublicRecord parse(byte[] stored) {
        try {
            if (!(Json.MAPPER.readTree(stored) instanceof ObjectNode object)) {
                throw new IllegalArgumentException("A record is a JSON object");
            }
            return new PublicRecord(object);
        } catch (IOException e) {
            throw new IllegalArgumentException("The record is not JSON: " + e.getMessage(), e);
        }
    }

    /** The key of an article's version in the records bucket: {@code records/<articleId>/<19 digits>.json}. */
    public static String key(String articleId, long version) {
        return prefix(articleId) + String.format("%019d", version) + ".json";
    }

    /** The prefix under which an article's versions are kept, in version order. */
    public static String prefix(String articleId) {
        return PREFIX + articleId + "/";
    }

    /** The version a key names; -1 when it is not a record's key. */
    public static long versionOf(String key) {
        String name = key.substring(key.lastIndexOf('/') + 1);
        if (!name.matches("\\d{19}\\.json")) {
            return -1;
        }
        return Long.parseLong(name.substring(0, 19));
    }

    /** The stored form: the canonical JSON of every member, the hash included. */
    public byte[] bytes() {
        return canonical(json);
    }

    /** Whether the stored hash is the SHA-256 of the rest of the record, as written. */
    public boolean intact() {
        return hash.equals(sha256(canonicalWithoutHash(json)));
    }

    public String articleId() {
        return articleId;
    }

    public long version() {
        return version;
    }

    public String previousHash() {
        return previousHash;
    }

    public String hash() {
        return hash;
    }

    /** A member as text ("" when absent): {@code title}, {@code savedAt}, {@code publishedAt}, … */
    public String text(String member) {
        return json.path(member).asText("");
    }

    /** How many corrections the version carries. */
    public int corrections() {
        return json.path("corrections").size();
    }

    /** The category names the version carries. */
    public List<String> categories() {
        List<String> names = new ArrayList<>();
        json.path("categories").forEach(n -> names.add(n.asText("")));
        return List.copyOf(names);
    }

    private static byte[] canonicalWithoutHash(ObjectNode json) {
        ObjectNode copy = json.deepCopy();
        copy.remove(HASH);
        return canonical(copy);
    }

    private static byte[] canonical(ObjectNode json) {
        try {
            return new JsonCanonicalizer(Json.MAPPER.writeValueAsString(json)).getEncodedUTF8();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A tree of strings and numbers always writes", e);
        } catch (IOException e) {
            throw new IllegalStateException("Jackson's JSON is always JCS's input", e);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return new String(bytes(), StandardCharsets.UTF_8);
    }
}
