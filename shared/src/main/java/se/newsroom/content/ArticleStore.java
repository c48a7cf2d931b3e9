package se.newsroom.content;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import se.newsroom.error.ConflictException;
import se.newsroom.error.InvalidCursorException;
import se.newsroom.error.InvalidInputException;
import se.newsroom.error.NotFoundException;
import se.newsroom.error.StaleVersionException;

/** Where articles live; every write is atomic with its slug claims and its checks of related articles. */
public interface ArticleStore {
    /** How many revisions an article keeps: the newest this many versions. */
    int KEPT_REVISIONS = 50;

    /**
     * Stores a new article and claims its slug in one transaction, with its first revision and its audit entry.
     *
     * @param exactSlug when false and the slug is taken, the next free {@code slug-2}, {@code slug-3}, … is used
     * @return the article as stored, with the slug it got
     * @throws InvalidInputException when a related id names no article, or an exact slug is taken
     */
    default Article create(Article article, boolean exactSlug, Change change) {
        return create(article, exactSlug, Optional.empty(), change);
    }

    /**
     * As {@link #create(Article, boolean, Change)}, once per idempotency key: the key is claimed in the same
     * transaction, and a create whose key is already claimed makes nothing and returns the article the first one made.
     *
     * @throws InvalidInputException when the key was claimed by a request with another body
     * @throws ConflictException     when the article the key made has since been deleted
     */
    Article create(Article article, boolean exactSlug, Optional<IdempotencyKey> key, Change change);

    /** The article with this id, read consistently. */
    Optional<Article> find(String id);

    /**
     * One page of articles, newest first: by status (drafts by last change, scheduled by publish time,
     * published by publish date), or all of them, drafts first, then scheduled, then published.
     *
     * @param cursor the {@link ArticleList#nextCursor()} of the previous page
     * @throws InvalidCursorException when the cursor is not one this store made
     */
    ArticleList list(Optional<ArticleStatus> status, int limit, Optional<String> cursor);

    /**
     * As {@link #list}, only the articles whose {@link Text#folded folded} title contains the folded {@code query}.
     * A page reads a bounded number of listing entries: it may hold fewer than {@code limit} articles (none, even)
     * and still have a next cursor, where the search goes on.
     *
     * @param query a non-blank text
     * @throws InvalidCursorException when the cursor is not one this store made
     */
    ArticleList search(Optional<ArticleStatus> status, String query, int limit, Optional<String> cursor);

    /**
     * Every category some article (of any status) has, with how many have it, sorted as Swedish sorts names; names
     * that differ only in case are one category (one slug).
     */
    List<CategoryUse> categories();

    /** The articles with these ids, without bodies, in the order given; ids of no article left out. */
    default List<ListedArticle> findListed(Collection<String> ids) {
        return ids.stream().distinct().map(this::find).flatMap(Optional::stream).map(Article::listed)
                .toList();
    }

    /**
     * Replaces {@code previous} (the article as the caller read it) with {@code article}, provided the item is
     * still at {@code previous.version()}; when its slug changed, claims the new one and keeps the old one claimed
     * for this article (a redirect), all in one transaction of a bounded size (earlier slugs keep their claims).
     * The same transaction writes the new version's revision and audit entry, and drops the revision
     * {@link #KEPT_REVISIONS} versions older: a save that loses the version race leaves neither.
     *
     * @param article the new state, whose version is {@code previous.version() + 1}
     * @throws NotFoundException      when there is no such article
     * @throws StaleVersionException  when it has changed since {@code previous} was read
     * @throws InvalidInputException  when a related id names no article, or the new slug is taken
     */
    Article update(Article previous, Article article, Change change);

    /**
     * Scheduled articles whose publishAt is at or before {@code now}, oldest first, at most {@code limit}; as listed,
     * without bodies: read each with {@link #find} before changing it.
     */
    List<ListedArticle> scheduledDue(Instant now, int limit);

    /**
     * Deletes an article with its current slug and the items beside it in one transaction, then releases its
     * earlier slugs (a bounded transaction, however often it was renamed). The transaction records the deletion in
     * the audit log; the article's revisions stay.
     *
     * @param expectedVersion when present, the version the deletion is based on
     * @throws NotFoundException     when there is no such article
     * @throws StaleVersionException when it has changed since {@code expectedVersion}
     */
    void delete(String id, Optional<Long> expectedVersion, Change change);

    /**
     * A page of an article's revisions, newest first, without their articles; an article deleted keeps them.
     *
     * @throws InvalidCursorException when the cursor is not one this store made for this article
     */
    Revision.Page revisions(String articleId, int limit, Optional<String> cursor);

    /** One revision of an article, with the article as that save left it. */
    Optional<Revision> revision(String articleId, long version);
}
