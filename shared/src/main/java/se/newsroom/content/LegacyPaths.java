package se.newsroom.content;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import se.newsroom.http.ApiRequest;

/**
 * The one rule for an imported article's addresses on its old site ({@link Article#legacyPaths()}): which are
 * acceptable, their normal form, and the key of the site bucket's object that answers each with a 301 (render writes
 * it, the CDN and the local runner turn it into the redirect). The importer filters with it before storing; render
 * refuses what it refuses.
 *
 * <p>Acceptable: a site-relative path ({@code /2019/12/04/x/}, {@code /x/}, {@code /x.html}) or WordPress's query
 * address of a post or page ({@code /?p=123}, {@code /?page_id=7}); percent-decoded to one form (so
 * {@code /f%C3%B6rskola/} is {@code /förskola/}); no {@code .} or {@code ..} segment, empty segment, control
 * character, backslash, {@code %}, {@code ?} or {@code #} left after decoding; and never one of the site's own
 * addresses (the front page, {@code /nyheter/…}, {@code /kategori/…}, {@code /feed.xml}, …), which an old link must
 * not take over.
 *
 * <p>Keys: a last segment without a dot is a folder, whether or not the permalink ended in {@code /} (the CDN and the
 * local runner add the slash, as WordPress does), so {@code /2019/12/04/x/} and {@code /2019/12/04/x} both map to
 * {@code 2019/12/04/x/index.html}; one with a dot is a file ({@code /x.html} to {@code x.html}). A query address maps
 * under {@link #QUERY_PREFIX}, which no page uses and no path may take: {@code /?p=123} to
 * {@code wp/p/123/index.html}, {@code /?page_id=7} to {@code wp/page_id/7/index.html}.
 */
public final class LegacyPaths {
    /** The folder of the query addresses' objects, {@code /?p=N} and {@code /?page_id=N}; render owns it. */
    public static final String QUERY_PREFIX = "wp/";
    /** The query parameters that name a WordPress post or page by its id. */
    public static final List<String> QUERY_NAMES = List.of("p", "page_id");

    /**
     * The first path segments of the site's own addresses: render's folders, the desk, uploads, media, the API, and
     * WordPress's site-wide addresses that the CDN answers by pattern ({@code /category/…}, {@code /tag/…},
     * {@code /feed/}), which an object could never answer.
     */
    private static final Set<String> OWN_FOLDERS = Set.of("nyheter", "kategori", "arkiv", "sok", "redaktion",
            "assets", "uploads", "media", "api", "oauth2", "wp", "priming", "category", "tag", "feed");
    /** The site's own top-level files (render's, and the sign-in's). */
    private static final Set<String> OWN_FILES = Set.of("index.html", "feed.xml", "sitemap.xml", "404.html",
            "robots.txt", "logout");
    private static final Pattern SITEMAP_PART = Pattern.compile("sitemap-\\d+\\.xml");
    private static final Pattern QUERY = Pattern.compile("/\\?(p|page_id)=([1-9][0-9]{0,18})");

    private LegacyPaths() {
    }

    /** The normal form of an acceptable legacy path, or empty when it is refused ({@link #refusal} says why). */
    public static Optional<String> normal(String path) {
        return check(path) instanceof Checked.Accepted a ? Optional.of(a.path()) : Optional.empty();
    }

    /** Why a legacy path is refused, in Swedish for the import's report; empty when it is acceptable. */
    public static Optional<String> refusal(String path) {
        return check(path) instanceof Checked.Refused r ? Optional.of(r.reason()) : Optional.empty();
    }

    /**
     * The bucket key of the redirect object for a legacy path, e.g. {@code 2019/12/04/x/index.html}.
     *
     * @throws IllegalArgumentException when the path is refused (with the reason)
     */
    public static String key(String path) {
        return switch (check(path)) {
            case Checked.Accepted a -> a.key();
            case Checked.Refused r -> throw new IllegalArgumentException(r.reason() + ": " + path);
        };
    }

    /**
     * Whether {@code key} is one a legacy path can map to: under {@link #QUERY_PREFIX}, or outside every folder and
     * file of the site's own. A rebuild still deletes such an object only when render made it.
     */
    public static boolean mayBeKeyOf(String key) {
        if (key.startsWith(QUERY_PREFIX)) {
            return true;
        }
        return !key.isEmpty() && !key.startsWith("/") && !own(key.split("/", -1));
    }

    private sealed interface Checked {
        record Accepted(String path, String key) implements Checked {
        }

        record Refused(String reason) implements Checked {
        }
    }

    private static Checked check(String path) {
        if (path == null || !path.startsWith("/")) {
            return new Checked.Refused("Adressen börjar inte med /");
        }
        Matcher query = QUERY.matcher(path);
        if (query.matches()) {
            return new Checked.Accepted(path, QUERY_PREFIX + query.group(1) + "/" + query.group(2) + "/index.html");
        }
        if (path.indexOf('?') >= 0 || path.indexOf('#') >= 0) {
            return new Checked.Refused("Adressen har en fråga eller ett fragment som inte är /?p=N eller /?page_id=N");
        }
        Optional<String> decoded = ApiRequest.percentDecoded(path, false);
        if (decoded.isEmpty()) {
            return new Checked.Refused("Adressen har en trasig %-kodning");
        }
        String p = decoded.get();
        if (p.chars().anyMatch(c -> c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == '\\' || c == '%' || c == '?'
                || c == '#')) {
            return new Checked.Refused("Adressen har ett tecken som inte hör hemma i en adress");
        }
        if (p.equals("/")) {
            return new Checked.Refused("Adressen är webbplatsens startsida");
        }
        String[] segments = p.substring(1).split("/", -1);
        boolean folder = p.endsWith("/");
        int named = folder ? segments.length - 1 : segments.length;
        for (int i = 0; i < named; i++) {
            if (segments[i].isEmpty() || segments[i].equals(".") || segments[i].equals("..")) {
                return new Checked.Refused("Adressen har en tom del, . eller ..");
            }
        }
        if (own(segments)) {
            return new Checked.Refused("Adressen är en av webbplatsens egna");
        }
        String last = segments[named - 1];
        String key = p.substring(1);
        if (!folder && last.indexOf('.') < 0) {
            key += "/";
        }
        if (key.endsWith("/")) {
            key += "index.html";
        }
        return new Checked.Accepted(p, key);
    }

    /** Whether a path's (or key's) segments name one of the site's own addresses. */
    private static boolean own(String[] segments) {
        String first = segments[0];
        if (segments.length > 1) {
            return OWN_FOLDERS.contains(first) || first.isEmpty()
                    || first.equals("comments") && segments[1].equals("feed");
        }
        return OWN_FOLDERS.contains(first) || OWN_FILES.contains(first) || SITEMAP_PART.matcher(first).matches()
                || first.isEmpty();
    }
}
