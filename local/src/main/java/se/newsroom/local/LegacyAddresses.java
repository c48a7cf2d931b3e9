package se.newsroom.local;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A WordPress site's old addresses, answered locally exactly as the CDN's viewer-request function answers them
 * (IndexDocumentFunction in template.yaml): {@code /?p=N} and {@code /?page_id=N} served from the object render
 * writes under {@code wp/} for an imported post; {@code /category/<slug>/} and {@code /tag/<slug>/} moved to
 * {@code /kategori/<slug>/}, their feeds to its {@code feed.xml}; {@code /feed/} and {@code /comments/feed/} to
 * {@code /feed.xml}; a path whose last segment has no dot given its slash; a path ending in {@code /} served from its
 * {@code index.html}. The same list of cases holds this class and the function's own code to each other
 * (LegacyAddressesTest, CloudFrontFunctionsTest), so the two cannot drift.
 */
final class LegacyAddresses {
    private static final List<String> QUERY_NAMES = List.of("p", "page_id");
    private static final Pattern POST_ID = Pattern.compile("[1-9][0-9]{0,18}");
    private static final Pattern CATEGORY_FEED = Pattern.compile("/(?:category|tag)/(?:[^/]+/)*([^/]+)/feed/?");
    private static final Pattern CATEGORY = Pattern.compile(
            "/(?:category|tag)/(?:[^/]+/)*?([^/]+)(?:/page/[0-9]+)?/?");
    private static final Pattern FEED = Pattern.compile("/(?:comments/)?feed(?:/(?:rss2?|atom|rdf))?/?");

    private LegacyAddresses() {
    }

    /** What the edge does with a request before the bucket is asked. */
    sealed interface Answer {
        /** A permanent redirect to {@code location}. */
        record Moved(String location) implements Answer {
        }

        /** The object at {@code uri} (still percent-encoded, as the request had it) answers. */
        record Serve(String uri) implements Answer {
        }
    }

    /** The answer to a request for {@code rawPath} with {@code rawQuery} (null or empty when it had none). */
    static Answer route(String rawPath, String rawQuery) {
        if (rawPath.equals("/") || rawPath.equals("/index.php")) {
            for (String name : QUERY_NAMES) {
                Optional<String> id = first(rawQuery, name).filter(v -> POST_ID.matcher(v).matches());
                if (id.isPresent()) {
                    return new Answer.Serve("/wp/" + name + "/" + id.get() + "/index.html");
                }
            }
        }
        Matcher m = CATEGORY_FEED.matcher(rawPath);
        if (m.matches()) {
            return new Answer.Moved("/kategori/" + m.group(1) + "/feed.xml");
        }
        m = CATEGORY.matcher(rawPath);
        if (m.matches()) {
            return new Answer.Moved("/kategori/" + m.group(1) + "/");
        }
        if (FEED.matcher(rawPath).matches()) {
            return new Answer.Moved("/feed.xml");
        }
        if (rawPath.endsWith("/")) {
            return new Answer.Serve(rawPath + "index.html");
        }
        if (rawPath.substring(rawPath.lastIndexOf('/')).indexOf('.') < 0) {
            return new Answer.Moved(rawPath + "/");
        }
        return new Answer.Serve(rawPath);
    }

    /** The first value of a query parameter, as CloudFront gives a function a repeated one's {@code value}. */
    private static Optional<String> first(String rawQuery, String name) {
        if (rawQuery == null) {
            return Optional.empty();
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                return Optional.of(pair.substring(eq + 1));
            }
        }
        return Optional.empty();
    }
}
