package se.newsroom.render;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import se.newsroom.article.Article;
import se.newsroom.article.Timestamps;
import se.newsroom.article.dynamodb.ArticleItems;
import se.newsroom.render.site.Comment;
import se.newsroom.render.site.SnapshotSiteContent;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Reads every article and approved comment from the table in one scan, for a full rebuild. */
public final class TableSnapshot {
    private final DynamoDbClient dynamoDb;
    private final String table;
    private final ZoneId zone;

    public TableSnapshot(DynamoDbClient dynamoDb, String table, ZoneId zone) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.zone = zone;
    }

    public SnapshotSiteContent load() {
        List<Article> articles = new ArrayList<>();
        Map<String, List<Comment>> comments = new HashMap<>();
        dynamoDb.scanPaginator(r -> r.tableName(table)
                        .filterExpression("#t = :article OR (#t = :comment AND #s = :approved)")
                        .expressionAttributeNames(Map.of("#t", "type", "#s", "status"))
                        .expressionAttributeValues(Map.of(":article", AttributeValue.fromS("article"),
                                ":comment", AttributeValue.fromS("comment"),
                                ":approved", AttributeValue.fromS("approved"))))
                .items().forEach(item -> {
                    if ("article".equals(item.get("type").s())) {
                        articles.add(ArticleItems.fromItem(item));
                    } else {
                        String articleId = item.get("PK").s().substring("ARTICLE#".length());
                        comments.computeIfAbsent(articleId, k -> new ArrayList<>()).add(new Comment(
                                item.get("id").s(),
                                Optional.ofNullable(item.get("parentId")).map(AttributeValue::s)
                                        .filter(p -> !p.isEmpty()),
                                item.get("author").s(), item.get("body").s(),
                                Timestamps.parse(item.get("createdAt").s())));
                    }
                });
        comments.values().forEach(list -> list.sort(java.util.Comparator.comparing(Comment::createdAt)));
        return new SnapshotSiteContent(articles, comments, zone);
    }
}
