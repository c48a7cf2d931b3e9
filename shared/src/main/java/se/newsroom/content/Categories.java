package se.newsroom.content;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Category names and their pages: {@code /kategori/<slug>/}, slugged as WordPress slugs its terms, so a name in
 * another script keeps its own page ({@code Новости} → {@code /kategori/%d0%bd%d0%be%d0%b2%d0%be%d1%81%d1%82%d0%b8/}).
 */
public final class Categories {
    private static final HexFormat HEX = HexFormat.of();
    /**
     * Slugs already made (a pure function of the name): a site has tens of categories and every article page links
     * its own, so a rebuild would slug the same few names tens of thousands of times. Bounded all the same.
     */
    private static final Map<String, String> SLUGS = new ConcurrentHashMap<>();
    private static final int SLUGS_KEPT = 4_096;

    private Categories() {
    }

    /**
     * The slug of a category name, e.g. "Individ och familj" → {@code individ-och-familj}: URL-safe ASCII (letters
     * of other scripts percent-encoded), the same for names that differ only in case, distinct otherwise. A name
     * with nothing WordPress would keep (only punctuation, say "?!") gets its UTF-8 in hex after a hyphen, which no
     * other name's slug starts with.
     */
    public static String slug(String name) {
        String known = SLUGS.get(name);
        if (known != null) {
            return known;
        }
        String slug = Slugs.ofTerm(name);
        slug = slug.isEmpty()
                ? "-" + HEX.formatHex(name.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8))
                : slug;
        if (SLUGS.size() < SLUGS_KEPT) {
            SLUGS.put(name, slug);
        }
        return slug;
    }

    /** The site path of a category's page, as links and CDN invalidations spell it (percent-encoded). */
    public static String path(String name) {
        return pathOf(slug(name));
    }

    /** The site path of the page of the category with this slug. */
    public static String pathOf(String slug) {
        return "/kategori/" + slug + "/";
    }

    /**
     * The bucket key of the page of the category with this slug: the path decoded, as S3 (behind CloudFront) and
     * the local site server decode a request's path before looking up its key. A slug holds no '+' and no encoded
     * '/' or '.', so decoding cannot leave the page's folder.
     */
    public static String keyOf(String slug) {
        return "kategori/" + URLDecoder.decode(slug, StandardCharsets.UTF_8) + "/index.html";
    }
}
