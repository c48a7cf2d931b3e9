package se.newsroom.importer.wxr;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An {@code <item>} of the export: a post, page, attachment, menu item, … with its terms, meta and comments.
 *
 * @param postId        {@code wp:post_id}
 * @param postType      {@code wp:post_type}: post, page, attachment, nav_menu_item, …
 * @param link          {@code <link>}: its permalink (or {@code ?p=N} for a post never published)
 * @param creatorLogin  {@code dc:creator}: the author's login, see {@link WxrSite#authors()}
 * @param content       {@code content:encoded}: HTML, possibly with Gutenberg block comments and shortcodes
 * @param excerpt       {@code excerpt:encoded}
 * @param postDateGmt   {@code wp:post_date_gmt}; empty when WordPress wrote {@code 0000-00-00 00:00:00} (drafts)
 * @param postDate      {@code wp:post_date}, the site's local time
 * @param postName      {@code wp:post_name}, percent-decoded; may be empty (drafts)
 * @param status        {@code wp:status}: publish, future, draft, pending, private, trash, inherit, …
 * @param postParent    {@code wp:post_parent}, 0 for none
 * @param attachmentUrl {@code wp:attachment_url} (attachments only, else empty)
 * @param meta          {@code wp:postmeta} keys and values (the first value of a repeated key), e.g. _thumbnail_id,
 *                      _wp_attached_file
 */
public record WxrItem(long postId, String postType, String title, String link, String guid, String creatorLogin,
                      String content, String excerpt, Optional<Instant> postDateGmt, LocalDateTime postDate,
                      String commentStatus, String postName, String status, long postParent, String attachmentUrl,
                      List<WxrItemTerm> terms, Map<String, String> meta, List<WxrComment> comments) {
    public WxrItem {
        terms = List.copyOf(terms);
        meta = Map.copyOf(meta);
        comments = List.copyOf(comments);
    }
}
