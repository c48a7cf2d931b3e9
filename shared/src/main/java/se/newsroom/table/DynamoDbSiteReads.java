package se.newsroom.table;

import static se.newsroom.table.ContentTable.APPROVED_COMMENTS;
import static se.newsroom.table.ContentTable.APPROVED_KEY;
import static se.newsroom.table.ContentTable.ARTICLES_BY_STATUS;
import static se.newsroom.table.ContentTable.PK;
import static se.newsroom.table.ContentTable.SK;
import static se.newsroom.table.ContentTable.STATUS_KEY;
import static se.newsroom.table.ContentTable.STATUS_SORT;
import static se.newsroom.table.ContentTable.TYPE;
import static se.newsroom.table.ContentTable.s;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

import se.newsroom.content.Article;
import se.newsroom.content.ArticleImage;
import se.newsroom.content.ArticleStatus;
import se.newsroom.content.CategoryEntry;
import se.newsroom.content.Comment;
import se.newsroom.content.ListedArticle;
import se.newsroom.content.Media;
import se.newsroom.content.PrivacyNotice;
import se.newsroom.content.Timestamps;

/**
 * What the static site is rendered from, read from the table: each read a bounded number of queries whatever the
 * site's size, except {@link #everything()}, the one scan of a full rebuild.
 */
public final class DynamoDbSiteReads {
    private static final int BATCH_GET_LIMIT = 100;
    private final DynamoDbClient dynamoDb;
    private final String table;
    private final DynamoDbArticleStore articles;

    public DynamoDbSiteReads(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.articles = new DynamoDbArticleStore(dynamoDb, table);
    }

    /**
     * Every article, approved comment and media item, from one scan.
     *
     * @param approvedComments by article id, oldest first
     * @param privacyNotice    the privacy notice an administrator saved, if any
     */
    public record Everything(List<Article> articles, Map<String, List<Comment>> approvedComments, List<Media> media,
                             Optional<PrivacyNotice> privacyNotice) {
        /** Everything, without a saved privacy notice. */
        public Everything(List<Article> articles, Map<String, List<Comment>> approvedComments, List<Media> media) {
            this(articles, approvedComments, media, Optional.empty());
        }
    }

    /** The privacy notice an administrator saved; empty until the first save (the site shows the default). */
    public Optional<PrivacyNotice> privacyNotice() {
        return new DynamoDbPrivacyNoticeStore(dynamoDb, table).find();
    }

    /** An article with its body, whatever its status. */
    public Optional<Article> article(String id) {
        return articles.find(id);
    }

    /** The newest published articles, with their bodies. */
    public List<Article> latestPublished(int count) {
        List<String> ids = dynamoDb.query(published().scanIndexForward(false).limit(count).build()).items()
                .stream().map(item -> ArticleItem.listedFromItem(item).id()).toList();
        return articles(ids);
    }

    /**
     * Published articles with {@code from <= publishedAt < to}, newest first, without their featured images (the
     * index does not project them: see {@link #withImages}).
     */
    public List<ListedArticle> publishedBetween(Instant from, Instant to) {
        QueryRequest query = publishedBetweenQuery(from, to).scanIndexForward(false).build();
        return dynamoDb.queryPaginator(query).items().stream().map(ArticleItem::listedFromItem).toList();
    }

    /**
     * These listed articles with their featured images, for a list's thumbnails: one BatchGetItem a hundred articles,
     * of only their ids and images. The ArticlesByStatus index cannot carry the image, as CloudFormation cannot
     * change an index's projection in place.
     */
    public List<ListedArticle> withImages(List<ListedArticle> listed) {
        Map<String, ArticleImage> images = new HashMap<>();
        batchGet(listed.stream().map(ListedArticle::id).toList(), ArticleItem::key,
                Optional.of(Map.of("#id", "id", "#im", ArticleItem.IMAGE)),
                item -> ArticleItem.image(item).ifPresent(i -> images.put(item.get("id").s(), i)));
        return listed.stream().map(a -> a.withImage(Optional.ofNullable(images.get(a.id())))).toList();
    }

    /**
     * The years (in {@code zone}) in which articles were published, oldest first. One query of one item per such
     * year, plus one: each asks for the first article published from the start of the year after the last one
     * found, so the cost follows the years that have articles, not the span between the first and the last. Only
     * dates from {@link Timestamps#EARLIEST} are read: a sort key an older version wrote for a year beyond 9999
     * ("+10000-…") or before year 0 sorts before that bound and is never listed.
     */
    public List<Integer> publishedYears(ZoneId zone) {
        return publishedPeriods(t -> t.atZone(zone).getYear(),
                year -> LocalDate.of(year + 1, 1, 1).atStartOfDay(zone).toInstant());
    }

