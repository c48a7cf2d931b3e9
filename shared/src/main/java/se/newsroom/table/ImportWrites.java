package se.newsroom.table;

import static se.newsroom.table.ContentTable.PK;
import static se.newsroom.table.ContentTable.n;
import static se.newsroom.table.ContentTable.s;
import static se.newsroom.table.Transactions.MAX_CONFLICT_RETRIES;
import static se.newsroom.table.Transactions.conflicted;
import static se.newsroom.table.Transactions.failed;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

import se.newsroom.content.Article;
import se.newsroom.content.AuditAction;
import se.newsroom.content.AuditEntry;
import se.newsroom.content.Change;
import se.newsroom.content.Comment;
import se.newsroom.content.CommentStore.Hashes;
import se.newsroom.content.RevisionFields;
import se.newsroom.content.Slugs;
import se.newsroom.content.Timestamps;

/**
 * The writes of an import from another site (WordPress): an article with everything {@code create} writes beside it,
 * and a comment with its erasure marker, each under the id the import derived from the item's id on the old site and
 * each on the condition that it is not there yet, so a second run of the same import writes nothing. Unlike the
 * editors' and readers' paths, these keep the old site's dates, authors and comment states as they are.
 *
 * <p>Every item written carries {@value #IMPORT_RUN} (the run's id): rendering skips the stream's inserts that carry
 * it, and the import rebuilds the site once at its end instead. An API save rewrites an article without it.
 */
public final class ImportWrites {
    /** The attribute naming the import run that wrote an item. */
    public static final String IMPORT_RUN = "importRun";
    /** How an import is named in revisions and the audit log. */
    public static final String IMPORTER = "WordPress-import";
    /** How many {@code slug-N} alternatives an article tries when its slug is held by an article made here. */
    static final int MAX_SLUG_ATTEMPTS = DynamoDbArticleStore.MAX_SLUG_ATTEMPTS;

    /** What a write found. */
    public enum Result {
        /** Written now. */
        WRITTEN,
        /** There already (an earlier run of the same import wrote it): nothing written. */
        ALREADY_THERE
    }

    /**
     * What writing an article did.
     *
     * @param slug the slug it has: its own, or {@code slug-N} when an article made here held that one
     */
    public record ArticleWrite(Result result, String slug) {
    }

    private final DynamoDbClient dynamoDb;
    private final String tableName;
    private final Transactions tx;

    public ImportWrites(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
        this.tx = new Transactions(tableName);
    }

    /** The item saying the last import's rebuild finished: {@code IMPORT} / {@code REBUILT}. */
    private static final Map<String, AttributeValue> REBUILT = ContentTable.key("IMPORT", "REBUILT");

    /**
     * Whether the site was rebuilt after the last import that wrote anything (false when an import wrote and its
     * rebuild never finished: the rebuild is the only thing that shows imported items, so such a run's re-run must
     * rebuild even if it writes nothing).
     */
    public boolean rebuiltSinceLastImport() {
        return exists(REBUILT);
    }

    /** Forgets that the site was rebuilt: an import is about to write what only its rebuild will show. */
    public void rebuildNeeded() {
        dynamoDb.deleteItem(r -> r.tableName(tableName).key(REBUILT));
    }

    /** Records that the site was rebuilt after the import run {@code importRun}. */
    public void rebuilt(String importRun, Instant at) {
        Map<String, AttributeValue> item = new HashMap<>(REBUILT);
        item.put(ContentTable.TYPE, s("import-rebuild"));
        item.put(IMPORT_RUN, s(importRun));
        item.put("at", s(Timestamps.format(at)));
        dynamoDb.putItem(r -> r.tableName(tableName).item(item));
    }

    /**
     * Reads the table's description: the cheapest call that fails, before anything is written, when the table does
     * not exist, the credentials are refused or nothing answers at the endpoint.
     */
    public void checkTable() {
        dynamoDb.describeTable(r -> r.tableName(tableName));
    }

    /** Whether the article with this id exists (a consistent read of its keys only). */
    public boolean articleExists(String id) {
        return exists(ArticleItem.key(id));
    }

    /** Whether the comment exists. */
    public boolean commentExists(String articleId, String commentId) {
        return exists(CommentItem.key(articleId, commentId));
    }

