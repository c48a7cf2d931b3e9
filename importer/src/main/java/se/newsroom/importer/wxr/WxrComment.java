package se.newsroom.importer.wxr;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Optional;

/**
 * A {@code wp:comment} of an item.
 *
 * @param dateGmt  {@code wp:comment_date_gmt}; empty when WordPress wrote {@code 0000-00-00 00:00:00}
 * @param date     {@code wp:comment_date}, the site's local time
 * @param approved {@code wp:comment_approved}: 1, 0, spam, trash or post-trashed
 * @param type     {@code wp:comment_type}: empty or comment for a comment, pingback, trackback, …
 * @param parent   {@code wp:comment_parent}, 0 for none
 */
public record WxrComment(long id, String author, String authorEmail, String authorUrl, String authorIp,
                         Optional<Instant> dateGmt, LocalDateTime date, String content, String approved, String type,
                         long parent, long userId) {
}
