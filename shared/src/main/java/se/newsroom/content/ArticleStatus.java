package se.newsroom.content;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Where an article is in its life: being written, waiting for a publisher's review, waiting for its time, or on the
 * site. The order is the editors' list's when it shows every status: work in progress first.
 */
public enum ArticleStatus {
    /** Being written; never on the site. */
    DRAFT,
    /** Submitted by a writer for a publisher's review ("Granskas"); like a draft, never on the site. */
    REVIEW,
    /** Waiting for its publishAt, when the scheduled publisher puts it on the site. */
    SCHEDULED,
    /** On the site. */
    PUBLISHED;

    /** The name used in JSON and in the table, e.g. {@code published}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether an article in this status is on the site or set to go there: a publisher's business. */
    public boolean isLive() {
        return this == SCHEDULED || this == PUBLISHED;
    }

    /** The wire names, for messages: "draft, review, scheduled or published". */
    public static String wireNames() {
        String all = String.join(", ", Arrays.stream(values()).map(ArticleStatus::wireName).toList());
        int last = all.lastIndexOf(", ");
        return all.substring(0, last) + " or " + all.substring(last + 2);
    }

    /** The status with this wire name, if any. */
    public static Optional<ArticleStatus> fromWireName(String name) {
        return Arrays.stream(values()).filter(s -> s.wireName().equals(name)).findFirst();
    }
}
