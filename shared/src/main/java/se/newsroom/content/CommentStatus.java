package se.newsroom.content;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where a comment is in moderation. */
public enum CommentStatus {
    PENDING, APPROVED, REJECTED, SPAM;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<CommentStatus> fromWireName(String name) {
        return Arrays.stream(values()).filter(s -> s.wireName().equals(name)).findFirst();
    }
}
