package se.newsroom.content;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where an article is in its life: being written, waiting for its time, or on the site. */
public enum ArticleStatus {
    DRAFT, SCHEDULED, PUBLISHED;

    /** The name used in JSON and in the table, e.g. {@code published}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The status with this wire name, if any. */
    public static Optional<ArticleStatus> fromWireName(String name) {
        return Arrays.stream(values()).filter(s -> s.wireName().equals(name)).findFirst();
    }
}
