package se.newsroom.content;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where an uploaded picture is: waiting for its file, made into variants, or refused. */
public enum MediaStatus {
    PENDING, READY, ERROR;

    /** The name used in JSON and in the table, e.g. {@code ready}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The status with this wire name, if any. */
    public static Optional<MediaStatus> fromWireName(String name) {
        return Arrays.stream(values()).filter(s -> s.wireName().equals(name)).findFirst();
    }
}
