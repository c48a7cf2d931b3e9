package se.newsroom.render.site;

import static se.newsroom.article.dynamodb.ContentTable.ARTICLES_BY_STATUS;
import static se.newsroom.article.dynamodb.ContentTable.ARTICLE_PREFIX;
import static se.newsroom.article.dynamodb.ContentTable.PK;
import static se.newsroom.article.dynamodb.ContentTable.SK;
import static se.newsroom.article.dynamodb.ContentTable.STATUS_KEY;
import static se.newsroom.article.dynamodb.ContentTable.STATUS_SORT;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import se.newsroom.article.Article;
import se.newsroom.article.ArticleStatus;
import se.newsroom.article.Timestamps;
import se.newsroom.article.dynamodb.ArticleItems;
import se.newsroom.article.dynamodb.IndexItems;
import se.newsroom.render.plan.Page;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/** The site's content read from the table, a bounded number of queries per page. */
public final class DynamoDbSiteContent implements SiteContent {
    private final DynamoDbClient dynamoDb;
    private final String table;
    private final ZoneId zone;

    public DynamoDbSiteContent(DynamoDbClient dynamoDb, String table, ZoneId zone) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.zone = zone;
    }

    @Override
    public Optional<Article> article(String id) {
        Map<String, AttributeValue> item = dynamoDb.getItem(r -> r.tableName(table)
                .key(ArticleItems.articleKey(id)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(ArticleItems.fromItem(item));
    }

    @Override
    public List<Article> latest(int count) {
        List<Article> listed = dynamoDb.query(published().scanIndexForward(false).limit(count).build()).items()
                .stream().map(ArticleItems::fromItem).toList();
        return withBodies(listed.stream().map(Article::id).toList());
    }

    @Override
    public List<Article> publishedBetween(Instant from, Instant to) {
        QueryRequest query = publishedBetweenQuery(from, to).scanIndexForward(false).build();
        return dynamoDb.queryPaginator(query).items().stream().map(ArticleItems::fromItem).toList();
    }

    @Override
    public List<Article> inCategory(String categorySlug) {
        QueryRequest query = QueryRequest.builder().tableName(table)
                .keyConditionExpression("#pk = :pk")
                .expressionAttributeNames(Map.of("#pk", PK))
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(IndexItems.CATEGORY_PREFIX + categorySlug)))
                .scanIndexForward(false).build();
        return dynamoDb.queryPaginator(query).items().stream().map(item -> {
            Instant published = Timestamps.parse(item.get("publishedAt").s());
            return new Article(item.get("articleId").s(), item.get("slug").s(), item.get("title").s(),
                    item.get("summary").s(), "", List.of(item.get("category").s()), List.of(),
                    ArticleStatus.PUBLISHED, Optional.empty(), Optional.of(published), published, published, "",
                    true, 0, List.of());
        }).toList();
    }

    @Override
    public List<Article> published(Collection<String> ids) {
        return withBodies(ids).stream().filter(a -> a.status() == ArticleStatus.PUBLISHED).toList();
    }

    @Override
    public List<Comment> approvedComments(String articleId) {
        QueryRequest query = QueryRequest.builder().tableName(table)
                .keyConditionExpression("#pk = :pk AND begins_with(#sk, :c)")
                .filterExpression("#status = :approved")
                .expressionAttributeNames(Map.of("#pk", PK, "#sk", SK, "#status", "status"))
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(ARTICLE_PREFIX + articleId),
                        ":c", AttributeValue.fromS("C#"), ":approved", AttributeValue.fromS("approved")))
                .build();
        return dynamoDb.queryPaginator(query).items().stream().map(item -> new Comment(item.get("id").s(),
                Optional.ofNullable(item.get("parentId")).map(AttributeValue::s).filter(p -> !p.isEmpty()),
                item.get("author").s(), item.get("body").s(), Timestamps.parse(item.get("createdAt").s()))).toList();
    }

    @Override
    public List<Integer> years() {
        List<Integer> years = new ArrayList<>();
        Optional<Integer> first = edgeYear(true);
        Optional<Integer> last = edgeYear(false);
        if (first.isPresent() && last.isPresent()) {
            for (int year = first.get(); year <= last.get(); year++) {
                if (publishedInYear(year, 1) > 0) {
                    years.add(year);
                }
            }
        }
        return years;
    }

    @Override
    public List<Page.ArticlePage> pagesListing(String articleId) {
        QueryRequest query = QueryRequest.builder().tableName(table)
                .keyConditionExpression("#pk = :pk AND begins_with(#sk, :r)")
                .expressionAttributeNames(Map.of("#pk", PK, "#sk", SK))
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(ARTICLE_PREFIX + articleId),
                        ":r", AttributeValue.fromS(IndexItems.RELATED_BY_PREFIX)))
                .build();
        List<String> citing = dynamoDb.queryPaginator(query).items().stream().map(i -> i.get("articleId").s())
                .toList();
        return published(citing).stream().map(a -> new Page.ArticlePage(a.id(), a.slug())).toList();
    }

    /** How many published articles {@code year} has, counting at most {@code atMost}. */
    private int publishedInYear(int year, int atMost) {
        Instant from = LocalDate.of(year, 1, 1).atStartOfDay(zone).toInstant();
        Instant to = LocalDate.of(year + 1, 1, 1).atStartOfDay(zone).toInstant();
        return dynamoDb.query(publishedBetweenQuery(from, to).limit(atMost).build()).count();
    }

    @Override
    public Optional<Page.ArticlePage> publishedPage(String articleId) {
        return article(articleId).filter(a -> a.status() == ArticleStatus.PUBLISHED)
                .map(a -> new Page.ArticlePage(a.id(), a.slug()));
    }

    private Optional<Integer> edgeYear(boolean oldest) {
        return dynamoDb.query(published().scanIndexForward(oldest).limit(1).build()).items().stream()
                .map(ArticleItems::fromItem).map(a -> a.publishedAt().orElseThrow().atZone(zone).getYear())
                .findFirst();
    }

    /**
     * Published articles with {@code from <= publishedAt < to}: the sort key is "publishedAt#id", so an item
     * published exactly at {@code to} sorts after the bound "to" and BETWEEN leaves it out.
     */
    private QueryRequest.Builder publishedBetweenQuery(Instant from, Instant to) {
        return published()
                .keyConditionExpression("#s = :s AND #d BETWEEN :from AND :to")
                .expressionAttributeNames(Map.of("#s", STATUS_KEY, "#d", STATUS_SORT))
                .expressionAttributeValues(Map.of(":s", AttributeValue.fromS(ArticleStatus.PUBLISHED.wireName()),
                        ":from", AttributeValue.fromS(Timestamps.format(from)),
                        ":to", AttributeValue.fromS(Timestamps.format(to))));
    }

    private QueryRequest.Builder published() {
        return QueryRequest.builder().tableName(table).indexName(ARTICLES_BY_STATUS)
                .keyConditionExpression("#s = :s")
                .expressionAttributeNames(Map.of("#s", STATUS_KEY))
                .expressionAttributeValues(Map.of(":s", AttributeValue.fromS(ArticleStatus.PUBLISHED.wireName())));
    }

    /** Full articles for these ids (at most 100), in the order given; missing ones left out. */
    private List<Article> withBodies(Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<String, Article> found = new HashMap<>();
        Map<String, KeysAndAttributes> request = Map.of(table, KeysAndAttributes.builder().consistentRead(true)
                .keys(ids.stream().distinct().map(ArticleItems::articleKey).toList()).build());
        while (!request.isEmpty()) {
            Map<String, KeysAndAttributes> pending = request;
            var response = dynamoDb.batchGetItem(r -> r.requestItems(pending));
            response.responses().getOrDefault(table, List.of()).forEach(item -> {
                Article a = ArticleItems.fromItem(item);
                found.put(a.id(), a);
            });
            request = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
        }
        return ids.stream().map(found::get).filter(a -> a != null).toList();
    }
}