    /**
     * Writes an imported article in one transaction, as {@code create} does (the article, its slug's claim, its
     * category entries, its pictures' use items and use-version bumps), on the condition that the article does not
     * exist: then it is {@link Result#ALREADY_THERE} and nothing is written. When its slug is held by another
     * article, it takes {@code slug-2}, {@code slug-3}, … as WordPress would.
     *
     * @param importRun the id of the run, put on every item written
     * @throws IllegalStateException when the slug and its first alternatives are all taken
     */
    public ArticleWrite createArticle(Article article, String importRun) {
        int suffix = 1;
        int conflicts = 0;
        while (true) {
            String slug = suffix == 1 ? article.slug() : Slugs.withSuffix(article.slug(), suffix);
            Article candidate = article.withSlug(slug);
            List<TransactWriteItem> items = new ArrayList<>();
            items.add(tx.putNew(marked(ArticleItem.toItem(candidate), importRun)));
            items.add(TransactWriteItem.builder().put(Put.builder().tableName(tableName)
                    .item(marked(SlugClaimItem.of(slug, article.id(), true), importRun))
                    .conditionExpression("attribute_not_exists(PK) OR " + SlugClaimItem.ARTICLE_ID + " = :id")
                    .expressionAttributeValues(Map.of(":id", s(article.id()))).build()).build());
            article.mediaIds().forEach(id -> items.add(TransactWriteItem.builder().update(Update.builder()
                    .tableName(tableName).key(MediaItem.key(id)).conditionExpression("attribute_exists(PK)")
                    .updateExpression("ADD #v :one").expressionAttributeNames(Map.of("#v", MediaItem.USE_VERSION))
                    .expressionAttributeValues(Map.of(":one", n(1))).build()).build()));
            ArticleSideItems.of(candidate).values().forEach(item -> items.add(tx.put(marked(item, importRun))));
            items.addAll(importRecord(candidate));
            try {
                dynamoDb.transactWriteItems(r -> r.transactItems(items));
                return new ArticleWrite(Result.WRITTEN, slug);
            } catch (TransactionCanceledException e) {
                List<CancellationReason> reasons = e.cancellationReasons();
                if (failed(reasons, 0)) {
                    return new ArticleWrite(Result.ALREADY_THERE, slug);
                }
                if (failed(reasons, 1)) {
                    if (++suffix > MAX_SLUG_ATTEMPTS) {
                        throw new IllegalStateException("Adressen '" + article.slug() + "' och dess första "
                                + MAX_SLUG_ATTEMPTS + " alternativ är upptagna av andra nyheter.");
                    }
                } else if (reasons.stream().skip(2).limit(article.mediaIds().size())
                        .anyMatch(r -> "ConditionalCheckFailed".equals(r.code()))) {
                    throw new IllegalStateException("En bild som nyheten använder finns inte i mediebiblioteket.");
                } else if (!conflicted(reasons) || ++conflicts > MAX_CONFLICT_RETRIES) {
                    throw e;
                }
            }
        }
    }

    /**
     * An imported article's first revision (action {@code import}, by {@link #IMPORTER}) and its audit entry. The
     * revision is put without a condition, unlike an editor's: an article deleted here and imported again keeps its
     * id, and its new first version replaces the old one's first revision rather than failing the import.
     */
    private List<TransactWriteItem> importRecord(Article article) {
        Change change = Change.by(Change.SYSTEM, IMPORTER, AuditAction.IMPORT);
        return List.of(tx.put(RevisionItem.toItem(article, change, RevisionFields.set(article))),
                AuditItem.put(tableName, AuditEntry.ofArticle(article.updatedAt(), AuditAction.IMPORT, Change.SYSTEM,
                        IMPORTER, article.id(), Optional.of(article.version()))));
    }

    /**
     * Writes an imported comment, on the condition that it does not exist: first its erasure marker (so erasing the
     * commenter's address finds it, as it finds a posted one), then the comment with its status's index keys
     * (pending ones in the moderation queue, approved ones on the page). A run stopped between the two leaves a
     * marker naming the comment, which the next run's marker write accepts as its own.
     *
     * <p>WordPress keeps the same text from the same address twice on one post where this site keeps it once; such
     * a second comment's marker is keyed by {@code uniqueDuplicate} instead (a hash that names the comment too), so
     * both come across and both are erased with the address.
     *
     * @param importRun the id of the run, put on both items
     */
    public Result createComment(Comment comment, Hashes hashes, String uniqueDuplicate, String importRun) {
        // One read settles a re-run's comment without a write (a refused conditional write still costs one).
        if (commentExists(comment.articleId(), comment.id())) {
            return Result.ALREADY_THERE;
        }
        Hashes used = hashes;
        if (!claimMarker(comment, hashes, importRun)) {
            used = new Hashes(hashes.email(), hashes.client(), uniqueDuplicate);
            if (!claimMarker(comment, used, importRun)) {
                throw new IllegalStateException("Kommentaren " + comment.id() + " kunde inte få en raderingsmarkör.");
            }
        }
        Hashes stored = used;
        try {
            dynamoDb.putItem(r -> r.tableName(tableName).item(marked(CommentItem.toItem(comment, stored), importRun))
                    .conditionExpression("attribute_not_exists(" + PK + ")"));
            return Result.WRITTEN;
        } catch (ConditionalCheckFailedException e) {
            return Result.ALREADY_THERE;
        }
    }

    /**
     * Writes the comment's marker unless one holds its key; whether the marker names this comment (written now, or
     * by an earlier run that stopped before the comment). One naming another comment is left as it is.
     */
    private boolean claimMarker(Comment comment, Hashes hashes, String importRun) {
        try {
            dynamoDb.putItem(r -> r.tableName(tableName)
                    .item(marked(ErasureMarkerItem.of(hashes.email(), comment.articleId(), hashes.duplicate(),
                            comment.id()), importRun))
                    .conditionExpression("attribute_not_exists(" + PK + ")")
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return ErasureMarkerItem.commentIdOf(e.hasItem() ? e.item() : Map.of()).or(() -> ErasureMarkerItem
                    .commentIdOf(item(ErasureMarkerItem.key(hashes.email(), comment.articleId(),
                            hashes.duplicate())))).filter(comment.id()::equals).isPresent();
        }
    }

    private Map<String, AttributeValue> item(Map<String, AttributeValue> key) {
        Map<String, AttributeValue> item = dynamoDb.getItem(r -> r.tableName(tableName).key(key).consistentRead(true))
                .item();
        return item == null ? Map.of() : item;
    }

    private boolean exists(Map<String, AttributeValue> key) {
        Map<String, AttributeValue> item = dynamoDb.getItem(r -> r.tableName(tableName).key(key).consistentRead(true)
                .projectionExpression("#pk").expressionAttributeNames(Map.of("#pk", PK))).item();
        return item != null && !item.isEmpty();
    }

    private static Map<String, AttributeValue> marked(Map<String, AttributeValue> item, String importRun) {
        Map<String, AttributeValue> copy = new HashMap<>(item);
        copy.put(IMPORT_RUN, s(importRun));
        return copy;
    }
}
