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
     */
    public record Chrome(String siteName, String title, String description, String canonical, Labels labels,
                         boolean preview) {
        public String label(String key) {
            return labels.get(key);
        }
    }

    /** An article in a list. */
    public record Teaser(String title, String url, String date, String iso, String summary) {
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
     * @param bodyHtml the sanitized body: the one value written without escaping
     */
    public record ArticleContent(String id, String title, String date, String iso, String author,
                              List<CategoryLink> categories, String bodyHtml, List<Teaser> related,
                              List<CommentThread> comments, boolean commentsOpen) {
    }

    /**
     * A list page: front page, month or category.
     *
     * @param olderUrl where older articles are, or null
     */
    public record ListView(String heading, List<Teaser> teasers, String olderUrl) {
    }
}
