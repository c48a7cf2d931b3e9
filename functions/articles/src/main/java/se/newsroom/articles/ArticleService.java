package se.newsroom.articles;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

import se.newsroom.content.Article;
import se.newsroom.content.ArticleIds;
import se.newsroom.content.ArticleInput;
import se.newsroom.content.ArticleList;
import se.newsroom.content.ArticleRules;
import se.newsroom.content.ArticleStatus;
import se.newsroom.content.ArticleStore;
import se.newsroom.content.CategoryUse;
import se.newsroom.content.CommentStore;
import se.newsroom.content.IdempotencyKey;
import se.newsroom.content.ListedArticle;
import se.newsroom.content.Media;
import se.newsroom.content.MediaReferences;
import se.newsroom.content.MediaStatus;
import se.newsroom.content.MediaStore;
import se.newsroom.content.Slugs;
import se.newsroom.content.Timestamps;
import se.newsroom.error.FieldError;
import se.newsroom.error.InvalidInputException;
import se.newsroom.error.NotFoundException;
import se.newsroom.error.StaleVersionException;
import se.newsroom.http.Editor;
import se.newsroom.http.Role;
import se.newsroom.http.RouteRoles;

/** The editors' article operations: the rules of creating, replacing, publishing and deleting articles. */
public final class ArticleService {
    /**
     * How many earlier slugs an article keeps (each for a redirect to it): they live in the article's item, and this
     * many of the longest slugs (200 characters) beside the longest body still fit DynamoDB's 400 KB.
     */
    static final int MAX_PREVIOUS_SLUGS = 250;
    /** The field message of a picture not ready to go live, as the desk shows it. */
    static final String NOT_READY = "Bilden är inte klar än";

    private final ArticleStore store;
    private final CommentStore comments;
    private final Clock clock;
    private final Supplier<String> ids;
    private final Optional<MediaStore> media;

    /** A service without the media library: an article naming a picture is refused (there is none). */
    public ArticleService(ArticleStore store, CommentStore comments, Clock clock, Supplier<String> ids) {
        this(store, comments, Optional.empty(), clock, ids);
    }

    public ArticleService(ArticleStore store, CommentStore comments, Optional<MediaStore> media, Clock clock,
                          Supplier<String> ids) {
        this.store = store;
        this.comments = comments;
        this.media = media;
        this.clock = clock;
        this.ids = ids;
    }

    /** Creates an article; its slug comes from the title (made unique with -2, -3, …) unless the editor chose one. */
    public Article create(Editor editor, ArticleInput input) {
        return create(editor, input, Optional.empty());
    }

    /**
     * As {@link #create(Editor, ArticleInput)}, once per idempotency key: sent again with the same key and body, it
     * answers the article the first request made.
     */
    public Article create(Editor editor, ArticleInput input, Optional<IdempotencyKey> key) {
        Instant now = now();
        checkMayChange(editor, Optional.empty(), requestedStatus(input));
        ArticleRules.CheckedArticle in = ArticleRules.check(input, now, Optional.empty());
        checkMedia(in);
        String id = ids.get();
        String slug = in.slug().orElseGet(() -> {
            String fromTitle = Slugs.of(in.title());
            return fromTitle.isEmpty() ? id.toLowerCase(Locale.ROOT) : fromTitle;
        });
        Optional<Instant> publishedAt = in.status() == ArticleStatus.PUBLISHED
                ? Optional.of(in.publishedAt().orElse(now))
                : Optional.empty();
        Article article = Article.builder().id(id).slug(slug).title(in.title()).summary(in.summary()).body(in.body())
                .categories(in.categories()).related(in.related()).status(in.status()).publishAt(in.publishAt())
                .publishedAt(publishedAt).createdAndUpdatedAt(now).author(in.author().orElse(editor.name()))
                .commentsOpen(in.commentsOpen()).image(in.image()).build();
        return store.create(article, in.slug().isPresent(), key);
    }

    /** The article with this id; an id this system could not have made names no article. */
    public Article get(String id) {
        return store.find(requireId(id)).orElseThrow(() -> notFound(id));
    }

    /** A page of articles, optionally of one status. */
    public ArticleList list(Optional<ArticleStatus> status, int limit, Optional<String> cursor) {
        return store.list(status, limit, cursor);
    }

    /**
     * A page of articles, optionally of one status, whose title contains {@code titleQuery} (case and diacritics
     * ignored); every article when it is blank.
     */
    public ArticleList list(Optional<ArticleStatus> status, Optional<String> titleQuery, int limit,
                            Optional<String> cursor) {
        return titleQuery.filter(q -> !q.isBlank()).map(q -> store.search(status, q, limit, cursor))
                .orElseGet(() -> store.list(status, limit, cursor));
    }