    /**
     * The periods that have published articles, oldest first: one query of one item per such period (the oldest
     * article at or after the period's start), plus one. {@code periodOf} names an article's period by its date,
     * {@code nextStart} gives the instant the following period starts.
     */
    private <P> List<P> publishedPeriods(Function<Instant, P> periodOf, Function<P, Instant> nextStart) {
        List<P> periods = new ArrayList<>();
        Instant from = Timestamps.EARLIEST;
        while (true) {
            Optional<P> period = oldestPublishedAtOrAfter(from).flatMap(ListedArticle::publishedAt).map(periodOf);
            if (period.isEmpty() || periods.contains(period.get())) {
                return periods;
            }
            periods.add(period.get());
            from = nextStart.apply(period.get());
            if (!Timestamps.isWritable(from)) {
                return periods;
            }
        }
    }

    /** The entries of a category's published articles, newest first. */
    public List<CategoryEntry> inCategory(String categorySlug) {
        QueryRequest query = QueryRequest.builder().tableName(table)
                .keyConditionExpression("#pk = :pk")
                .expressionAttributeNames(Map.of("#pk", PK))
                .expressionAttributeValues(Map.of(":pk", s(CategoryEntryItem.partition(categorySlug))))
                .scanIndexForward(false).build();
        return dynamoDb.queryPaginator(query).items().stream().map(CategoryEntryItem::fromItem).toList();
    }

    /** The published articles among these ids (at most 100), in the order given, without bodies. */
    public List<ListedArticle> published(Collection<String> ids) {
        return articles(ids).stream().filter(a -> a.status() == ArticleStatus.PUBLISHED).map(Article::listed)
                .toList();
    }

    /** An article's approved comments, oldest first: a query of the ApprovedComments index, which holds no other. */
    public List<Comment> approvedComments(String articleId) {
        QueryRequest query = QueryRequest.builder().tableName(table).indexName(APPROVED_COMMENTS)
                .keyConditionExpression("#a = :a")
                .expressionAttributeNames(Map.of("#a", APPROVED_KEY))
                .expressionAttributeValues(Map.of(":a", s(articleId)))
                .build();
        return dynamoDb.queryPaginator(query).items().stream().map(CommentItem::fromItem).toList();
    }

    /** The ids of the articles that list {@code articleId} under "Läs mer", whatever their status. */
    public List<String> listedBy(String articleId) {
        return markers(ArticleItem.PREFIX + articleId, RelatedByItem.SORT_PREFIX).map(RelatedByItem::listingArticleId)
                .toList();
    }

    /**
     * The published articles that use a picture (as featured image or in the body), with their bodies: one query of
     * the picture's "used by" markers, one BatchGetItem a hundred of them.
     */
    public List<Article> publishedUsing(String mediaId) {
        List<String> ids = markers(MediaItem.PREFIX + mediaId, MediaUseItem.SORT_PREFIX)
                .map(item -> MediaUseItem.fromItem(item).articleId()).toList();
        return articles(ids).stream().filter(a -> a.status() == ArticleStatus.PUBLISHED).toList();
    }

    /** The items of partition {@code pk} whose sort keys start with {@code sortPrefix}: an item's markers. */
    private Stream<Map<String, AttributeValue>> markers(String pk, String sortPrefix) {
        QueryRequest query = QueryRequest.builder().tableName(table)
                .keyConditionExpression("#pk = :pk AND begins_with(#sk, :prefix)")
                .expressionAttributeNames(Map.of("#pk", PK, "#sk", SK))
                .expressionAttributeValues(Map.of(":pk", s(pk), ":prefix", s(sortPrefix)))
                .build();
        return dynamoDb.queryPaginator(query).items().stream();
    }

