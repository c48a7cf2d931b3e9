package se.newsroom.articles;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import se.newsroom.content.Article;
import se.newsroom.content.ArticleList;
import se.newsroom.content.ArticleStatus;
import se.newsroom.content.ArticleStore;
import se.newsroom.content.CategoryUse;
import se.newsroom.content.Change;
import se.newsroom.content.IdempotencyKey;
import se.newsroom.content.ListedArticle;
import se.newsroom.content.Revision;

/**
 * A store that, once armed, holds each write until {@code parties} writers have arrived, so a race test really
 * sends its writes to the table together (after every request has read the same version), however the threads
 * happen to be scheduled.
 */
final class RendezvousStore implements ArticleStore {
    private final ArticleStore delegate;
    private volatile CyclicBarrier barrier;

    RendezvousStore(ArticleStore delegate) {
        this.delegate = delegate;
    }

    void arm(int parties) {
        barrier = new CyclicBarrier(parties);
    }

    @Override
    public Article create(Article article, boolean exactSlug, Optional<IdempotencyKey> key, Change change) {
        await();
        return delegate.create(article, exactSlug, key, change);
    }

    @Override
    public Optional<Article> find(String id) {
        return delegate.find(id);
    }

    @Override
    public ArticleList list(Optional<ArticleStatus> status, int limit, Optional<String> cursor) {
        return delegate.list(status, limit, cursor);
    }

    @Override
    public ArticleList search(Optional<ArticleStatus> status, String query, int limit, Optional<String> cursor) {
        return delegate.search(status, query, limit, cursor);
    }

    @Override
    public List<CategoryUse> categories() {
        return delegate.categories();
    }

    @Override
    public Article update(Article previous, Article article, Change change) {
        await();
        return delegate.update(previous, article, change);
    }

    @Override
    public List<ListedArticle> scheduledDue(Instant now, int limit) {
        return delegate.scheduledDue(now, limit);
    }

    @Override
    public void delete(String id, Optional<Long> expectedVersion, Change change) {
        delegate.delete(id, expectedVersion, change);
    }

    @Override
    public Revision.Page revisions(String articleId, int limit, Optional<String> cursor) {
        return delegate.revisions(articleId, limit, cursor);
    }

    @Override
    public Optional<Revision> revision(String articleId, long version) {
        return delegate.revision(articleId, version);
    }

    private void await() {
        CyclicBarrier current = barrier;
        if (current != null) {
            try {
                current.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException | BrokenBarrierException | TimeoutException e) {
                throw new IllegalStateException("The racing writers did not meet", e);
            }
        }
    }
}
