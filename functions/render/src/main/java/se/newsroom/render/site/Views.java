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
     */
    public record Chrome(String siteName, String title, String description, String canonical, Labels labels,
                         boolean preview, SocialImage social) {
        public String label(String key) {
            return labels.get(key);
        }
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

    /** A comment with its replies. */
    public record CommentThread(String id, String author, String dateTime, String iso,
                                List<List<CommentText.Segment>> paragraphs, List<CommentThread> replies) {
    }

    /**
     * What an article's page shows of it.
     *
     * @param image    the featured picture, or null
     * @param bodyHtml the sanitized body: the one value written without escaping
     */
    public record ArticleContent(String id, String title, String date, String iso, String author,
                              List<CategoryLink> categories, Picture image, String bodyHtml, List<Teaser> related,
                              List<CommentThread> comments, boolean commentsOpen) {
    }

    /**
     * A list page: front page, month or category.
     *
     * @param pager the links on to newer and older articles, or null for none
     */
    public record ListView(String heading, List<Teaser> teasers, Pager pager) {
    }

    // E1 (paging)

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
}