    /**
     * Every article, approved comment and media item (and the saved privacy notice), for a full rebuild: the
     * articles, media and notice from one scan of
     * the table (which, as any scan, passes over every item and keeps those), the comments from one scan of the
     * ApprovedComments index, which holds no pending, rejected or spam comment.
     */
    public Everything everything() {
        List<Article> articles = new ArrayList<>();
        List<Media> media = new ArrayList<>();
        List<PrivacyNotice> notice = new ArrayList<>();
        dynamoDb.scanPaginator(r -> r.tableName(table)
                        .filterExpression("#t IN (:article, :media, :privacy)")
                        .expressionAttributeNames(Map.of("#t", TYPE))
                        .expressionAttributeValues(Map.of(":article", s(ArticleItem.TYPE_NAME),
                                ":media", s(MediaItem.TYPE_NAME), ":privacy", s(PrivacyNoticeItem.TYPE_NAME))))
                .items().forEach(item -> {
                    if (MediaItem.TYPE_NAME.equals(item.get(TYPE).s())) {
                        media.add(MediaItem.fromItem(item));
                    } else if (PrivacyNoticeItem.TYPE_NAME.equals(item.get(TYPE).s())) {
                        notice.add(PrivacyNoticeItem.fromItem(item));
                    } else {
                        articles.add(ArticleItem.fromItem(item));
                    }
                });
        Map<String, List<Comment>> comments = new HashMap<>();
        dynamoDb.scanPaginator(r -> r.tableName(table).indexName(APPROVED_COMMENTS)).items().forEach(item -> {
            Comment c = CommentItem.fromItem(item);
            comments.computeIfAbsent(c.articleId(), k -> new ArrayList<>()).add(c);
        });
        comments.values().forEach(list -> list.sort(Comparator.comparing(Comment::createdAt)));
        return new Everything(articles, comments, media, notice.stream().findFirst());
    }

    /**
     * The published articles with {@code from <= publishedAt < to}, with their bodies, newest first: the month's
     * list from the ArticlesByStatus index, then the articles themselves, consistently read a hundred at a time (one
     * the index still lists but which has since left that list is left out). For the search index's month shard.
     */
    public List<Article> publishedArticlesBetween(Instant from, Instant to) {
        List<String> ids = publishedBetween(from, to).stream().map(ListedArticle::id).toList();
        return articles(ids).stream().filter(a -> a.status() == ArticleStatus.PUBLISHED && a.publishedAt()
                .filter(t -> !t.isBefore(from) && t.isBefore(to)).isPresent()).toList();
    }

    /**
     * The months (in {@code zone}) in which articles were published, oldest first: as {@link #publishedYears}, one
     * query of one item per such month, plus one.
     */
    public List<YearMonth> publishedMonths(ZoneId zone) {
        return publishedPeriods(t -> YearMonth.from(t.atZone(zone)),
                month -> month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant());
    }

    /**
     * Published articles with {@code from <= publishedAt < to}: the sort key is "publishedAt#id", so an item
     * published exactly at {@code to} sorts after the bound "to" and BETWEEN leaves it out.
     */
    private QueryRequest.Builder publishedBetweenQuery(Instant from, Instant to) {
        return published()
                .keyConditionExpression("#s = :s AND #d BETWEEN :from AND :to")
                .expressionAttributeNames(Map.of("#s", STATUS_KEY, "#d", STATUS_SORT))
                .expressionAttributeValues(Map.of(":s", s(ArticleStatus.PUBLISHED.wireName()),
                        ":from", s(ArticleItem.statusSortStart(from)), ":to", s(ArticleItem.statusSortStart(to))));
    }

    private QueryRequest.Builder published() {
        return QueryRequest.builder().tableName(table).indexName(ARTICLES_BY_STATUS)
                .keyConditionExpression("#s = :s")
                .expressionAttributeNames(Map.of("#s", STATUS_KEY))
                .expressionAttributeValues(Map.of(":s", s(ArticleStatus.PUBLISHED.wireName())));
    }

    /**
     * The library's media items among these ids, by id: one BatchGetItem (and its retries of unprocessed keys)
     * for all the pictures a page shows, up to 100.
     */
    public Map<String, Media> media(Collection<String> ids) {
        Map<String, Media> found = new HashMap<>();
        batchGet(ids, MediaItem::key, Optional.empty(), item -> {
            Media m = MediaItem.fromItem(item);
            found.put(m.id(), m);
        });
        return found;
    }

    /** Whole articles for these ids, in the order given; missing ones left out. */
    private List<Article> articles(Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<String, Article> found = new HashMap<>();
        batchGet(ids, ArticleItem::key, Optional.empty(), item -> {
            Article a = ArticleItem.fromItem(item);
            found.put(a.id(), a);
        });
        return ids.stream().map(found::get).filter(Objects::nonNull).toList();
    }

