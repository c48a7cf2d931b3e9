package se.newsroom.render.plan;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.stream.Collectors;

import se.newsroom.content.Categories;
import se.newsroom.content.LegacyPaths;

/** One object of the static site: its key in the bucket and the path readers use. */
public sealed interface Page {
    /** The object key in the site bucket, e.g. {@code nyheter/<slug>/index.html}. */
    String key();

    /** The path readers request, e.g. {@code /nyheter/<slug>/}; what the CDN invalidates. */
    default String path() {
        String key = key();
        return "/" + (key.endsWith("index.html") ? key.substring(0, key.length() - "index.html".length()) : key);
    }

    /** The front page: the latest articles. */
    record Front() implements Page {
        public String key() {
            return "index.html";
        }
    }

    /** An article's page. */
    record ArticlePage(String articleId, String slug) implements Page {
        public String key() {
            return "nyheter/" + slug + "/index.html";
        }
    }

    /** The page an article's old slug leaves behind: a permanent redirect to its current page. */
    record Redirect(String slug, String articleId) implements Page {
        public String key() {
            return "nyheter/" + slug + "/index.html";
        }
    }

    /**
     * The object an imported article's address on its old site leaves (e.g. WordPress's {@code /2019/12/04/x/} or
     * {@code /?p=123}): a permanent redirect to its current page, under the key {@link LegacyPaths#key} gives.
     */
    record LegacyRedirect(String legacyPath, String articleId) implements Page {
        public String key() {
            return LegacyPaths.key(legacyPath);
        }

        /**
         * The path the CDN caches the object under (a query address's rewritten one, {@code /wp/p/123/}), each
         * segment percent-encoded, as an invalidation must name a path with letters outside ASCII.
         */
        @Override
        public String path() {
            String key = key();
            String folder = key.endsWith("index.html") ? key.substring(0, key.length() - "index.html".length()) : key;
            return "/" + Arrays.stream(folder.split("/", -1))
                    .map(s -> URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20"))
                    .collect(Collectors.joining("/"));
        }
    }

    /**
     * One page of a month's archive, newest first, {@link #SIZE} articles a page: page 1 at {@code /arkiv/YYYY/MM/},
     * page K at {@code /arkiv/YYYY/MM/sida/K/}. Numbered within the month, so a publish renumbers only its month.
     */
    record Month(YearMonth month, int number) implements Page {
        /** How many articles a period page lists. */
        public static final int SIZE = 20;

        public Month {
            if (number < 1) {
                throw new IllegalArgumentException("Page numbers start at 1: " + number);
            }
        }

        /** A month's first page. */
        public Month(YearMonth month) {
            this(month, 1);
        }

        public String key() {
            return "arkiv/%04d/%02d/".formatted(month.getYear(), month.getMonthValue()) + Page.numbered(number);
        }
    }

    /** A category's page; a slug with percent-encoded letters has its key decoded, as S3 looks keys up. */
    record Category(String slug) implements Page {
        public String key() {
            return Categories.keyOf(slug);
        }

        @Override
        public String path() {
            return Categories.pathOf(slug);
        }
    }

    /** The RSS 2.0 feed. */
    record Feed() implements Page {
        public String key() {
            return "feed.xml";
        }
    }

    /** One year's part of the sitemap. */
    record SitemapYear(int year) implements Page {
        public String key() {
            return "sitemap-" + year + ".xml";
        }
    }

    /** The sitemap index over the years' parts. */
    record SitemapIndex() implements Page {
        public String key() {
            return "sitemap.xml";
        }
    }

    /** The page for a path that does not exist. */
    record NotFound() implements Page {
        public String key() {
            return "404.html";
        }
    }

    /** robots.txt, naming the sitemap. */
    record Robots() implements Page {
        public String key() {
            return "robots.txt";
        }
    }

    /** A file under /assets/ (the stylesheet, the form's script). */
    record Asset(String name) implements Page {
        public String key() {
            return "assets/" + name;
        }
    }

    /** A category's own RSS feed, beside its page; a slug with percent-encoded letters has its key decoded. */
    record CategoryFeed(String slug) implements Page {
        public String key() {
            return Categories.keyOf(slug).replaceFirst("index\\.html$", "feed.xml");
        }

        @Override
        public String path() {
            return Categories.pathOf(slug) + "feed.xml";
        }
    }

    // The category year periods and the archive index.

    /**
     * One page of a category's articles published in one year, newest first, {@link Month#SIZE} a page: page 1 at
     * {@code /kategori/<slug>/YYYY/}, page K at {@code /kategori/<slug>/YYYY/sida/K/}. The key is decoded as
     * {@link Categories#keyOf} decodes the category head's.
     */
    record CategoryYear(String slug, int year, int number) implements Page {
        public CategoryYear {
            if (number < 1) {
                throw new IllegalArgumentException("Page numbers start at 1: " + number);
            }
        }

        public String key() {
            String head = Categories.keyOf(slug);
            return head.substring(0, head.length() - "index.html".length()) + "%04d/".formatted(year)
                    + Page.numbered(number);
        }

        @Override
        public String path() {
            String key = "%04d/".formatted(year) + Page.numbered(number);
            return Categories.pathOf(slug) + key.substring(0, key.length() - "index.html".length());
        }
    }

    /** The archive's index, {@code /arkiv/}: every year and month with articles, with counts. */
    record ArchiveIndex() implements Page {
        public String key() {
            return "arkiv/index.html";
        }
    }

    /** The key of page {@code number} within a period's folder: page 1 is the folder's own index. */
    private static String numbered(int number) {
        return number == 1 ? "index.html" : "sida/" + number + "/index.html";
    }

    /** The readers' search page, {@code /sok/}: a form, and where to look without JavaScript. */
    record Search() implements Page {
        public String key() {
            return "sok/index.html";
        }
    }

    /** The search index's manifest: its shards, newest first, and the folding rule. */
    record SearchManifest() implements Page {
        public String key() {
            return "sok/index.json";
        }
    }

    /** The privacy notice, {@code /integritet/}: what a comment stores, how long, how to have it erased. */
    record PrivacyNotice() implements Page {
        public String key() {
            return "integritet/index.html";
        }
    }

    /** The sitemap's part for the site's own pages that are no article (the privacy notice). */
    record SitemapPages() implements Page {
        public String key() {
            return "sitemap-sidor.xml";
        }
    }

    /** One month's shard of the search index. */
    record SearchShard(YearMonth month) implements Page {
        public String key() {
            return "sok/index/%04d-%02d.json".formatted(month.getYear(), month.getMonthValue());
        }
    }
}
