package se.newsroom.table;

import static se.newsroom.table.ContentTable.PK;
import static se.newsroom.table.ContentTable.SK;
import static se.newsroom.table.ContentTable.STATUS_KEY;
import static se.newsroom.table.ContentTable.STATUS_SORT;
import static se.newsroom.table.ContentTable.TYPE;
import static se.newsroom.table.ContentTable.s;
import static se.newsroom.table.ContentTable.text;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import se.newsroom.content.Article;
import se.newsroom.content.ArticleImage;
import se.newsroom.content.ArticleStatus;
import se.newsroom.content.ListedArticle;
import se.newsroom.content.Timestamps;

/**
 * An article: {@code ARTICLE#<id>} / {@code A}, with the ArticlesByStatus keys ({@code statusKey} = its status,
 * {@code statusSort} = the date it is listed by + {@code #<id>}). Mapped by hand: no reflection, nothing to warm up.
 * Its partition also holds its comments and the items beside them (see {@link CommentItem}).
 */
public final class ArticleItem {
    static final String PREFIX = "ARTICLE#";
    static final String SORT_KEY = "A";
    static final String TYPE_NAME = "article";
    static final String VERSION = "version";
    private static final String BODY = "body";
    /** An imported article's addresses on its old site (only on the article item: no listing needs them). */
    static final String LEGACY_PATHS = "legacyPaths";
    /** The featured image, a map: mediaId, alt, decorative, caption, credit (absent when none). */
    static final String IMAGE = "image";
    /** Every attribute of a {@link ListedArticle} (all but the body), as a projection expression names them. */
    static final Map<String, String> LISTED_NAMES = Map.ofEntries(Map.entry("#id", "id"), Map.entry("#sl", "slug"),
            Map.entry("#ti", "title"), Map.entry("#su", "summary"), Map.entry("#ca", "categories"),
            Map.entry("#re", "related"), Map.entry("#st", "status"), Map.entry("#pa", "publishAt"),
            Map.entry("#pd", "publishedAt"), Map.entry("#cr", "createdAt"), Map.entry("#up", "updatedAt"),
            Map.entry("#au", "author"), Map.entry("#co", "commentsOpen"), Map.entry("#ve", VERSION),
            Map.entry("#ps", "previousSlugs"));
    static final String LISTED_PROJECTION = String.join(", ", LISTED_NAMES.keySet());

    private ArticleItem() {
    }

    static Map<String, AttributeValue> key(String id) {
        return ContentTable.key(PREFIX + id, SORT_KEY);
    }

    /** Whether a stream record's keys are an article's. */
    public static boolean isArticle(Map<String, AttributeValue> keys) {
        return text(keys, PK).startsWith(PREFIX) && text(keys, SK).equals(SORT_KEY);
    }

    /** The article in a stream record's image; empty for no image (created or deleted). */
    public static Optional<Article> fromImage(Map<String, AttributeValue> image) {
        return image.isEmpty() ? Optional.empty() : Optional.of(fromItem(image));
    }

    static Map<String, AttributeValue> toItem(Article a) {
        Map<String, AttributeValue> item = new HashMap<>(key(a.id()));
        item.put(TYPE, s(TYPE_NAME));
        item.put("id", s(a.id()));
        item.put("slug", s(a.slug()));
        item.put("title", s(a.title()));
        item.put("summary", s(a.summary()));
        item.put(BODY, s(a.body()));
        item.put("categories", list(a.categories()));
        item.put("related", list(a.related()));
        item.put("status", s(a.status().wireName()));
        a.publishAt().ifPresent(t -> item.put("publishAt", s(Timestamps.format(t))));
        a.publishedAt().ifPresent(t -> item.put("publishedAt", s(Timestamps.format(t))));
        item.put("createdAt", s(Timestamps.format(a.createdAt())));
        item.put("updatedAt", s(Timestamps.format(a.updatedAt())));
        item.put("author", s(a.author()));
        item.put("commentsOpen", AttributeValue.fromBool(a.commentsOpen()));
        item.put(VERSION, ContentTable.n(a.version()));
        item.put("previousSlugs", list(a.previousSlugs()));
        a.image().ifPresent(i -> item.put(IMAGE, image(i)));
        if (!a.legacyPaths().isEmpty()) {
            item.put(LEGACY_PATHS, list(a.legacyPaths()));
        }
        item.put(STATUS_KEY, s(a.status().wireName()));
        item.put(STATUS_SORT, s(statusSortStart(sortDate(a)) + "#" + a.id()));
        return item;
    }

