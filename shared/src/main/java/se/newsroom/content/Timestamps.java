package se.newsroom.content;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** Instants as the table stores them: UTC, millisecond precision, fixed width, so they sort as strings. */
public final class Timestamps {
    private static final DateTimeFormatter FIXED =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private Timestamps() {
    }

    /** E.g. {@code 2019-12-04T09:30:00.000Z}. */
    public static String format(Instant instant) {
        return FIXED.format(instant);
    }

    /** Reads what {@link #format} wrote. */
    public static Instant parse(String text) {
        return Instant.parse(text);
    }

    /** The precision the table keeps, so a value read back equals the value written. */
    public static Instant truncate(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS);
    }
}
