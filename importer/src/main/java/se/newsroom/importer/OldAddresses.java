package se.newsroom.importer;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

/**
 * An imported article's addresses on its old site ({@code Article.legacyPaths}): the path of its permalink,
 * {@code /?p=<id>} and {@code /<slug>/}, without those that are this site's own addresses (a WordPress page at
 * {@code /nyheter/} or {@code /arkiv/2019/} must not turn the site's own pages into redirects).
 */
final class OldAddresses {
    /** The beginnings of this site's own addresses. */
    private static final List<String> OWN_PREFIXES = List.of("/nyheter/", "/kategori/", "/arkiv/", "/sok/",
            "/redaktion/", "/assets/", "/uploads/", "/media/", "/api/", "/oauth2/", "/category/", "/tag/", "/feed/");
    /** This site's own files at the root. */
    private static final Set<String> OWN_FILES = Set.of("/", "/feed.xml", "/sitemap.xml", "/404.html",
            "/robots.txt", "/favicon.ico", "/index.html");

    private OldAddresses() {
    }

    /**
     * The addresses to keep, distinct and in that order; each one left out is told to {@code leftOut}.
     *
     * @param linkPath the permalink's site-relative path (percent-decoded), if it has one
     * @param slug     the slug it had there, when it had one of its own
     */
    static List<String> of(String linkPath, long postId, String slug, Consumer<String> leftOut) {
        Set<String> paths = new LinkedHashSet<>();
        if (linkPath != null && !linkPath.isEmpty()) {
            paths.add(linkPath);
        }
        paths.add("/?p=" + postId);
        if (slug != null && !slug.isEmpty()) {
            paths.add("/" + slug + "/");
        }
        List<String> kept = new ArrayList<>();
        for (String path : paths) {
            if (acceptable(path)) {
                kept.add(path);
            } else {
                leftOut.accept(path);
            }
        }
        return kept;
    }

    /** Whether a redirect may stand at {@code path}: site-relative, none of the site's own, no dot segments. */
    static boolean acceptable(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        return path.startsWith("/") && !path.startsWith("//") && !OWN_FILES.contains(lower)
                && OWN_PREFIXES.stream().noneMatch(p -> lower.startsWith(p) || lower.equals(p.substring(0,
                        p.length() - 1)))
                && !lower.startsWith("/sitemap") && !path.contains("/../") && !path.contains("/./")
                && path.chars().noneMatch(c -> c < 0x20 || c == 0x7f);
    }
}
