package se.newsroom.render.site;

import java.net.URI;
import java.time.ZoneId;

/**
 * What every page needs to know about the site.
 *
 * @param name    the site's name, e.g. "Båstads Kommun"
 * @param baseUrl its public address without a trailing slash, for the feed, sitemap and canonical links
 * @param zone    the zone of the dates shown
 */
public record SiteSettings(String name, URI baseUrl, ZoneId zone) {
    /** The absolute URL of a site path such as {@code /nyheter/x/}. */
    public String absolute(String path) {
        String base = baseUrl.toString();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path;
    }
}
