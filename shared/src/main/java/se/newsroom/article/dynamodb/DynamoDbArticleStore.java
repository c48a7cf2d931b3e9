package se.newsroom.article.dynamodb;

import static se.newsroom.article.dynamodb.ArticleItems.articleKey;
import static se.newsroom.article.dynamodb.ArticleItems.s;
import static se.newsroom.article.dynamodb.ArticleItems.slugClaim;
import static se.newsroom.article.dynamodb.ArticleItems.slugKey;
import static se.newsroom.article.dynamodb.ContentTable.ARTICLES_BY_STATUS;
import static se.newsroom.article.dynamodb.ContentTable.STATUS_KEY;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import se.newsroom.article.Article;
import se.newsroom.article.ArticlePage;
import se.newsroom.article.ArticleStatus;
import se.newsroom.article.ArticleStore;
import se.newsroom.article.Slugs;
import se.newsroom.error.FieldError;
import se.newsroom.error.InvalidInputException;
import se.newsroom.error.NotFoundException;
import se.newsroom.error.StaleVersionException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** The article store on the single content table, through the low-level client (no bean schema to reflect on). */
public final class DynamoDbArticleStore implements ArticleStore {
    /** How many {@code slug-N} alternatives a create tries before giving up on the title's slug. */
    static final int MAX_SLUG_ATTEMPTS = 50;
    /** How often a transaction that lost a race with another one is tried again. */
    static final int MAX_CONFLICT_RETRIES = 5;

    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public DynamoDbArticleStore(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    @Override
    public Article create(Article article, boolean exactSlug) {
        int suffix = 1;
        int conflicts = 0;
        while (true) {
            String slug = suffix == 1 ? article.slug() : Slugs.withSuffix(article.slug(), suffix);
            Article candidate = article.withSlug(slug);
            List<TransactWriteItem> items = new ArrayList<>();
            items.add(TransactWriteItem.builder().put(Put.builder().tableName(tableName)
                    .item(ArticleItems.toItem(candidate))
                    .conditionExpression("attribute_not_exists(PK)").build()).build());
            items.add(TransactWriteItem.builder().put(Put.builder().tableName(tableName)
                    .item(slugClaim(slug, article.id(), true))
                    .conditionExpression("attribute_not_exists(PK)").build()).build());
            int relatedOffset = items.size();
            items.addAll(relatedChecks(article));
            IndexItems.of(candidate).values().forEach(item -> items.add(put(item)));
            try {
                dynamoDb.transactWriteItems(r -> r.transactItems(items));
                return candidate;
            } catch (TransactionCanceledException e) {
                List<CancellationReason> reasons = e.cancellationReasons();
                rejectMissingRelated(article, reasons, relatedOffset);
                if (failed(reasons, 1)) {
                    if (exactSlug) {
                        throw slugTaken(slug);
                    }
                    if (++suffix > MAX_SLUG_ATTEMPTS) {
                        throw new InvalidInputException("Too many articles share this title's slug.",
                                List.of(new FieldError("slug", "'" + article.slug() + "' and its first "
                                        + MAX_SLUG_ATTEMPTS + " alternatives are taken; choose a slug")));
                    }
                } else if (failed(reasons, 0)) {
                    throw new IllegalStateException("Article id " + article.id() + " already exists");
                } else if (!conflicted(reasons) || ++conflicts > MAX_CONFLICT_RETRIES) {
                    throw e;
                }
            }
        }
    }

    @Override
    public Optional<Article> find(String id) {
        Map<String, AttributeValue> item = dynamoDb.getItem(r -> r.tableName(tableName).key(articleKey(id))
                .consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(ArticleItems.fromItem(item));
    }

    @Override
    public ArticlePage list(Optional<ArticleStatus> status, int limit, Optional<String> cursor) {
        List<ArticleStatus> order = status.map(List::of).orElse(List.of(ArticleStatus.values()));
        ListCursor position = cursor.map(c -> ListCursor.decode(c, order))
                .orElseGet(() -> new ListCursor(order.getFirst(), Map.of()));
        List<Article> items = new ArrayList<>();
        for (int i = order.indexOf(position.status()); i < order.size() && items.size() < limit; i++) {
            ArticleStatus current = order.get(i);
            Map<String, AttributeValue> start = current == position.status() ? position.startKey() : Map.of();
            QueryRequest.Builder query = QueryRequest.builder().tableName(tableName)
                    .indexName(ARTICLES_BY_STATUS)
                    .keyConditionExpression("#s = :s")
                    .expressionAttributeNames(Map.of("#s", STATUS_KEY))
                    .expressionAttributeValues(Map.of(":s", s(current.wireName())))
                    .scanIndexForward(false)
                    .limit(limit - items.size());
            if (!start.isEmpty()) {
                query.exclusiveStartKey(start);
            }
            QueryResponse response = dynamoDb.query(query.build());
            response.items().forEach(item -> items.add(ArticleItems.fromItem(item)));
            if (response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()) {
                return new ArticlePage(items,
                        Optional.of(new ListCursor(current, response.lastEvaluatedKey()).encode()));
            }
        }
        // A full page may end exactly where a status ends; then the next page starts at the next status.
        int next = order.indexOf(items.isEmpty() ? position.status() : items.getLast().status()) + 1;
        if (items.size() >= limit && next < order.size()) {
            return new ArticlePage(items, Optional.of(new ListCursor(order.get(next), Map.of()).encode()));
        }
        return new ArticlePage(items, Optional.empty());
    }

    @Override
    public List<Article> scheduledDue(java.time.Instant now, int limit) {
        // statusSort is "<publishAt>#<id>"; '~' sorts after every id character, so this takes all of `now`.
        QueryRequest query = QueryRequest.builder().tableName(tableName).indexName(ARTICLES_BY_STATUS)
                .keyConditionExpression("#s = :s AND #d <= :now")
                .expressionAttributeNames(Map.of("#s", STATUS_KEY, "#d", ContentTable.STATUS_SORT))
                .expressionAttributeValues(Map.of(":s", s(ArticleStatus.SCHEDULED.wireName()),
                        ":now", s(se.newsroom.article.Timestamps.format(now) + "#~")))
                .scanIndexForward(true).limit(limit).build();
        return dynamoDb.query(query).items().stream().map(ArticleItems::fromItem).toList();
    }

    @Override
    public Article update(Article previous, Article article) {
        // The index items to remove are previous's; the version condition below makes sure previous is exactly
        // what the transaction replaces.
        long expectedVersion = previous.version();
        List<TransactWriteItem> items = new ArrayList<>();
        items.add(TransactWriteItem.builder().put(Put.builder().tableName(tableName)
                .item(ArticleItems.toItem(article))
                .conditionExpression("#v = :expected")
                .expressionAttributeNames(Map.of("#v", "version"))
                .expressionAttributeValues(Map.of(":expected", AttributeValue.fromN(Long.toString(expectedVersion))))
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD).build()).build());
        // Claim the current slug (a no-op rewrite when unchanged) and keep every earlier one for its redirect.
        items.add(claim(article.slug(), article.id(), true));
        article.previousSlugs().stream().filter(old -> !old.equals(article.slug()))
                .forEach(old -> items.add(claim(old, article.id(), false)));
        int relatedOffset = items.size();
        items.addAll(relatedChecks(article));
        Map<String, Map<String, AttributeValue>> before = IndexItems.of(previous);
        Map<String, Map<String, AttributeValue>> after = IndexItems.of(article);
        after.values().forEach(item -> items.add(put(item)));
        IndexItems.removed(before, after).forEach(item -> items.add(delete(IndexItems.keyOf(item))));
        int conflicts = 0;
        while (true) {
            try {
                dynamoDb.transactWriteItems(r -> r.transactItems(items));
                return article;
            } catch (TransactionCanceledException e) {
                List<CancellationReason> reasons = e.cancellationReasons();
                if (failed(reasons, 0)) {
                    Map<String, AttributeValue> old = reasons.getFirst().item();
                    if (old == null || old.isEmpty()) {
                        throw new NotFoundException("There is no article " + article.id() + ".");
                    }
                    throw stale(article.id(), Long.parseLong(old.get("version").n()), expectedVersion);
                }
                rejectMissingRelated(article, reasons, relatedOffset);
                if (failed(reasons, 1)) {
                    throw slugTaken(article.slug());
                }
                if (!conflicted(reasons) || ++conflicts > MAX_CONFLICT_RETRIES) {
                    throw e;
                }
            }
        }
    }

    @Override
    public void delete(String id, Optional<Long> expectedVersion) {
        int conflicts = 0;
        while (true) {
            Article current = find(id).orElseThrow(() -> new NotFoundException("There is no article " + id + "."));
            if (expectedVersion.isPresent() && expectedVersion.get() != current.version()) {
                throw stale(id, current.version(), expectedVersion.get());
            }
            List<TransactWriteItem> items = new ArrayList<>();
            // Conditioned on the version read, so the slugs released are exactly the ones the article holds.
            items.add(TransactWriteItem.builder().delete(Delete.builder().tableName(tableName).key(articleKey(id))
                    .conditionExpression("#v = :v")
                    .expressionAttributeNames(Map.of("#v", "version"))
                    .expressionAttributeValues(Map.of(":v", AttributeValue.fromN(Long.toString(current.version()))))
                    .build()).build());
            List<String> slugs = new ArrayList<>(current.previousSlugs());
            slugs.add(current.slug());
            slugs.stream().distinct().forEach(slug -> items.add(TransactWriteItem.builder().delete(Delete.builder()
                    .tableName(tableName).key(slugKey(slug))
                    .conditionExpression("attribute_not_exists(PK) OR articleId = :id")
                    .expressionAttributeValues(Map.of(":id", s(id))).build()).build()));
            // Its category entries and its "related by" markers in other articles go too. The markers others
            // left in its own partition stay: rendering reads them to update the pages that listed it.
            IndexItems.of(current).values().forEach(item -> items.add(delete(IndexItems.keyOf(item))));
            try {
                dynamoDb.transactWriteItems(r -> r.transactItems(items));
                return;
            } catch (TransactionCanceledException e) {
                // Changed or deleted meanwhile: read again and decide on the new state.
                if (++conflicts > MAX_CONFLICT_RETRIES) {
                    throw e;
                }
            }
        }
    }

    private TransactWriteItem put(Map<String, AttributeValue> item) {
        return TransactWriteItem.builder().put(Put.builder().tableName(tableName).item(item).build()).build();
    }

    private TransactWriteItem delete(Map<String, AttributeValue> key) {
        return TransactWriteItem.builder().delete(Delete.builder().tableName(tableName).key(key).build()).build();
    }

    private TransactWriteItem claim(String slug, String articleId, boolean current) {
        return TransactWriteItem.builder().put(Put.builder().tableName(tableName)
                .item(slugClaim(slug, articleId, current))
                .conditionExpression("attribute_not_exists(PK) OR articleId = :id")
                .expressionAttributeValues(Map.of(":id", s(articleId))).build()).build();
    }

    private List<TransactWriteItem> relatedChecks(Article article) {
        return article.related().stream().map(id -> TransactWriteItem.builder().conditionCheck(ConditionCheck
                .builder().tableName(tableName).key(articleKey(id))
                .conditionExpression("attribute_exists(PK)").build()).build()).toList();
    }

    private static void rejectMissingRelated(Article article, List<CancellationReason> reasons, int offset) {
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < article.related().size(); i++) {
            if (failed(reasons, offset + i)) {
                errors.add(new FieldError("related[" + i + "]",
                        "there is no article " + article.related().get(i)));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("Related articles must exist.", errors);
        }
    }

    private static boolean failed(List<CancellationReason> reasons, int index) {
        return index < reasons.size() && "ConditionalCheckFailed".equals(reasons.get(index).code());
    }

    private static boolean conflicted(List<CancellationReason> reasons) {
        return reasons.stream().anyMatch(r -> "TransactionConflict".equals(r.code()));
    }

    private static InvalidInputException slugTaken(String slug) {
        return new InvalidInputException("The slug is taken.",
                List.of(new FieldError("slug", "'" + slug + "' is used by another article")));
    }

    private static StaleVersionException stale(String id, long current, long expected) {
        return new StaleVersionException("Article " + id + " is at version " + current + ", not " + expected
                + ": someone changed it since you read it. Fetch it again, reapply your edit and send the new ETag.");
    }
}
