package se.newsroom.content;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;

import com.github.f4b6a3.ulid.Ulid;
import com.github.f4b6a3.ulid.UlidCreator;

/** Article ids: ULIDs, which sort by creation time as strings (so newest-first listings need no extra key). */
public final class ArticleIds {
    private ArticleIds() {
    }

    /** A generator of new ids; monotonic within one container, so ids made in the same millisecond still sort. */
    public static Supplier<String> generator() {
        return () -> UlidCreator.getMonotonicUlid().toString();
    }

    /** Whether {@code value} is an id this system could have made. */
    public static boolean isValid(String value) {
        return value != null && Ulid.isValid(value) && value.equals(value.toUpperCase(Locale.ROOT));
    }

    /**
     * The id of something brought in from another site, the same on every run: its time part {@code time} (so it
     * sorts among ids made here by its own date), its random part the first 80 bits of SHA-256 of {@code name}, which
     * names it on its old site (e.g. {@code wordpress:https://example.se:post:123}). A re-run of an import writes
     * the same keys, so it can tell what is there already.
     *
     * @throws IllegalArgumentException for a time before 1970 or after 10889, which a ULID cannot hold
     */
    public static String derived(Instant time, String name) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            return new Ulid(time.toEpochMilli(), Arrays.copyOf(digest, 10)).toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