    /**
     * The items with these ids' keys, consistently read, each given to {@code found}.
     *
     * @param projection the attributes to read, by their placeholders; empty for all
     */
    private void batchGet(Collection<String> ids, Function<String, Map<String, AttributeValue>> key,
                          Optional<Map<String, String>> projection, Consumer<Map<String, AttributeValue>> found) {
        List<String> distinct = ids.stream().distinct().toList();
        // BatchGetItem takes at most 100 keys a call.
        for (int from = 0; from < distinct.size(); from += BATCH_GET_LIMIT) {
            KeysAndAttributes.Builder keys = KeysAndAttributes.builder().consistentRead(true)
                    .keys(distinct.subList(from, Math.min(distinct.size(), from + BATCH_GET_LIMIT)).stream().map(key)
                            .toList());
            projection.ifPresent(names -> keys.projectionExpression(String.join(", ", names.keySet()))
                    .expressionAttributeNames(names));
            Map<String, KeysAndAttributes> request = Map.of(table, keys.build());
            while (!request.isEmpty()) {
                Map<String, KeysAndAttributes> pending = request;
                BatchGetItemResponse response = dynamoDb.batchGetItem(r -> r.requestItems(pending));
                response.responses().getOrDefault(table, List.of()).forEach(found);
                request = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
            }
        }
    }

    /**
     * A category's newest published articles, with their bodies, newest first: one query of {@code count} entries
     * (consistent: the entries are in the base table) and a BatchGetItem of the articles, whatever the category's
     * size.
     */
    public List<Article> latestArticlesInCategory(String categorySlug, int count) {
        QueryRequest query = QueryRequest.builder().tableName(table)
                .keyConditionExpression("#pk = :pk")
                .expressionAttributeNames(Map.of("#pk", PK))
                .expressionAttributeValues(Map.of(":pk", s(CategoryEntryItem.partition(categorySlug))))
                .consistentRead(true).scanIndexForward(false).limit(count).build();
        List<String> ids = dynamoDb.query(query).items().stream().map(CategoryEntryItem::fromItem)
                .map(CategoryEntry::articleId).toList();
        return articles(ids).stream().filter(a -> a.status() == ArticleStatus.PUBLISHED).toList();
    }

    /**
     * The published article listed just before the position ({@code publishedAt}, {@code id}) in the site's order
     * (publication date, then id), other than {@code id} itself: an article page's "previous" (older) link. One
     * query of at most two index items.
     */
    public Optional<ListedArticle> publishedBefore(Instant publishedAt, String id) {
        return neighbour("#d BETWEEN :edge AND :at", ArticleItem.statusSortStart(Timestamps.EARLIEST),
                publishedAt, id, false);
    }

    /** The published article listed just after that position, other than {@code id}: the "next" (newer) link. */
    public Optional<ListedArticle> publishedAfter(Instant publishedAt, String id) {
        return neighbour("#d >= :at", null, publishedAt, id, true);
    }

