package se.newsroom.importer.wxr;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** The values of a WXR file as WordPress writes them: MySQL dates, numbers, percent-encoded slugs. */
final class WxrText {
    /** How WordPress writes a date that was never set (a draft's {@code post_date_gmt}). */
    static final String ZERO_DATE = "0000-00-00 00:00:00";
    private static final DateTimeFormatter MYSQL = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");
    /** What a post or comment gets when WordPress wrote no usable local date: the epoch, rather than nothing. */
    private static final LocalDateTime NO_DATE = LocalDateTime.of(1970, 1, 1, 0, 0);

    private WxrText() {
    }

    /** A MySQL datetime; empty for WordPress's zero date, an empty value, or one that is not a date. */
    static Optional<LocalDateTime> date(String text) {
        String value = text.strip();
        if (value.isEmpty() || value.equals(ZERO_DATE)) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDateTime.parse(value, MYSQL));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** A {@code *_gmt} date as an instant. */
    static Optional<Instant> gmt(String text) {
        return date(text).map(d -> d.toInstant(ZoneOffset.UTC));
    }

    /**
     * A local {@code post_date} / {@code comment_date}, which the records require: when WordPress wrote none, the
     * GMT date read as local, else the epoch (the importer then has the GMT date or reports the odd date).
     */
    static LocalDateTime local(String text, Optional<Instant> gmt) {
        return date(text).orElseGet(() -> gmt.map(g -> LocalDateTime.ofInstant(g, ZoneOffset.UTC)).orElse(NO_DATE));
    }

    /** A WordPress id or count; 0 when empty or not a number (WordPress writes {@code (int)} casts). */
    static long number(String text) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /**
     * A slug as WordPress stores it, percent-decoded ({@code f%c3%b6rskola} -> {@code förskola}); a {@code +} stays
     * a plus (URLDecoder would make it a space), and a value that is not valid percent-encoded UTF-8 is kept as it
     * is.
     */
    static String slug(String text) {
        String value = text.strip();
        if (value.indexOf('%') < 0) {
            return value;
        }
        try {
            String decoded = URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8);
            return decoded.indexOf('\uFFFD') >= 0 && value.indexOf('\uFFFD') < 0 ? value : decoded;
        } catch (IllegalArgumentException e) {
            return value;
        }
    }
}
