package se.newsroom.content;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * Instants as the table stores them: UTC, millisecond precision, fixed width, so they sort as strings. Only years
 * 0000–9999 have that form (a year 10000 would be written "+10000-…", which sorts before "2026-…"), so nothing
 * outside them is ever written; the API keeps every date an editor gives within {@link #EARLIEST} and ten years
 * ahead.
 */
public final class Timestamps {
    /** The earliest date an article may carry: before it, this municipality published nothing on the web. */
    public static final Instant EARLIEST = Instant.parse("1990-01-01T00:00:00Z");
    /** The last instant of the fixed-width form. */
    static final Instant LAST_WRITABLE = Instant.parse("9999-12-31T23:59:59.999Z");
    private static final Instant FIRST_WRITABLE = Instant.parse("0000-01-01T00:00:00Z");
    private static final DateTimeFormatter FIXED =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private Timestamps() {
    }

    /**
     * E.g. {@code 2019-12-04T09:30:00.000Z}.
     *
     * @throws IllegalArgumentException for an instant outside years 0000–9999, which has no fixed-width form
     */
    public static String format(Instant instant) {
        if (!isWritable(instant)) {
            throw new IllegalArgumentException("No fixed-width form for " + instant + ": years 0000-9999 only");
        }
        return FIXED.format(instant);
    }

    /**
     * As {@link #format}, for any year, as versions before this check wrote it ({@code +10000-01-01T…}): for the keys
     * of items such a version may have written beside an article, so they can still be found and deleted. Never use
     * it to write a new item.
     */
    public static String formatAsEverWritten(Instant instant) {
        return FIXED.format(instant);
    }

    /** Whether {@link #format} can write this instant. */
    public static boolean isWritable(Instant instant) {
        return !instant.isBefore(FIRST_WRITABLE) && !instant.isAfter(LAST_WRITABLE);
    }

    /** Reads what {@link #format} wrote (and any ISO-8601 instant an older version wrote, "+10000-…" included). */
    public static Instant parse(String text) {
        return Instant.parse(text);
    }

    /** The precision the table keeps, so a value read back equals the value written. */
    public static Instant truncate(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS);
    }
}
