package se.newsroom.importer;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import se.newsroom.content.Article;
import se.newsroom.content.Slugs;
import se.newsroom.importer.wxr.WxrItem;
import se.newsroom.importer.wxr.WxrSite;

/**
 * What the first pass over an export keeps, so that the second can convert and write one item at a time: each
 * imported post's settled slug (WordPress's collision rule, in file order), its old addresses mapped to its new one
 * (for links between posts), and each attachment's file (for featured images). About 620 bytes a post with a slug
 * of 40 characters (measured over 100,000 posts), some 6 MB for 10,000, whatever their bodies and comments hold;
 * an attachment keeps its file's path, alt text and title.
 */
final class SiteIndex {
    /** Slugs WordPress refuses for a post (its feed names), which it suffixes as it does a taken one. */
    private static final Set<String> RESERVED = Set.of("feed", "rdf", "rss", "rss2", "atom", "embed");
    private static final Pattern ENCODED = Pattern.compile("%[0-9a-fA-F]{2}");

    /**
     * A post to import, as settled by the first pass.
     *
     * @param wanted its wp:post_name (decoded), or the slug made from its title when it had none
     * @param slug   the slug it gets: {@code wanted}, or {@code wanted-N} when an earlier post has it
     */
    record Planned(String wanted, String slug, boolean named) {
    }

    /**
     * An attachment: its file under uploads ({@code _wp_attached_file}, e.g. {@code 2019/12/bild.jpg}), its alt
     * text and title.
     */
    record Attachment(String file, String alt, String title) {
    }

    private final WxrSite site;
    private final Set<String> hosts = new HashSet<>();
    private final Map<Long, Planned> posts = new HashMap<>();
    private final Set<String> taken = new HashSet<>();
    private final Map<String, String> newPaths = new HashMap<>();
    private final Map<Long, Attachment> attachments = new HashMap<>();

    SiteIndex(WxrSite site) {
        this.site = site;
        for (String url : new String[] {site.baseBlogUrl(), site.baseSiteUrl(), site.link()}) {
            host(url).ifPresent(hosts::add);
        }
    }

    WxrSite site() {
        return site;
    }

    /** Takes in one item of the first pass. */
    void add(WxrItem item) {
        if ("attachment".equals(item.postType())) {
            String file = item.meta().getOrDefault("_wp_attached_file", "");
            if (!file.isEmpty()) {
                attachments.put(item.postId(), new Attachment(file,
                        item.meta().getOrDefault("_wp_attachment_image_alt", ""), item.title()));
            }
            return;
        }
        if (PostKinds.skipReason(item).isPresent()) {
            return;
        }
        String name = decoded(item.postName().strip());
        boolean named = !name.isEmpty();
        String wanted = named ? name : Slugs.of(item.title());
        wanted = wanted.isEmpty() ? Long.toString(item.postId()) : wanted;
        String slug = wanted;
        for (int n = 2; taken.contains(slug) || RESERVED.contains(slug); n++) {
            slug = Slugs.withSuffix(wanted, n);
        }
        taken.add(slug);
        posts.put(item.postId(), new Planned(wanted, slug, named));
        String newPath = Article.PATH_PREFIX + slug + "/";
        newPaths.put("/?p=" + item.postId(), newPath);
        oldPath(item.link()).ifPresent(path -> newPaths.putIfAbsent(path, newPath));
    }

    /** The post's plan; empty for an item the import leaves out. */
    Optional<Planned> planned(long postId) {
        return Optional.ofNullable(posts.get(postId));
    }

    Optional<Attachment> attachment(long id) {
        return Optional.ofNullable(attachments.get(id));
    }

    /** How many posts are to be imported. */
    int postCount() {
        return posts.size();
    }

    /**
     * A link of a post's body, re-pointed to the new address of the post it names (by its permalink or its
     * {@code ?p=N}), keeping a {@code #fragment}; any other link as it is.
     */
    String relink(String href) {
        Optional<URI> uri = uri(href);
        if (uri.isEmpty() || (uri.get().getHost() != null && !hosts.contains(uri.get().getHost()
                .toLowerCase(Locale.ROOT)))) {
            return href;
        }
        Optional<String> path = sitePath(uri.get());
        String target = path.map(p -> newPaths.getOrDefault(p, p.contains("?") || p.endsWith("/") ? null
                : newPaths.get(p + "/"))).orElse(null);
        if (target == null) {
            return href;
        }
        return uri.get().getRawFragment() == null ? target : target + "#" + uri.get().getRawFragment();
    }

    /**
     * The site-relative address of a post's {@code <link>}: its path, percent-decoded, with its query when it has
     * one (a post never published is linked as {@code /?p=N}).
     */
    static Optional<String> oldPath(String link) {
        return uri(link).flatMap(SiteIndex::sitePath);
    }

    /** As {@link #oldPath}, but as the export writes it (percent-encoded). */
    static Optional<String> rawPath(String link) {
        return uri(link).flatMap(uri -> {
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            String query = uri.getRawQuery();
            return path.startsWith("/") ? Optional.of(path + (query == null || query.isEmpty() ? "" : "?" + query))
                    : Optional.empty();
        });
    }

    private static Optional<String> sitePath(URI uri) {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        if (!path.startsWith("/")) {
            return Optional.empty();
        }
        String query = uri.getRawQuery();
        return Optional.of(decoded(path) + (query == null || query.isEmpty() ? "" : "?" + query));
    }

    /** Percent-decoded when it holds percent-encoded octets (WordPress keeps Swedish slugs so); else as it is. */
    static String decoded(String value) {
        return ENCODED.matcher(value).find()
                ? URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8) : value;
    }

    private static Optional<URI> uri(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new URI(value.strip()));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> host(String url) {
        return uri(url).map(URI::getHost).map(h -> h.toLowerCase(Locale.ROOT));
    }
}