    /**
     * The first index item on one side of a position, skipping the article itself (at the position, or moved to
     * the neighbour's place by a re-dating the index already shows).
     */
    private Optional<ListedArticle> neighbour(String range, String edge, Instant publishedAt, String id,
                                              boolean forward) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":s", s(ArticleStatus.PUBLISHED.wireName()));
        values.put(":at", s(ArticleItem.statusSortStart(publishedAt) + "#" + id));
        if (edge != null) {
            values.put(":edge", s(edge));
        }
        QueryRequest query = QueryRequest.builder().tableName(table).indexName(ARTICLES_BY_STATUS)
                .keyConditionExpression("#s = :s AND " + range)
                .expressionAttributeNames(Map.of("#s", STATUS_KEY, "#d", STATUS_SORT))
                .expressionAttributeValues(values).scanIndexForward(forward).limit(2).build();
        return dynamoDb.query(query).items().stream().map(ArticleItem::listedFromItem)
                .filter(a -> !a.id().equals(id)).findFirst();
    }

    // a period's list is one query; its neighbours one item each; the archive's counts one query.

    /** The newest published article with {@code publishedAt < at}, from the ArticlesByStatus index. */
    public Optional<ListedArticle> newestPublishedBefore(Instant at) {
        return firstPublished("#d < :at", ArticleItem.statusSortStart(at), false);
    }

    /** The oldest published article with {@code publishedAt >= at}, from the ArticlesByStatus index. */
    public Optional<ListedArticle> oldestPublishedAtOrAfter(Instant at) {
        return firstPublished("#d >= :at", ArticleItem.statusSortStart(at), true);
    }

    private Optional<ListedArticle> firstPublished(String condition, String bound, boolean oldestFirst) {
        return dynamoDb.query(published()
                .keyConditionExpression("#s = :s AND " + condition)
                .expressionAttributeNames(Map.of("#s", STATUS_KEY, "#d", STATUS_SORT))
                .expressionAttributeValues(Map.of(":s", s(ArticleStatus.PUBLISHED.wireName()), ":at", s(bound)))
                .scanIndexForward(oldestFirst).limit(1).build()).items().stream()
                .map(ArticleItem::listedFromItem).findFirst();
    }

    /**
     * The entries of a category's articles with {@code from <= publishedAt < to}, newest first: one consistent query
     * (an entry's sort key is "publishedAt#id", so one published exactly at {@code to} sorts after the bound).
     */
    public List<CategoryEntry> inCategoryBetween(String categorySlug, Instant from, Instant to) {
        QueryRequest query = categoryQuery(categorySlug, "#sk BETWEEN :from AND :to",
                Map.of(":from", s(Timestamps.format(from)), ":to", s(Timestamps.format(to))))
                .scanIndexForward(false).build();
        return dynamoDb.queryPaginator(query).items().stream().map(CategoryEntryItem::fromItem).toList();
    }

    /** The newest {@code count} entries of a category, newest first: one consistent query. */
    public List<CategoryEntry> latestInCategory(String categorySlug, int count) {
        QueryRequest query = categoryQuery(categorySlug, null, Map.of()).scanIndexForward(false).limit(count)
                .build();
        return dynamoDb.query(query).items().stream().map(CategoryEntryItem::fromItem).toList();
    }

    /** The newest entry of a category with {@code publishedAt < at}. */
    public Optional<CategoryEntry> newestInCategoryBefore(String categorySlug, Instant at) {
        return dynamoDb.query(categoryQuery(categorySlug, "#sk < :at", Map.of(":at", s(Timestamps.format(at))))
                .scanIndexForward(false).limit(1).build()).items().stream().map(CategoryEntryItem::fromItem)
                .findFirst();
    }

    /** The oldest entry of a category with {@code publishedAt >= at}. */
    public Optional<CategoryEntry> oldestInCategoryAtOrAfter(String categorySlug, Instant at) {
        return dynamoDb.query(categoryQuery(categorySlug, "#sk >= :at", Map.of(":at", s(Timestamps.format(at))))
                .scanIndexForward(true).limit(1).build()).items().stream().map(CategoryEntryItem::fromItem)
                .findFirst();
    }

    /** A consistent query of a category's entries, with a condition on the sort key ({@code #sk}) or none. */
    private QueryRequest.Builder categoryQuery(String categorySlug, String sortCondition,
                                               Map<String, AttributeValue> values) {
        Map<String, AttributeValue> all = new HashMap<>(values);
        all.put(":pk", s(CategoryEntryItem.partition(categorySlug)));
        Map<String, String> names = sortCondition == null ? Map.of("#pk", PK) : Map.of("#pk", PK, "#sk", SK);
        return QueryRequest.builder().tableName(table).consistentRead(true)
                .keyConditionExpression("#pk = :pk" + (sortCondition == null ? "" : " AND " + sortCondition))
                .expressionAttributeNames(names).expressionAttributeValues(all);
    }

    /**
     * When each published article was published, oldest first: the archive index's counts. One query of the
     * ArticlesByStatus index projecting only its sort key (DynamoDB still charges the read by the index items'
     * size); dates from {@link Timestamps#EARLIEST} only, as {@link #publishedYears}.
     */
    public List<Instant> publishedDates() {
        QueryRequest query = published()
                .keyConditionExpression("#s = :s AND #d >= :from")
                .expressionAttributeNames(Map.of("#s", STATUS_KEY, "#d", STATUS_SORT))
                .expressionAttributeValues(Map.of(":s", s(ArticleStatus.PUBLISHED.wireName()),
                        ":from", s(ArticleItem.statusSortStart(Timestamps.EARLIEST))))
                .projectionExpression("#d").scanIndexForward(true).build();
        return dynamoDb.queryPaginator(query).items().stream().map(item -> {
            String sort = item.get(STATUS_SORT).s();
            return Timestamps.parse(sort.substring(0, sort.indexOf('#')));
        }).toList();
    }
}
