package se.newsroom.article.dynamodb;

import static se.newsroom.article.dynamodb.ContentTable.ARTICLE_PREFIX;
import static se.newsroom.article.dynamodb.ContentTable.ARTICLE_SK;
import static se.newsroom.article.dynamodb.ContentTable.PK;
import static se.newsroom.article.dynamodb.ContentTable.SK;
import static se.newsroom.article.dynamodb.ContentTable.SLUG_PREFIX;
import static se.newsroom.article.dynamodb.ContentTable.SLUG_SK;
import static se.newsroom.article.dynamodb.ContentTable.STATUS_KEY;
import static se.newsroom.article.dynamodb.ContentTable.STATUS_SORT;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import se.newsroom.article.Article;
import se.newsroom.article.ArticleStatus;
import se.newsroom.article.Timestamps;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Maps articles and slug claims to and from table items, by hand: no reflection, nothing to warm up. */
public final class ArticleItems {
    private ArticleItems() {
    }

    public static Map<String, AttributeValue> articleKey(String id) {
        return Map.of(PK, s(ARTICLE_PREFIX + id), SK, s(ARTICLE_SK));
    }

    static Map<String, AttributeValue> slugKey(String slug) {
        return Map.of(PK, s(SLUG_PREFIX + slug), SK, s(SLUG_SK));
    }

    static Map<String, AttributeValue> toItem(Article a) {
        Map<String, AttributeValue> item = new HashMap<>(articleKey(a.id()));
        item.put("type", s("article"));
        item.put("id", s(a.id()));
        item.put("slug", s(a.slug()));
        item.put("title", s(a.title()));
        item.put("summary", s(a.summary()));
        item.put("body", s(a.body()));
        item.put("categories", list(a.categories()));
        item.put("related", list(a.related()));
        item.put("status", s(a.status().wireName()));
        a.publishAt().ifPresent(t -> item.put("publishAt", s(Timestamps.format(t))));
        a.publishedAt().ifPresent(t -> item.put("publishedAt", s(Timestamps.format(t))));
        item.put("createdAt", s(Timestamps.format(a.createdAt())));
        item.put("updatedAt", s(Timestamps.format(a.updatedAt())));
        item.put("author", s(a.author()));
        item.put("commentsOpen", AttributeValue.fromBool(a.commentsOpen()));
        item.put("version", AttributeValue.fromN(Long.toString(a.version())));
        item.put("previousSlugs", list(a.previousSlugs()));
        item.put(STATUS_KEY, s(a.status().wireName()));
        item.put(STATUS_SORT, s(Timestamps.format(sortDate(a)) + "#" + a.id()));
        return item;
    }

    /** The date an article is listed by within its status. */
    static Instant sortDate(Article a) {
        return switch (a.status()) {
            case PUBLISHED -> a.publishedAt().orElse(a.updatedAt());
            case SCHEDULED -> a.publishAt().orElse(a.updatedAt());
            case DRAFT -> a.updatedAt();
        };
    }

    /** An article from a table item, or from an index item that carries no body. */
    public static Article fromItem(Map<String, AttributeValue> item) {
        return new Article(
                str(item, "id"),
                str(item, "slug"),
                str(item, "title"),
                str(item, "summary"),
                Optional.ofNullable(item.get("body")).map(AttributeValue::s).orElse(""),
                strings(item, "categories"),
                strings(item, "related"),
                ArticleStatus.fromWireName(str(item, "status")).orElseThrow(
                        () -> new IllegalStateException("Unknown status in item " + str(item, "id"))),
                instant(item, "publishAt"),
                instant(item, "publishedAt"),
                Timestamps.parse(str(item, "createdAt")),
                Timestamps.parse(str(item, "updatedAt")),
                str(item, "author"),
                Optional.ofNullable(item.get("commentsOpen")).map(AttributeValue::bool).orElse(Boolean.TRUE),
                Long.parseLong(item.get("version").n()),
                strings(item, "previousSlugs"));
    }

    static Map<String, AttributeValue> slugClaim(String slug, String articleId, boolean current) {
        Map<String, AttributeValue> item = new HashMap<>(slugKey(slug));
        item.put("type", s("slug"));
        item.put("articleId", s(articleId));
        // A claim that is no longer current keeps the old URL reserved for a redirect to the article.
        item.put("current", AttributeValue.fromBool(current));
        return item;
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue list(List<String> values) {
        return AttributeValue.fromL(values.stream().map(AttributeValue::fromS).toList());
    }

    private static String str(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || value.s() == null ? "" : value.s();
    }

    private static List<String> strings(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || !value.hasL() ? List.of() : value.l().stream().map(AttributeValue::s).toList();
    }

    private static Optional<Instant> instant(Map<String, AttributeValue> item, String name) {
        return Optional.ofNullable(item.get(name)).map(AttributeValue::s).map(Timestamps::parse);
    }
}
