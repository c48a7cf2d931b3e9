package se.newsroom.articles;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

import se.newsroom.article.Article;
import se.newsroom.article.ArticlePage;
import se.newsroom.article.ArticleStatus;
import se.newsroom.article.ArticleStore;
import se.newsroom.article.Slugs;
import se.newsroom.article.Timestamps;
import se.newsroom.error.NotFoundException;
import se.newsroom.error.StaleVersionException;
import se.newsroom.http.Editor;

/** The editors' article operations: the rules of creating, replacing, publishing and deleting articles. */
public final class ArticleService {
    private final ArticleStore store;
    private final Clock clock;
    private final Supplier<String> ids;

    public ArticleService(ArticleStore store, Clock clock, Supplier<String> ids) {
        this.store = store;
        this.clock = clock;
        this.ids = ids;
    }

    /** Creates an article; its slug comes from the title (made unique with -2, -3, …) unless the editor chose one. */
    public Article create(Editor editor, ArticleInput input) {
        Instant now = now();
        ArticleRules.Checked in = ArticleRules.check(input, now, Optional.empty());
        String id = ids.get();
        String slug = in.slug().orElseGet(() -> {
            String fromTitle = Slugs.of(in.title());
            return fromTitle.isEmpty() ? id.toLowerCase(Locale.ROOT) : fromTitle;
        });
        Optional<Instant> publishedAt = in.status() == ArticleStatus.PUBLISHED
                ? Optional.of(in.publishedAt().orElse(now))
                : Optional.empty();
        Article article = new Article(id, slug, in.title(), in.summary(), in.body(), in.categories(), in.related(),
                in.status(), in.publishAt(), publishedAt, now, now, in.author().orElse(editor.name()),
                in.commentsOpen(), 1, List.of());
        return store.create(article, in.slug().isPresent());
    }

    /** The article with this id. */
    public Article get(String id) {
        return store.find(id).orElseThrow(() -> notFound(id));
    }

    /** A page of articles, optionally of one status. */
    public ArticlePage list(Optional<ArticleStatus> status, int limit, Optional<String> cursor) {
        return store.list(status, limit, cursor);
    }

    /**
     * Replaces an article that is still at {@code expectedVersion}. Fields left out take their defaults, except
     * the slug and author, which are kept, and the publication date, which is kept once an article was published.
     */
    public Article replace(Editor editor, String id, long expectedVersion, ArticleInput input) {
        Instant now = now();
        Article current = get(id);
        if (current.version() != expectedVersion) {
            throw new StaleVersionException("Article " + id + " is at version " + current.version() + ", not "
                    + expectedVersion + ": someone changed it since you read it. Fetch it again, reapply your edit"
                    + " and send the new ETag.");
        }
        ArticleRules.Checked in = ArticleRules.check(input, now, Optional.of(id));
        String slug = in.slug().orElse(current.slug());
        List<String> previousSlugs = new ArrayList<>(current.previousSlugs());
        if (!slug.equals(current.slug())) {
            previousSlugs.add(current.slug());
        }
        previousSlugs.remove(slug);
        Optional<Instant> publishedAt = in.status() == ArticleStatus.PUBLISHED
                ? Optional.of(in.publishedAt().or(current::publishedAt).orElse(now))
                : current.publishedAt();
        Article updated = new Article(id, slug, in.title(), in.summary(), in.body(), in.categories(), in.related(),
                in.status(), in.publishAt(), publishedAt, current.createdAt(), now,
                in.author().orElse(current.author()), in.commentsOpen(), expectedVersion + 1, previousSlugs);
        return store.update(current, updated);
    }

    /**
     * Publishes every scheduled article whose time has come, as of this service's clock: status published,
     * publishedAt its publishAt. One that an editor changed meanwhile is left for the next run.
     *
     * @return how many were published
     */
    public int publishDue() {
        Instant now = now();
        int published = 0;
        for (Article listed : store.scheduledDue(now, 100)) {
            // The index holds no bodies: publish from the article itself, or the body would be lost.
            Optional<Article> found = store.find(listed.id())
                    .filter(a -> a.status() == ArticleStatus.SCHEDULED && a.version() == listed.version());
            if (found.isEmpty()) {
                continue; // changed or deleted since the query: the next run sees its new state
            }
            Article due = found.get();
            Article live = new Article(due.id(), due.slug(), due.title(), due.summary(), due.body(), due.categories(),
                    due.related(), ArticleStatus.PUBLISHED, due.publishAt(), Optional.of(due.publishAt().orElse(now)),
                    due.createdAt(), now, due.author(), due.commentsOpen(), due.version() + 1, due.previousSlugs());
            try {
                store.update(due, live);
                published++;
            } catch (StaleVersionException | NotFoundException e) {
                // changed or deleted since the query: the next run sees its new state
            }
        }
        return published;
    }

    /** Deletes an article, when given a version only if it is still at it. */
    public void delete(String id, Optional<Long> expectedVersion) {
        store.delete(id, expectedVersion);
    }

    private Instant now() {
        return Timestamps.truncate(clock.instant());
    }

    private static NotFoundException notFound(String id) {
        return new NotFoundException("There is no article " + id + ".");
    }
}