    /** Every category an article has, with how many have it, in Swedish order. */
    public List<CategoryUse> categories() {
        return store.categories();
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
        checkMayChange(editor, Optional.of(current.status()), requestedStatus(input));
        ArticleRules.CheckedArticle in = ArticleRules.check(input, now, Optional.of(id));
        checkMedia(in);
        String slug = in.slug().orElse(current.slug());
        List<String> previousSlugs = new ArrayList<>(current.previousSlugs());
        if (!slug.equals(current.slug())) {
            previousSlugs.add(current.slug());
        }
        previousSlugs.remove(slug);
        if (previousSlugs.size() > MAX_PREVIOUS_SLUGS) {
            throw new InvalidInputException("The article has had too many slugs.", FieldError.only("slug",
                    "the article already keeps " + MAX_PREVIOUS_SLUGS + " earlier slugs for their redirects; keep '"
                            + current.slug() + "' or reuse one of them"));
        }
        Optional<Instant> publishedAt = in.status() == ArticleStatus.PUBLISHED
                ? Optional.of(in.publishedAt().or(current::publishedAt).orElse(now))
                : current.publishedAt();
        // A date an older version stored outside the site's range is kept only if the editor sends a new one.
        if (publishedAt.filter(t -> t.isBefore(Timestamps.EARLIEST) || !Timestamps.isWritable(t)).isPresent()) {
            throw new InvalidInputException("The article's stored publishedAt is outside the site's range.",
                    FieldError.only("publishedAt", "the stored date " + publishedAt.get() + " is outside "
                            + Timestamps.EARLIEST + " to ten years ahead; send a publishedAt within it"));
        }
        Article updated = current.toBuilder().slug(slug).title(in.title()).summary(in.summary()).body(in.body())
                .categories(in.categories()).related(in.related()).status(in.status()).publishAt(in.publishAt())
                .publishedAt(publishedAt).updatedAt(now).author(in.author().orElse(current.author()))
                .commentsOpen(in.commentsOpen()).version(expectedVersion + 1).previousSlugs(previousSlugs)
                .image(in.image()).build();
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
        for (ListedArticle listed : store.scheduledDue(now, 100)) {
            // A listing holds no body: publish from the article itself.
            Optional<Article> found = store.find(listed.id())
                    .filter(a -> a.status() == ArticleStatus.SCHEDULED && a.version() == listed.version());
            if (found.isEmpty()) {
                continue; // changed or deleted since the query: the next run sees its new state
            }
            Article due = found.get();
            Article live = due.toBuilder().status(ArticleStatus.PUBLISHED)
                    .publishedAt(Optional.of(due.publishAt().orElse(now))).updatedAt(now).version(due.version() + 1)
                    .build();
            try {
                store.update(due, live);
                published++;
            } catch (StaleVersionException | NotFoundException e) {
                // changed or deleted since the query: the next run sees its new state
            }
        }
        return published;
    }

    /**
     * Deletes an article with its comments (and their duplicate checks and erasure markers), when given a version
     * only if it is still at it. The comments go first, a page at a time, so that a DELETE that fails half-way
     * leaves the article in place and is simply sent again; a comment posted while it ran is swept after.
     */
    public void delete(String id, Optional<Long> expectedVersion) {
        Optional<Article> current = store.find(requireId(id));
        if (current.isEmpty()) {
            comments.deleteAllOf(id); // none, unless one slipped in as an earlier DELETE finished
            throw notFound(id);
        }
        if (expectedVersion.isPresent() && current.get().version() != expectedVersion.get()) {
            throw new StaleVersionException("Article " + id + " is at version " + current.get().version() + ", not "
                    + expectedVersion.get() + ": someone changed it since you read it. Fetch it again and send the"
                    + " new ETag.");
        }
        comments.deleteAllOf(id);
        store.delete(id, expectedVersion);
        comments.deleteAllOf(id);
    }

    /**
     * What the editor's role lets them change, by the article's status before and after the save: a writer's own
     * work is drafts and review; anything that makes, changes or ends a scheduled or published article is a
     * publisher's (403 naming the role). A scheduled or published article goes back to draft, never straight to
     * review (422). Restoring a revision asks the same, with the article's status as both.
     *
     * @param stored the status saved now; empty for a new article
     * @param next   the status the save asks for
     */
    static void checkMayChange(Editor editor, Optional<ArticleStatus> stored, ArticleStatus next) {
        RouteRoles.requireRole(editor, Role.WRITER);
        if (next.isLive() || stored.filter(ArticleStatus::isLive).isPresent()) {
            RouteRoles.requireRole(editor, Role.PUBLISHER);
        }
        stored.ifPresent(from -> ArticleRules.checkTransition(from, next));
    }

    /** The status a save asks for; one that is no status counts as the default here, and ArticleRules answers 422. */
    private static ArticleStatus requestedStatus(ArticleInput input) {
        return Optional.ofNullable(input.status()).flatMap(ArticleStatus::fromWireName).orElse(ArticleStatus.DRAFT);
    }

    /**
     * The pictures an article uses must exist; to publish or schedule it they must be ready too (never a broken
     * image on the site). The save's transaction checks existence again, atomically.
     */
    private void checkMedia(ArticleRules.CheckedArticle in) {
        boolean goingLive = in.status().isLive();
        List<FieldError> errors = new ArrayList<>();
        in.image().ifPresent(image -> mediaError(image.mediaId(), goingLive).ifPresent(message ->
                errors.add(new FieldError("image.mediaId", message))));
        MediaReferences.inBody(in.body()).stream().distinct().map(id -> mediaError(id, goingLive)).flatMap(
                Optional::stream).findFirst().ifPresent(message -> errors.add(new FieldError("body", message)));
        if (!errors.isEmpty()) {
            throw new InvalidInputException("The article's pictures " + (goingLive ? "must be ready to publish it."
                    : "must exist."), errors);
        }
    }

    private Optional<String> mediaError(String id, boolean goingLive) {
        Optional<Media> found = media.flatMap(m -> m.find(id));
        if (found.isEmpty()) {
            return Optional.of("there is no picture " + id + " in the media library");
        }
        if (goingLive && found.get().status() != MediaStatus.READY) {
            return Optional.of(NOT_READY + " (" + id + " is " + found.get().status().wireName()
                    + (found.get().reason().isEmpty() ? "" : ": " + found.get().reason()) + ")");
        }
        return Optional.empty();
    }

    private Instant now() {
        return Timestamps.truncate(clock.instant());
    }

    /** The id, when this system could have made it; any other names no article. */
    private static String requireId(String id) {
        if (!ArticleIds.isValid(id)) {
            throw notFound(id);
        }
        return id;
    }

    private static NotFoundException notFound(String id) {
        return new NotFoundException("There is no article " + id + ".");
    }
}