    /** An ArticlesByStatus sort key just before every article listed at {@code t}: a bound for date ranges. */
    static String statusSortStart(Instant t) {
        return Timestamps.format(t);
    }

    /** The highest ArticlesByStatus sort key of articles listed at {@code t} or earlier ('~' sorts after ids). */
    static String statusSortThrough(Instant t) {
        return Timestamps.format(t) + "#~";
    }

    /** The date an article is listed by within its status. */
    private static Instant sortDate(Article a) {
        return switch (a.status()) {
            case PUBLISHED -> a.publishedAt().orElse(a.updatedAt());
            case SCHEDULED -> a.publishAt().orElse(a.updatedAt());
            case DRAFT, REVIEW -> a.updatedAt();
        };
    }

    /** A whole article from the table item (which carries the body). */
    static Article fromItem(Map<String, AttributeValue> item) {
        AttributeValue body = item.get(BODY);
        if (body == null || body.s() == null) {
            throw new IllegalStateException("Item " + text(item, PK) + " has no body: an index item is not an article");
        }
        return listedFromItem(item).withBody(body.s()).withLegacyPaths(strings(item, LEGACY_PATHS));
    }

    /** A featured image as an item's {@code image} map (category entries carry the same). */
    static AttributeValue image(ArticleImage i) {
        return AttributeValue.fromM(Map.of("mediaId", s(i.mediaId()), "alt", s(i.alt()),
                "decorative", AttributeValue.fromBool(i.decorative()), "caption", s(i.caption()),
                "credit", s(i.credit())));
    }

    /** The featured image of an item with an {@code image} map; empty when it has none. */
    static Optional<ArticleImage> image(Map<String, AttributeValue> item) {
        AttributeValue image = item.get(IMAGE);
        if (image == null || !image.hasM()) {
            return Optional.empty();
        }
        Map<String, AttributeValue> m = image.m();
        return Optional.of(new ArticleImage(text(m, "mediaId"), text(m, "alt"),
                Optional.ofNullable(m.get("decorative")).map(AttributeValue::bool).orElse(Boolean.FALSE),
                text(m, "caption"), text(m, "credit")));
    }

    /**
     * A listed article from the table item or from an ArticlesByStatus index item (which does not project the
     * featured image: read that way, it has none).
     */
    static ListedArticle listedFromItem(Map<String, AttributeValue> item) {
        return new ListedArticle(
                text(item, "id"),
                text(item, "slug"),
                text(item, "title"),
                text(item, "summary"),
                strings(item, "categories"),
                strings(item, "related"),
                ArticleStatus.fromWireName(text(item, "status")).orElseThrow(
                        () -> new IllegalStateException("Unknown status in item " + text(item, "id"))),
                instant(item, "publishAt"),
                instant(item, "publishedAt"),
                Timestamps.parse(text(item, "createdAt")),
                Timestamps.parse(text(item, "updatedAt")),
                text(item, "author"),
                Optional.ofNullable(item.get("commentsOpen")).map(AttributeValue::bool).orElse(Boolean.TRUE),
                Long.parseLong(item.get(VERSION).n()),
                strings(item, "previousSlugs"),
                image(item));
    }

    /** The category names of an article item or index item (or of one projected to them). */
    static List<String> listedCategories(Map<String, AttributeValue> item) {
        return strings(item, "categories");
    }

    private static AttributeValue list(List<String> values) {
        return AttributeValue.fromL(values.stream().map(AttributeValue::fromS).toList());
    }

    private static List<String> strings(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || !value.hasL() ? List.of() : value.l().stream().map(AttributeValue::s).toList();
    }

    private static Optional<Instant> instant(Map<String, AttributeValue> item, String name) {
        return Optional.ofNullable(item.get(name)).map(AttributeValue::s).map(Timestamps::parse);
    }
}
