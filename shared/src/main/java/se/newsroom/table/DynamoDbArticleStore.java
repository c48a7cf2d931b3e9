package se.newsroom.table;

import static se.newsroom.table.ContentTable.ARTICLES_BY_STATUS;
import static se.newsroom.table.ContentTable.PK;
import static se.newsroom.table.ContentTable.SK;
import static se.newsroom.table.ContentTable.STATUS_KEY;
import static se.newsroom.table.ContentTable.STATUS_SORT;
import static se.newsroom.table.ContentTable.n;
import static se.newsroom.table.ContentTable.s;
import static se.newsroom.table.Transactions.MAX_CONFLICT_RETRIES;
import static se.newsroom.table.Transactions.conflicted;
import static se.newsroom.table.Transactions.failed;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

import se.newsroom.content.Article;
import se.newsroom.content.ArticleList;
import se.newsroom.content.ArticleStatus;
import se.newsroom.content.ArticleStore;
import se.newsroom.content.AuditEntry;
import se.newsroom.content.CategoryUse;
import se.newsroom.content.Change;
import se.newsroom.content.IdempotencyKey;
import se.newsroom.content.ListedArticle;
import se.newsroom.content.Revision;
import se.newsroom.content.RevisionFields;
import se.newsroom.content.Slugs;
import se.newsroom.content.Text;
import se.newsroom.content.Timestamps;
import se.newsroom.error.ConflictException;
import se.newsroom.error.FieldError;
import se.newsroom.error.InvalidCursorException;
import se.newsroom.error.InvalidInputException;
import se.newsroom.error.NotFoundException;
import se.newsroom.error.StaleVersionException;

/** The article store on the single content table, through the low-level client (no bean schema to reflect on). */
public final class DynamoDbArticleStore implements ArticleStore {
    /** How many listing entries one query of a title search reads. */
    static final int SEARCH_PAGE_SIZE = 100;
    /** How many queries one page of a title search makes at most: it reads at most 1,000 listing entries. */
    static final int SEARCH_READS = 10;
    /** BatchGetItem's limit of keys in one call. */
    private static final int MAX_BATCH_GET = 100;
    /** How many {@code slug-N} alternatives a create tries before giving up on the title's slug. */
    static final int MAX_SLUG_ATTEMPTS = 50;
    /** The start key of an ArticlesByStatus page: an article's keys and its index keys. */
    private static final TableCursor.KeyShape CURSOR_KEY = TableCursor.KeyShape.of(Set.of(PK, SK, STATUS_KEY,
            STATUS_SORT)).prefixed(PK, ArticleItem.PREFIX).fixed(SK, ArticleItem.SORT_KEY);

    private final DynamoDbClient dynamoDb;
    private final String tableName;
    private final Transactions tx;
    private final int searchPageSize;
    private final int searchReads;

    public DynamoDbArticleStore(DynamoDbClient dynamoDb, String tableName) {
        this(dynamoDb, tableName, SEARCH_PAGE_SIZE, SEARCH_READS);
    }

