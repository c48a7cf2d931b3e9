package se.newsroom.importer;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Optional;

import se.newsroom.content.ArticleIds;
import se.newsroom.content.Timestamps;

/**
 * The ids an imported post and comment get here: ULIDs whose random part is SHA-256 of the item's WordPress id on its
 * site ({@code wordpress:<base blog url>:post:<id>}), so every run gives every item the same key and finds what an
 * earlier run wrote. A comment's time part is its date (comments sort by id within their article, and WordPress
 * never changes a comment's date). A post's is its WordPress id in milliseconds after 1970, not its date: WordPress
 * moves a post's date when a draft is saved or published, and an export taken after that must still find the post
 * an earlier export brought (imported posts sort among themselves by WordPress id, their order of creation).
 */
final class WordPressIds {
    /** The zone of the site's local dates, used when WordPress wrote no GMT date (drafts). */
    static final ZoneId SITE_ZONE = ZoneId.of("Europe/Stockholm");

    private final String baseBlogUrl;

    WordPressIds(String baseBlogUrl) {
        this.baseBlogUrl = baseBlogUrl;
    }

    String post(long postId) {
        return ArticleIds.derived(Instant.ofEpochMilli(postId), "wordpress:" + baseBlogUrl + ":post:" + postId);
    }

    String comment(long commentId, Instant date) {
        return ArticleIds.derived(idTime(date), "wordpress:" + baseBlogUrl + ":comment:" + commentId);
    }

    /**
     * An item's date: its GMT date, else its local date in the site's zone, else (WordPress's 0000-00-00 in both)
     * the earliest date the site carries, so that it is the same on every run.
     */
    static Instant date(Optional<Instant> gmt, LocalDateTime local) {
        return Timestamps.truncate(gmt.orElseGet(() -> local == null ? Timestamps.EARLIEST
                : local.atZone(SITE_ZONE).toInstant()));
    }

    /** A ULID holds no time before 1970. */
    private static Instant idTime(Instant date) {
        return date.isBefore(Instant.EPOCH) ? Instant.EPOCH : date;
    }
}
