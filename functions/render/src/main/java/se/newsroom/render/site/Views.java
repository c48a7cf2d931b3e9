package se.newsroom.render.site;

import java.util.List;

/** The values templates show; built by {@link SiteRenderer}, escaped by jte when written. */
public final class Views {
    private Views() {
    }

    /**
     * What every page's frame shows.
     *
     * @param canonical the page's absolute URL, or null
     * @param preview   whether this is an editor's preview: marked as such, and not to be indexed
     * @param social    the picture for social tags ({@code og:image}), or null
     * @param head      what search engines and social media read of the page (Open Graph, JSON-LD, robots)
     * @param nav       the site's navigation with the current section marked, and the page's breadcrumbs
     */
    public record Chrome(String siteName, String title, String description, String canonical, Labels labels,
                         boolean preview, SocialImage social, Head head, Navigation nav) {
        public String label(String key) {
            return labels.get(key);
        }

        /** This page kept out of search engines' indexes ({@code noindex}), its links still followed. */
        public Chrome withNoindex() {
            return new Chrome(siteName, title, description, canonical, labels, preview, social, head.withNoindex(),
                    nav);
        }

        /** Whether search engines are asked not to index the page: a preview, the search page, the 404. */
        public boolean noindex() {
            return preview || head.noindex();
        }
    }

    /**
     * The page's tags for search engines and social media.
     *
     * @param ogType       {@code article} or {@code website}
     * @param published    an article's publication time, ISO 8601 with offset, or null
     * @param modified     its last change, the same, or null
     * @param jsonLd       the structured data, JSON with every {@code <} escaped (so no value can end the script), or
     *                     null
     * @param noindex      whether the page should stay out of search engines' indexes
     * @param categoryFeed a category's own feed, for autodiscovery, or null
     */
    public record Head(String ogType, String published, String modified, String jsonLd, boolean noindex,
                       FeedLink categoryFeed) {
        /** A page with nothing beyond the common tags. */
        public static final Head WEBSITE = new Head("website", null, null, null, false, null);

        Head withNoindex() {
            return new Head(ogType, published, modified, jsonLd, true, categoryFeed);
        }

        Head withJsonLd(String json) {
            return new Head(ogType, published, modified, json, noindex, categoryFeed);
        }

        Head withCategoryFeed(FeedLink feed) {
            return new Head(ogType, published, modified, jsonLd, noindex, feed);
        }
    }

    /** A feed for {@code <link rel="alternate">}: its title and path. */
    public record FeedLink(String title, String url) {
    }

    /**
     * The site's navigation and the page's breadcrumbs.
     *
     * @param links       the main categories, search and the archive
     * @param breadcrumbs from the front page to this page (the last one), or empty for none
     * @param home        whether this is the front page (its link, the site's name, marked current)
     */
    public record Navigation(List<NavLink> links, List<Crumb> breadcrumbs, boolean home) {
    }

    /**
     * A link of the site's navigation.
     *
     * @param current {@code page} when it is this page, {@code true} when this page is in its section, else null
     */
    public record NavLink(String name, String url, String current) {
    }

    /**
     * A step of the breadcrumbs.
     *
     * @param url its path, or null for the page itself
     */
    public record Crumb(String name, String url) {
    }

    /**
     * An article in a list.
     *
     * @param image its small picture, or null
     */
    public record Teaser(String title, String url, String date, String iso, String summary, Picture image) {
    }

    /**
     * A picture: one media item's variants as an {@code <img>}, with the caption and credit a figure shows.
     *
     * @param src     the variant browsers without {@code srcset} load; {@code width}/{@code height} are its size
     * @param srcset  every variant with its width, "" for a single one
     * @param alt     "" for a decorative picture
     * @param caption "" for none
     * @param credit  the photographer, "" for none
     * @param lazy    whether it is below the fold ({@code loading="lazy"})
     */
    public record Picture(String src, String srcset, String sizes, int width, int height, String alt, String caption,
                          String credit, boolean lazy) {
        /** Whether its figure has a caption to show. */
        public boolean captioned() {
            return !caption.isEmpty() || !credit.isEmpty();
        }
    }

    /** The picture social media show for a page ({@code og:image}): its widest variant. */
    public record SocialImage(String url, int width, int height, String alt) {
    }

    /** A category link. */
    public record CategoryLink(String name, String url) {
    }

    /**
     * A comment with its replies.
     *
     * @param staff the newsroom's own reply, shown marked "Redaktionen"
     */
    public record CommentThread(String id, String author, String dateTime, String iso,
                                List<List<CommentText.Segment>> paragraphs, List<CommentThread> replies,
                                boolean staff) {
    }

    /**
     * What an article's page shows of it.
     *
     * @param image    the featured picture, or null
     * @param bodyHtml the sanitized body: the one value written without escaping
     * @param updated     when it was changed after publication, or null
     * @param older       the article published before it, or null
     * @param newer       the article published after it, or null
     * @param corrections its public corrections, newest first; empty for none
     */
    public record ArticleContent(String id, String title, String date, String iso, String author,
                              List<CategoryLink> categories, Picture image, String bodyHtml, List<Teaser> related,
                              List<CommentThread> comments, boolean commentsOpen, Updated updated,
                              NeighbourLink older, NeighbourLink newer, List<CorrectionNote> corrections) {
    }

    /** "Rättelse 4 december 2019: <note>": a public correction, in the box under an article's title. */
    public record CorrectionNote(String date, String iso, String note) {
    }

    /**
     * The privacy notice's page.
     *
     * @param bodyHtml the sanitized Markdown: the one value written without escaping
     * @param updated  when an administrator last saved it, or null for the bundled default
     */
    public record PrivacyView(String bodyHtml, Updated updated) {
    }

    /** "Uppdaterad <date>": when an article was changed on a later day than it was published. */
    public record Updated(String date, String iso) {
    }

    /** The previous (older) or next (newer) article in the site's publication order. */
    public record NeighbourLink(String title, String url) {
    }

    /**
     * A list page: front page, month or category.
     *
     * @param pager the links on to newer and older articles, or null for none
     */
    public record ListView(String heading, List<Teaser> teasers, Pager pager) {
    }

    /**
     * A list page's links on through the list.
     *
     * @param newerUrl "Nyare nyheter" ({@code rel="prev"}: the list runs newest first), or null
     * @param olderUrl "Äldre nyheter" ({@code rel="next"}), or null
     * @param position "Sida 2 av 3" within the period, or null on a head page
     * @param noindex  whether search engines are asked not to index the page (but to follow its links): page 2 and
     *                 later of a period, whose articles are indexed from their own pages and the sitemap
     */
    public record Pager(String newerUrl, String olderUrl, String position, boolean noindex) {
    }

    /** The archive index: every year with articles, newest first. */
    public record ArchiveView(String heading, List<ArchiveYear> years) {
    }

    /** A year of the archive index: its months with articles, newest first. */
    public record ArchiveYear(int year, List<ArchiveMonth> months) {
    }

    /**
     * A month of the archive index.
     *
     * @param name  "december 2019"
     * @param count "14 nyheter"
     */
    public record ArchiveMonth(String name, String url, String count) {
    }

    /**
     * The search page: where its script finds the index, and the categories its plain list (the page without
     * JavaScript) names besides the archive and the feed.
     */
    public record SearchView(String manifestUrl, List<CategoryLink> categories) {
    }
}
