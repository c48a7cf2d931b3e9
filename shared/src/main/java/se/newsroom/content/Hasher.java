package se.newsroom.content;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Salted hashes (HMAC-SHA-256) of what must not be stored in clear: email addresses and client addresses. The
 * same input gives the same hash, so an email's comments can be found and erased, and a client rate-limited. The
 * comments function and the WordPress import hash with it, under the same salt, so imported comments are erased
 * with the rest.
 */
public final class Hasher {
    private final SecretKeySpec key;

    public Hasher(String salt) {
        if (salt == null || salt.length() < 16) {
            throw new IllegalArgumentException("The hashing salt must be at least 16 characters");
        }
        this.key = new SecretKeySpec(salt.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /** The hex hash of {@code value} under the salt. */
    public String hash(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
