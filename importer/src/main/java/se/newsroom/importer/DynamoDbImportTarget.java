package se.newsroom.importer;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

import se.newsroom.aws.AwsFaults;
import se.newsroom.content.Article;
import se.newsroom.content.Comment;
import se.newsroom.content.CommentStore.Hashes;
import se.newsroom.table.ImportWrites;
import se.newsroom.table.ImportWrites.ArticleWrite;
import se.newsroom.table.ImportWrites.Result;

/**
 * The content table as an import's target. Each write is tried again a few times, with a growing pause, when it
 * fails in a way that may pass (throttling, a 5xx, a timeout: {@link AwsFaults#isPassing}), after the SDK's own
 * retries: the conditions make a write sent twice harmless.
 */
final class DynamoDbImportTarget implements ImportTarget {
    /** Attempts of one item's write, each after the SDK's own retries. */
    static final int ITEM_ATTEMPTS = 3;
    private static final Duration FIRST_PAUSE = Duration.ofMillis(200);

    private final ImportWrites writes;
    private final String tableName;
    private final Optional<MediaImport> media;
    private final Runnable rebuild;
    /** Whether this target has noted, before a write, that the site owes a rebuild. */
    private final AtomicBoolean rebuildOwed = new AtomicBoolean();

    DynamoDbImportTarget(DynamoDbClient client, String tableName, Optional<MediaImport> media, Runnable rebuild) {
        this.writes = new ImportWrites(client, tableName);
        this.tableName = tableName;
        this.media = media;
        this.rebuild = rebuild;
    }

    @Override
    public void check() {
        try {
            writes.checkTable();
        } catch (ResourceNotFoundException e) {
            throw new ImportTargetException("Tabellen " + tableName + " finns inte (eller syns inte med de här "
                    + "behörigheterna). Kontrollera tabellnamnet och regionen.", e);
        } catch (SdkClientException e) {
            throw new ImportTargetException("Tabellen " + tableName + " går inte att nå: " + e.getMessage()
                    + " Kontrollera adressen, nätverket och inloggningsuppgifterna.", e);
        } catch (SdkException e) {
            throw new ImportTargetException("Tabellen " + tableName + " vägrar: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean articleExists(String id) {
        return retried(() -> writes.articleExists(id));
    }

    @Override
    public boolean commentExists(String articleId, String commentId) {
        return retried(() -> writes.commentExists(articleId, commentId));
    }

    @Override
    public ArticleWrite writeArticle(Article article, String importRun) {
        beforeTheFirstWrite();
        return retried(() -> writes.createArticle(article, importRun));
    }

    @Override
    public Result writeComment(Comment comment, Hashes hashes, String uniqueDuplicate, String importRun) {
        if (commentExists(comment.articleId(), comment.id())) {
            return Result.ALREADY_THERE;
        }
        beforeTheFirstWrite();
        return retried(() -> writes.createComment(comment, hashes, uniqueDuplicate, importRun));
    }

    @Override
    public Optional<MediaImport> media() {
        return media;
    }

    @Override
    public void rebuild() {
        rebuild.run();
    }

    @Override
    public boolean rebuiltSinceLastImport() {
        return retried(writes::rebuiltSinceLastImport);
    }

    @Override
    public void rebuildNeeded() {
        retried(() -> {
            writes.rebuildNeeded();
            return null;
        });
    }

    @Override
    public void rebuilt(String importRun) {
        retried(() -> {
            writes.rebuilt(importRun, Instant.now());
            return null;
        });
        rebuildOwed.set(false);
    }

    /** Once a run, before its first write: the site owes a rebuild until {@link #rebuilt} says it is done. */
    private void beforeTheFirstWrite() {
        if (rebuildOwed.compareAndSet(false, true)) {
            rebuildNeeded();
        }
    }

    private static <T> T retried(Supplier<T> call) {
        Duration pause = FIRST_PAUSE;
        for (int attempt = 1; ; attempt++) {
            try {
                return call.get();
            } catch (RuntimeException e) {
                if (attempt >= ITEM_ATTEMPTS || !AwsFaults.isPassing(e)) {
                    throw e;
                }
            }
            try {
                Thread.sleep(pause.toMillis() + ThreadLocalRandom.current().nextLong(pause.toMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Avbruten", e);
            }
            pause = pause.multipliedBy(2);
        }
    }
}
