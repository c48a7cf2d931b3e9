package se.newsroom.importer.wxr;

/**
 * An item's {@code <category domain="…" nicename="…">name</category>}.
 *
 * @param domain   category, post_tag, or another taxonomy
 * @param nicename the term's slug, percent-decoded
 * @param name     the term's name as shown
 */
public record WxrItemTerm(String domain, String nicename, String name) {
}