    /** For tests: a title search that reads {@code searchReads} queries of {@code searchPageSize} entries a page. */
    DynamoDbArticleStore(DynamoDbClient dynamoDb, String tableName, int searchPageSize, int searchReads) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
        this.tx = new Transactions(tableName);
        this.searchPageSize = searchPageSize;
        this.searchReads = searchReads;
    }

    @Override
    public Article create(Article article, boolean exactSlug, Optional<IdempotencyKey> key, Change change) {
        int suffix = 1;
        int conflicts = 0;
        while (true) {
            String slug = suffix == 1 ? article.slug() : Slugs.withSuffix(article.slug(), suffix);
            Article candidate = article.withSlug(slug);
            List<TransactWriteItem> items = new ArrayList<>();
            items.add(tx.putNew(ArticleItem.toItem(candidate)));
            items.add(TransactWriteItem.builder().put(Put.builder().tableName(tableName)
                    .item(SlugClaimItem.of(slug, article.id(), true))
                    .conditionExpression("attribute_not_exists(PK)")
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD).build()).build());
            int relatedOffset = items.size();
            items.addAll(relatedChecks(article));
            int mediaOffset = items.size();
            items.addAll(mediaUses(article));
            ArticleSideItems.of(candidate).values().forEach(item -> items.add(tx.put(item)));
            int keyIndex = key.isPresent() ? items.size() : -1;
            key.ifPresent(k -> items.add(claimKey(k, article)));
            items.addAll(record(candidate, change, RevisionFields.set(candidate)));
            try {
                dynamoDb.transactWriteItems(r -> r.transactItems(items));
                return candidate;
            } catch (TransactionCanceledException e) {
                List<CancellationReason> reasons = e.cancellationReasons();
                if (failed(reasons, keyIndex)) {
                    return replay(key.get(), reasons.get(keyIndex).item());
                }
                rejectMissingRelated(article, reasons, relatedOffset);
                rejectMissingMedia(article, reasons, mediaOffset);
                if (failed(reasons, 1)) {
                    if (releasedOrphan(slug, reasons.get(1).item())) {
                        continue; // the slug was free after all: try it again
                    }
                    if (exactSlug) {
                        throw slugTaken(slug);
                    }
                    if (++suffix > MAX_SLUG_ATTEMPTS) {
                        throw new InvalidInputException("Too many articles share this title's slug.",
                                FieldError.only("slug", "'" + article.slug() + "' and its first "
                                        + MAX_SLUG_ATTEMPTS + " alternatives are taken; choose a slug"));
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
        Map<String, AttributeValue> item = dynamoDb.getItem(r -> r.tableName(tableName).key(ArticleItem.key(id))
                .consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(ArticleItem.fromItem(item));
    }

    @Override
    public ArticleList list(Optional<ArticleStatus> status, int limit, Optional<String> cursor) {
        List<ArticleStatus> order = status.map(List::of).orElse(List.of(ArticleStatus.values()));
        TableCursor position = cursor.map(c -> decode(c, order))
                .orElseGet(() -> new TableCursor(order.getFirst().wireName(), Map.of()));
        ArticleStatus first = ArticleStatus.fromWireName(position.part()).orElseThrow();
        List<ListedArticle> items = new ArrayList<>();
        for (int i = order.indexOf(first); i < order.size() && items.size() < limit; i++) {
            ArticleStatus current = order.get(i);
            Map<String, AttributeValue> start = current == first ? position.startKey() : Map.of();
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
            response.items().forEach(item -> items.add(ArticleItem.listedFromItem(item)));
            if (response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()) {
                return new ArticleList(items, Optional.of(
                        new TableCursor(current.wireName(), response.lastEvaluatedKey()).encode()));
            }
        }
        // A full page may end exactly where a status ends; then the next page starts at the next status.
        int next = order.indexOf(items.isEmpty() ? first : items.getLast().status()) + 1;
        if (items.size() >= limit && next < order.size()) {
            return new ArticleList(items, Optional.of(new TableCursor(order.get(next).wireName(), Map.of()).encode()));
        }
        return new ArticleList(items, Optional.empty());
    }

    @Override
    public ArticleList search(Optional<ArticleStatus> status, String query, int limit, Optional<String> cursor) {
        String wanted = Text.folded(query.strip());
        List<ArticleStatus> order = status.map(List::of).orElse(List.of(ArticleStatus.values()));
        TableCursor position = cursor.map(c -> decode(c, order))
                .orElseGet(() -> new TableCursor(order.getFirst().wireName(), Map.of()));
        ArticleStatus first = ArticleStatus.fromWireName(position.part()).orElseThrow();
        List<ListedArticle> items = new ArrayList<>();
        int reads = 0;
        for (int i = order.indexOf(first); i < order.size(); i++) {
            ArticleStatus current = order.get(i);
            Map<String, AttributeValue> start = current == first ? position.startKey() : Map.of();
            do {
                if (reads++ == searchReads) {
                    // The bound: the next page goes on from here.
                    return new ArticleList(items, Optional.of(new TableCursor(current.wireName(), start).encode()));
                }
                QueryRequest.Builder page = byStatus(current).limit(searchPageSize);
                if (!start.isEmpty()) {
                    page.exclusiveStartKey(start);
                }
                QueryResponse response = dynamoDb.query(page.build());
                boolean more = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty();
                List<Map<String, AttributeValue>> read = response.items();
                for (int j = 0; j < read.size(); j++) {
                    ListedArticle a = ArticleItem.listedFromItem(read.get(j));
                    if (!Text.folded(a.title()).contains(wanted)) {
                        continue;
                    }
                    items.add(a);
                    if (items.size() == limit) {
                        boolean lastOfStatus = j == read.size() - 1 && !more;
                        if (!lastOfStatus) {
                            return new ArticleList(items, Optional.of(new TableCursor(current.wireName(),
                                    indexKey(read.get(j))).encode()));
                        }
                        return new ArticleList(items, i + 1 < order.size()
                                ? Optional.of(new TableCursor(order.get(i + 1).wireName(), Map.of()).encode())
                                : Optional.empty());
                    }
                }
                start = more ? response.lastEvaluatedKey() : Map.of();
            } while (!start.isEmpty());
        }
        return new ArticleList(items, Optional.empty());
    }

    /**
     * Read from ArticlesByStatus, which holds every article without its body: the categories of all of them, one
     * query per status paged by DynamoDB (1 MB a page).
     */
    @Override
    public List<CategoryUse> categories() {
        List<List<String>> categories = new ArrayList<>();
        for (ArticleStatus status : ArticleStatus.values()) {
            dynamoDb.queryPaginator(byStatus(status).projectionExpression("#c")
                            .expressionAttributeNames(Map.of("#s", STATUS_KEY, "#c", "categories")).build())
                    .items().forEach(item -> categories.add(ArticleItem.listedCategories(item)));
        }
        return CategoryUse.tally(categories);
    }

    /** One BatchGetItem (per 100 ids), without the bodies. */
    @Override
    public List<ListedArticle> findListed(Collection<String> ids) {
        List<String> distinct = ids.stream().distinct().toList();
        Map<String, ListedArticle> found = new HashMap<>();
        for (int from = 0; from < distinct.size(); from += MAX_BATCH_GET) {
            List<Map<String, AttributeValue>> keys = distinct.subList(from, Math.min(distinct.size(),
                    from + MAX_BATCH_GET)).stream().map(ArticleItem::key).toList();
            Map<String, KeysAndAttributes> request = Map.of(tableName, KeysAndAttributes.builder().keys(keys)
                    .projectionExpression(ArticleItem.LISTED_PROJECTION)
                    .expressionAttributeNames(ArticleItem.LISTED_NAMES).build());
            while (!request.isEmpty()) {
                Map<String, KeysAndAttributes> pending = request;
                BatchGetItemResponse response = dynamoDb.batchGetItem(r -> r.requestItems(pending));
                response.responses().getOrDefault(tableName, List.of()).forEach(item -> {
                    ListedArticle a = ArticleItem.listedFromItem(item);
                    found.put(a.id(), a);
                });
                request = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
            }
        }
        return distinct.stream().map(found::get).filter(Objects::nonNull).toList();
    }

    private QueryRequest.Builder byStatus(ArticleStatus status) {
        return QueryRequest.builder().tableName(tableName).indexName(ARTICLES_BY_STATUS)
                .keyConditionExpression("#s = :s")
                .expressionAttributeNames(Map.of("#s", STATUS_KEY))
                .expressionAttributeValues(Map.of(":s", s(status.wireName())))
                .scanIndexForward(false);
    }

    /** The ArticlesByStatus key of an item read from it: where a query starting after it begins. */
    private static Map<String, AttributeValue> indexKey(Map<String, AttributeValue> item) {
        return Map.of(PK, item.get(PK), SK, item.get(SK), STATUS_KEY, item.get(STATUS_KEY),
                STATUS_SORT, item.get(STATUS_SORT));
    }

    /** A cursor of this listing over {@code order}: its status is listed, and its key lies in that status. */
    private static TableCursor decode(String cursor, List<ArticleStatus> order) {
        TableCursor position = TableCursor.decode(cursor, CURSOR_KEY);
        Optional<ArticleStatus> status = ArticleStatus.fromWireName(position.part()).filter(order::contains);
        boolean keyInStatus = position.startKey().isEmpty() || status.map(ArticleStatus::wireName)
                .filter(w -> w.equals(position.startKey().get(STATUS_KEY).s())).isPresent();
        if (status.isEmpty() || !keyInStatus) {
            throw new InvalidCursorException();
        }
        return position;
    }

    @Override
    public List<ListedArticle> scheduledDue(Instant now, int limit) {
        QueryRequest query = QueryRequest.builder().tableName(tableName).indexName(ARTICLES_BY_STATUS)
                // From the earliest date an article may carry: a sort key an older version wrote for a year beyond
                // 9999 ("+10000-…") sorts before it, and must not be taken for due.
                .keyConditionExpression("#s = :s AND #d BETWEEN :earliest AND :now")
                .expressionAttributeNames(Map.of("#s", STATUS_KEY, "#d", STATUS_SORT))
                .expressionAttributeValues(Map.of(":s", s(ArticleStatus.SCHEDULED.wireName()),
                        ":earliest", s(ArticleItem.statusSortStart(Timestamps.EARLIEST)),
                        ":now", s(ArticleItem.statusSortThrough(now))))
                .scanIndexForward(true).limit(limit).build();
        return dynamoDb.query(query).items().stream().map(ArticleItem::listedFromItem).toList();
    }

    @Override
    public Article update(Article previous, Article article, Change change) {
        // The side items to remove are previous's; the version condition below makes sure previous is exactly
        // what the transaction replaces.
        long expectedVersion = previous.version();
        List<TransactWriteItem> items = new ArrayList<>();
        items.add(TransactWriteItem.builder().put(Put.builder().tableName(tableName)
                .item(ArticleItem.toItem(article))
                .conditionExpression("#v = :expected")
                .expressionAttributeNames(Map.of("#v", ArticleItem.VERSION))
                .expressionAttributeValues(Map.of(":expected", n(expectedVersion)))
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD).build()).build());
        // Claim the current slug (a no-op rewrite when unchanged) and keep the one it replaces for its redirect.
        // Earlier slugs keep the claims they have: rewriting them all made the transaction grow with every rename,
        // past DynamoDB's 100 items at the 99th. So the transaction stays within 1 + 2 + 10 + 4 × 10 items, and
        // 3 × 10 for the pictures (MediaReferences.MAX_PER_ARTICLE): a use check, a use item, a removed use item;
        // and the record's 3 (the revision, the audit entry, the dropped revision 50 versions older): 86 at most.
        items.add(claim(article.slug(), article.id(), true));
        if (!previous.slug().equals(article.slug())) {
            items.add(claim(previous.slug(), article.id(), false));
        }
        int relatedOffset = items.size();
        items.addAll(relatedChecks(article));
        int mediaOffset = items.size();
        items.addAll(mediaUses(article));
        Map<String, Map<String, AttributeValue>> before = ArticleSideItems.of(previous);
        Map<String, Map<String, AttributeValue>> after = ArticleSideItems.of(article);
        after.values().forEach(item -> items.add(tx.put(item)));
        ArticleSideItems.removed(before, after).forEach(item -> items.add(tx.delete(ContentTable.keyOf(item))));
        items.addAll(record(article, change, RevisionFields.changed(previous, article)));
        if (article.version() > KEPT_REVISIONS) {
            items.add(tx.delete(RevisionItem.key(article.id(), article.version() - KEPT_REVISIONS)));
        }
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
                    throw stale(article.id(), Long.parseLong(old.get(ArticleItem.VERSION).n()), expectedVersion);
                }
                rejectMissingRelated(article, reasons, relatedOffset);
                rejectMissingMedia(article, reasons, mediaOffset);
                if (failed(reasons, 1)) {
                    if (releasedOrphan(article.slug(), item(SlugClaimItem.key(article.slug())))) {
                        continue;
                    }
                    throw slugTaken(article.slug());
                }
                if (!conflicted(reasons) || ++conflicts > MAX_CONFLICT_RETRIES) {
                    throw e;
                }
            }
        }
    }

    /**
     * Deletes the article with its current slug and the items beside it in one transaction of at most 32 items,
     * then releases its earlier slugs one by one, each only while it is still this article's. A crash between the
     * two leaves claims of earlier slugs naming an article that no longer exists: they harm nothing (they only
     * reserve a URL), and the next article that wants such a slug releases it ({@link #releasedOrphan}).
     */
    @Override
    public void delete(String id, Optional<Long> expectedVersion, Change change) {
        int conflicts = 0;
        while (true) {
            Article current = find(id).orElseThrow(() -> new NotFoundException("There is no article " + id + "."));
            if (expectedVersion.isPresent() && expectedVersion.get() != current.version()) {
                throw stale(id, current.version(), expectedVersion.get());
            }
            List<TransactWriteItem> items = new ArrayList<>();
            // Conditioned on the version read, so the slugs released are exactly the ones the article holds.
            items.add(TransactWriteItem.builder().delete(Delete.builder().tableName(tableName)
                    .key(ArticleItem.key(id))
                    .conditionExpression("#v = :v")
                    .expressionAttributeNames(Map.of("#v", ArticleItem.VERSION))
                    .expressionAttributeValues(Map.of(":v", n(current.version())))
                    .build()).build());
            items.add(release(current.slug(), id));
            // Its category entries and its "related by" markers in other articles go too. The markers others
            // left in its own partition stay: rendering reads them to update the pages that listed it.
            ArticleSideItems.of(current).values().forEach(item -> items.add(tx.delete(ContentTable.keyOf(item))));
            items.add(AuditItem.put(tableName, AuditEntry.ofArticle(Timestamps.truncate(Instant.now()),
                    change.action(), change.editor(), change.editorName(), id, Optional.of(current.version()))));
            try {
                dynamoDb.transactWriteItems(r -> r.transactItems(items));
            } catch (TransactionCanceledException e) {
                // Changed or deleted meanwhile: read again and decide on the new state.
                if (++conflicts > MAX_CONFLICT_RETRIES) {
                    throw e;
                }
                continue;
            }
            current.previousSlugs().stream().filter(slug -> !slug.equals(current.slug())).distinct()
                    .forEach(slug -> releaseIfOwned(slug, id));
            return;
        }
    }

    /**
     * The record a save of {@code saved} leaves beside it, in its transaction: its revision (written only if there
     * is none of that version: a save that lost the version race never gets this far) and its audit entry.
     */
    private List<TransactWriteItem> record(Article saved, Change change, List<String> changed) {
        return List.of(tx.putNew(RevisionItem.toItem(saved, change, changed)),
                AuditItem.put(tableName, AuditEntry.ofArticle(saved.updatedAt(), change.action(), change.editor(),
                        change.editorName(), saved.id(), Optional.of(saved.version()))));
    }

    @Override
    public Revision.Page revisions(String articleId, int limit, Optional<String> cursor) {
        String partition = ArticleItem.PREFIX + articleId;
        Map<String, String> names = new HashMap<>(RevisionItem.LISTED_NAMES);
        QueryRequest.Builder query = QueryRequest.builder().tableName(tableName)
                .keyConditionExpression("#pk = :pk AND begins_with(#sk, :r)")
                .expressionAttributeNames(names)
                .expressionAttributeValues(Map.of(":pk", s(partition), ":r", s(RevisionItem.SORT_PREFIX)))
                .projectionExpression(RevisionItem.LISTED_PROJECTION)
                .scanIndexForward(false).limit(limit);
        cursor.map(c -> TableCursor.decode(c, TableCursor.KeyShape.of(Set.of(PK, SK)).fixed(PK, partition)
                        .prefixed(SK, RevisionItem.SORT_PREFIX)))
                .filter(c -> !c.startKey().isEmpty()).ifPresent(c -> query.exclusiveStartKey(c.startKey()));
        QueryResponse response = dynamoDb.query(query.build());
        Optional<String> next = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                ? Optional.of(TableCursor.after(response.lastEvaluatedKey()).encode())
                : Optional.empty();
        return new Revision.Page(response.items().stream().map(RevisionItem::listedFromItem).toList(), next);
    }

    @Override
    public Optional<Revision> revision(String articleId, long version) {
        Map<String, AttributeValue> found = item(RevisionItem.key(articleId, version));
        return found == null || found.isEmpty() ? Optional.empty() : Optional.of(RevisionItem.fromItem(found));
    }

    private TransactWriteItem release(String slug, String articleId) {
        return TransactWriteItem.builder().delete(Delete.builder().tableName(tableName).key(SlugClaimItem.key(slug))
                .conditionExpression("attribute_not_exists(PK) OR " + SlugClaimItem.ARTICLE_ID + " = :id")
                .expressionAttributeValues(Map.of(":id", s(articleId))).build()).build();
    }

    /** Deletes a slug's claim if it names {@code articleId}; one that another article holds stays. */
    private void releaseIfOwned(String slug, String articleId) {
        try {
            dynamoDb.deleteItem(r -> r.tableName(tableName).key(SlugClaimItem.key(slug))
                    .conditionExpression(SlugClaimItem.ARTICLE_ID + " = :id")
                    .expressionAttributeValues(Map.of(":id", s(articleId))));
        } catch (ConditionalCheckFailedException e) {
            // gone already, or someone else's now
        }
    }

    /**
     * Releases {@code claim}, the claim that stood in the way of {@code slug}, when it is an earlier slug of an
     * article that no longer exists (what a delete interrupted after its transaction leaves).
     *
     * @return whether it was released, so the slug may be tried again
     */
    private boolean releasedOrphan(String slug, Map<String, AttributeValue> claim) {
        if (claim == null || claim.isEmpty() || SlugClaimItem.isCurrent(claim)) {
            return false;
        }
        String owner = claim.get(SlugClaimItem.ARTICLE_ID).s();
        if (find(owner).isPresent()) {
            return false;
        }
        try {
            dynamoDb.deleteItem(r -> r.tableName(tableName).key(SlugClaimItem.key(slug))
                    .conditionExpression(SlugClaimItem.ARTICLE_ID + " = :id")
                    .expressionAttributeValues(Map.of(":id", s(owner))));
        } catch (ConditionalCheckFailedException e) {
            // released or taken meanwhile: trying again decides
        }
        return true;
    }

    private Map<String, AttributeValue> item(Map<String, AttributeValue> key) {
        return dynamoDb.getItem(r -> r.tableName(tableName).key(key).consistentRead(true)).item();
    }

    /** The key, claimed unless a live claim of it exists; a failed claim hands back the claim it met. */
    private TransactWriteItem claimKey(IdempotencyKey key, Article article) {
        return TransactWriteItem.builder().put(Put.builder().tableName(tableName)
                .item(IdempotencyKeyItem.of(key, article.id(), article.createdAt()))
                .conditionExpression("attribute_not_exists(PK) OR #expires < :now")
                .expressionAttributeNames(Map.of("#expires", ContentTable.EXPIRES_AT))
                .expressionAttributeValues(Map.of(":now", n(article.createdAt().getEpochSecond())))
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD).build()).build();
    }

    /** The answer to a create whose key an earlier create claimed: that create's article, if the request is its. */
    private Article replay(IdempotencyKey key, Map<String, AttributeValue> claimed) {
        if (claimed == null || !key.fingerprint().equals(IdempotencyKeyItem.fingerprint(claimed))) {
            throw new InvalidInputException("This Idempotency-Key was used for another request.",
                    FieldError.only("Idempotency-Key", "was sent before with a different body; use a new key for a "
                            + "new article"));
        }
        String id = IdempotencyKeyItem.articleId(claimed);
        return find(id).orElseThrow(() -> new ConflictException("The article this Idempotency-Key created, " + id
                + ", has since been deleted."));
    }

    private TransactWriteItem claim(String slug, String articleId, boolean current) {
        return TransactWriteItem.builder().put(Put.builder().tableName(tableName)
                .item(SlugClaimItem.of(slug, articleId, current))
                .conditionExpression("attribute_not_exists(PK) OR " + SlugClaimItem.ARTICLE_ID + " = :id")
                .expressionAttributeValues(Map.of(":id", s(articleId))).build()).build();
    }

    private List<TransactWriteItem> relatedChecks(Article article) {
        return article.related().stream().map(id -> TransactWriteItem.builder().conditionCheck(ConditionCheck
                .builder().tableName(tableName).key(ArticleItem.key(id))
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

    /**
     * For each picture the article uses: its library item must exist, and its use version goes up, so that a delete
     * of the picture that read its uses before this save refuses (see {@link DynamoDbMediaStore#delete}).
     */
    private List<TransactWriteItem> mediaUses(Article article) {
        return article.mediaIds().stream().map(id -> TransactWriteItem.builder().update(Update.builder()
                .tableName(tableName).key(MediaItem.key(id)).conditionExpression("attribute_exists(PK)")
                .updateExpression("ADD #v :one").expressionAttributeNames(Map.of("#v", MediaItem.USE_VERSION))
                .expressionAttributeValues(Map.of(":one", n(1))).build()).build()).toList();
    }

    private static void rejectMissingMedia(Article article, List<CancellationReason> reasons, int offset) {
        List<String> ids = List.copyOf(article.mediaIds());
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            if (failed(reasons, offset + i)) {
                boolean featured = article.image().filter(img -> img.mediaId().equals(id)).isPresent();
                errors.add(new FieldError(featured ? "image.mediaId" : "body", "there is no picture " + id));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("The article's pictures must exist.", errors);
        }
    }

    private static InvalidInputException slugTaken(String slug) {
        return new InvalidInputException("The slug is taken.",
                FieldError.only("slug", "'" + slug + "' is used by another article"));
    }

    private static StaleVersionException stale(String id, long current, long expected) {
        return new StaleVersionException("Article " + id + " is at version " + current + ", not " + expected
                + ": someone changed it since you read it. Fetch it again, reapply your edit and send the new ETag.");
    }
}
