package se.newsroom.render.site;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Dates as a Swedish reader expects them: "4 december 2019", "4 december 2019 kl. 16.30", "december 2019". */
public final class SwedishDates {
    private static final Locale SWEDISH = Locale.forLanguageTag("sv-SE");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM uuuu", SWEDISH);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("d MMMM uuuu 'kl.' HH.mm", SWEDISH);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("LLLL uuuu", SWEDISH);

    private final ZoneId zone;

    public SwedishDates(ZoneId zone) {
        this.zone = zone;
    }

    public String date(Instant instant) {
        return DATE.format(instant.atZone(zone));
    }

    public String dateTime(Instant instant) {
        return DATE_TIME.format(instant.atZone(zone));
    }

    public String month(YearMonth month) {
        return MONTH.format(month);
    }

    /** For a {@code <time datetime>} attribute. */
    public String iso(Instant instant) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atZone(zone).withNano(0));
    }
}
