package se.newsroom.importer.wxr;

/**
 * A {@code wp:category} or {@code wp:tag} of the channel.
 *
 * @param slug       {@code wp:category_nicename} / {@code wp:tag_slug}, percent-decoded
 * @param parentSlug {@code wp:category_parent} (empty for none, and for tags)
 * @param name       {@code wp:cat_name} / {@code wp:tag_name}
 * @param taxonomy   category or post_tag
 */
public record WxrTerm(long id, String slug, String parentSlug, String name, String taxonomy) {
}
