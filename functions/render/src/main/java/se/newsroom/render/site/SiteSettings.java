package se.newsroom.render.site;

import java.net.URI;
import java.time.ZoneId;
import java.util.List;

/**
 * What every page needs to know about the site.
 *
 * @param name           the site's name, e.g. "Båstads Kommun"
 * @param baseUrl        its public address without a trailing slash, for the feed, sitemap and canonical links
 * @param zone           the zone of the dates shown
 * @param mainCategories the categories the navigation on every page links to, in order: configuration, not
 *                       content, so that a publish never changes every page
 * @param logo           the publisher's logo in the pages' structured data
 * @param privacyContact who readers ask to have their comments erased, named by the default privacy notice; ""
 *                       for none
 */
public record SiteSettings(String name, URI baseUrl, ZoneId zone, List<String> mainCategories, Logo logo,
                           String privacyContact) {
    /** The logo the site ships with: {@code /assets/logo.png}. */
    public static final Logo DEFAULT_LOGO = new Logo("/assets/logo.png", 512, 512);

    public SiteSettings {
        mainCategories = List.copyOf(mainCategories);
    }

    /** A site with no contact named in the default privacy notice. */
    public SiteSettings(String name, URI baseUrl, ZoneId zone, List<String> mainCategories, Logo logo) {
        this(name, baseUrl, zone, mainCategories, logo, "");
    }

    /** A site with no categories in its navigation and the default logo. */
    public SiteSettings(String name, URI baseUrl, ZoneId zone) {
        this(name, baseUrl, zone, List.of(), DEFAULT_LOGO);
    }

    /** The absolute URL of a site path such as {@code /nyheter/x/}. */
    public String absolute(String path) {
        String base = baseUrl.toString();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path;
    }

    /**
     * A raster logo (search engines take no SVG for a publisher's logo) and its size in pixels.
     *
     * @param path a site path or an absolute https URL
     */
    public record Logo(String path, int width, int height) {
        /** Its absolute URL on {@code site}. */
        public String url(SiteSettings site) {
            return path.startsWith("/") ? site.absolute(path) : path;
        }
    }
}
