package se.newsroom.articles;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

import se.newsroom.content.Article;
import se.newsroom.content.CategoryUse;
import se.newsroom.content.ListedArticle;

/**
 * An article as the API shows it; dates are ISO-8601 with the site's offset, and list items carry no body.
 *
 * @param previousSlugs the article's earlier slugs, each of whose addresses redirects to it (so an editor can see
 *                      what a rename leaves behind)
 * @param legacyPaths   an imported article's addresses on the site it was moved from (e.g. WordPress's
 *                      {@code /2019/12/04/x/}, {@code /?p=123}), each of which redirects to it; read-only, shown so
 *                      the desk and an operator can see them; absent in listings (the index does not carry them)
 * @param corrections   the article's public corrections, oldest first, as its page shows them; read-only (a new one
 *                      is sent as {@code correction} with a save); absent in listings
 */
public record ArticleView(String id, String slug, String url, String title, String summary, String body,
                          List<String> categories, List<String> related, String status, String publishAt,
                          String publishedAt, String createdAt, String updatedAt, String author,
                          boolean commentsOpen, long version, List<String> previousSlugs, Image image,
                          List<String> legacyPaths, List<CorrectionView> corrections) {

    /** A public correction as the API shows it: when (ISO-8601 with the site's offset) and the editor's note. */
    public record CorrectionView(String at, String note) {
    }

    /** The featured image as the API shows it (absent when none, and in listings). */
    public record Image(String mediaId, String alt, boolean decorative, String caption, String credit) {
    }

    /** The whole article. */
    public static ArticleView of(Article a, ZoneId zone) {
        ArticleView view = of(a.listed(), zone, a.body());
        Image image = a.image().map(i -> new Image(i.mediaId(), i.alt(), i.decorative(), i.caption(), i.credit()))
                .orElse(null);
        return new ArticleView(view.id(), view.slug(), view.url(), view.title(), view.summary(), view.body(),
                view.categories(), view.related(), view.status(), view.publishAt(), view.publishedAt(),
                view.createdAt(), view.updatedAt(), view.author(), view.commentsOpen(), view.version(),
                view.previousSlugs(), image, a.legacyPaths(), a.corrections().stream()
                .map(c -> new CorrectionView(date(Optional.of(c.at()), zone), c.note())).toList());
    }

    /** The article without its body, as listings show it. */
    public static ArticleView summaryOf(ListedArticle a, ZoneId zone) {
        return of(a, zone, null);
    }

    private static ArticleView of(ListedArticle a, ZoneId zone, String body) {
        return new ArticleView(a.id(), a.slug(), a.url(), a.title(), a.summary(), body, a.categories(), a.related(),
                a.status().wireName(), date(a.publishAt(), zone), date(a.publishedAt(), zone),
                date(Optional.of(a.createdAt()), zone), date(Optional.of(a.updatedAt()), zone), a.author(),
                a.commentsOpen(), a.version(), a.previousSlugs(), null, null, null);
    }

    /**
     * A date with the site's offset; one beyond what the zone can show (a year near 1,000,000,000 an older version
     * stored) in UTC instead. Never throws: the view of a written article must not fail after the write.
     */
    static String date(Optional<Instant> instant, ZoneId zone) {
        return instant.map(i -> {
            try {
                return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(i.atZone(zone));
            } catch (DateTimeException e) {
                return i.toString();
            }
        }).orElse(null);
    }

    /**
     * One page of a listing.
     *
     * @param items      the articles, without bodies
     * @param nextCursor pass as {@code cursor} for the next page; absent on the last
     */
    public record Listing(List<ArticleView> items, String nextCursor) {
    }

    /** Every category an article has: name, slug and how many articles have it, in Swedish order. */
    public record CategoryList(List<CategoryUse> items) {
    }
}
