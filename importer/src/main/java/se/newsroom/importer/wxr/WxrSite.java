package se.newsroom.importer.wxr;

import java.util.List;

/**
 * What a WXR export says before its first item: the channel and its authors, categories and tags.
 *
 * @param version     {@code wp:wxr_version}: 1.0, 1.1 or 1.2
 * @param title       the site's title ({@code <title>} of the channel)
 * @param link        the site's address ({@code <link>} of the channel)
 * @param baseSiteUrl {@code wp:base_site_url}
 * @param baseBlogUrl {@code wp:base_blog_url}, the root every permalink starts with
 * @param language    {@code <language>}, e.g. sv-SE
 */
public record WxrSite(String version, String title, String link, String baseSiteUrl, String baseBlogUrl,
                      String language, List<WxrAuthor> authors, List<WxrTerm> categories, List<WxrTerm> tags) {
    public WxrSite {
        authors = List.copyOf(authors);
        categories = List.copyOf(categories);
        tags = List.copyOf(tags);
    }
}
