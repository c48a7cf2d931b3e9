package se.newsroom.comments;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import se.newsroom.content.Article;
import se.newsroom.content.ArticleIds;
import se.newsroom.content.ArticleStatus;
import se.newsroom.content.ArticleStore;
import se.newsroom.content.AuditAction;
import se.newsroom.content.AuditEntry;
import se.newsroom.content.Comment;
import se.newsroom.content.CommentStatus;
import se.newsroom.content.CommentStore;
import se.newsroom.content.CommentStore.PendingComments;
import se.newsroom.content.Hasher;
import se.newsroom.content.ListedArticle;
import se.newsroom.content.Timestamps;
import se.newsroom.error.ConflictException;
import se.newsroom.error.FieldError;
import se.newsroom.error.ForbiddenException;
import se.newsroom.error.InvalidInputException;
import se.newsroom.error.NotFoundException;
import se.newsroom.http.Editor;

/** Readers' comments in, editors' moderation: the rules in the spirit of WordPress core's. */
public final class CommentService {
    /** WordPress's comment flood interval. */
    static final CommentStore.Limits LIMITS = new CommentStore.Limits(15, 20);

    private final ArticleStore articles;
    private final CommentStore comments;
    private final Hasher hasher;
    private final Clock clock;
    private final Supplier<String> ids;
    private final Optional<Integer> closeAfterDays;

    public CommentService(ArticleStore articles, CommentStore comments, Hasher hasher, Clock clock,
                          Supplier<String> ids, Optional<Integer> closeAfterDays) {
        this.articles = articles;
        this.comments = comments;
        this.hasher = hasher;
        this.clock = clock;
        this.ids = ids;
        this.closeAfterDays = closeAfterDays;
    }

    /** What a post gave: the comment, and the article it is on (for the redirect back to its page). */
    public record Posted(Comment comment, Article article) {
    }

    /**
     * Accepts a reader's comment as pending (or, when the honeypot was filled, stores it as spam and answers the
     * same, so bots learn nothing).
     *
     * @throws NotFoundException     when the article does not exist or is not published
     * @throws ForbiddenException    when its comments are closed
     * @throws InvalidInputException when a field is wrong, or the comment replied to cannot be answered
     */
    public Posted post(String articleId, CommentInput input, String clientAddress) {
        if (!ArticleIds.isValid(articleId)) {
            throw articleNotFound();
        }
        CommentRules.CheckedComment in = CommentRules.check(input);
        Instant now = Timestamps.truncate(clock.instant());
        CommentStatus status = in.honeypotFilled() ? CommentStatus.SPAM : CommentStatus.PENDING;
        Comment comment = new Comment(ids.get(), articleId, in.parentId(), in.author(), in.body(), status, now, 1);
        CommentStore.Hashes hashes = new CommentStore.Hashes(hasher.hash(in.email()), hasher.hash(clientAddress),
                hasher.hash(articleId + "\n" + in.body()));
        AtomicReference<Article> article = new AtomicReference<>();
        try {
            Comment stored = comments.post(comment, hashes, LIMITS, now, () -> {
                article.set(open(articleId, now));
                return new Comment(comment.id(), articleId, in.parentId(), in.author(), in.body(), status, now,
                        depth(articleId, in.parentId()));
            });
            return new Posted(stored, article.get());
        } catch (ConflictException e) {
            if (status == CommentStatus.SPAM && article.get() != null) {
                return new Posted(comment, article.get()); // the same spam again: answered alike, stored once
            }
            throw e;
        }
    }

    /**
     * Stores the newsroom's own reply, approved at once and marked as staff, signed with the editor's name. It is
     * counted against no rate limit and needs no open comments (as in WordPress, the newsroom may answer under an
     * article whose comments are closed), but only on a published article and within the thread depth readers have.
     *
     * @param editor the signed-in editor, from the token: the reply is signed with their name, and audited
     * @throws NotFoundException     when the article does not exist or is not published
     * @throws InvalidInputException when the text is wrong, or the comment replied to cannot be answered
     */
    public Comment reply(String articleId, ReplyInput input, Editor editor) {
        if (!ArticleIds.isValid(articleId)) {
            throw articleNotFound();
        }
        CommentRules.CheckedReply in = CommentRules.checkReply(input);
        Instant now = Timestamps.truncate(clock.instant());
        String id = ids.get();
        return comments.reply(() -> {
            publishedArticle(articleId);
            // Signed with the editor's name, or "Redaktionen" where the token gave only an email address.
            return new Comment(id, articleId, in.parentId(), editor.publicName(CommentRules.STAFF_NAME), in.body(),
                    CommentStatus.APPROVED, now, depth(articleId, in.parentId()), true);
        }, AuditEntry.ofComment(now, AuditAction.REPLY, editor.subject(), editor.name(), articleId, id));
    }

    /** The article, when it is published and open for comments. */
    private Article open(String articleId, Instant now) {
        Article article = publishedArticle(articleId);
        if (!article.commentsOpen() || closedByAge(article, now)) {
            throw new ForbiddenException("Kommentarerna är stängda för den här nyheten.");
        }
        return article;
    }

    /** The depth of a comment replying to {@code parentId}: one below an approved comment not too deep already. */
    private int depth(String articleId, Optional<String> parentId) {
        if (parentId.isEmpty()) {
            return 1;
        }
        Comment parent = comments.find(articleId, parentId.get())
                .filter(p -> p.status() == CommentStatus.APPROVED)
                .orElseThrow(() -> new InvalidInputException("Kommentaren du svarar på finns inte.",
                        FieldError.only("parentId", "Kommentaren du svarar på finns inte.")));
        if (parent.depth() >= CommentRules.MAX_DEPTH) {
            throw new InvalidInputException("Svaret blir för djupt.", FieldError.only("parentId",
                    "Svar kan bara göras " + CommentRules.MAX_DEPTH + " nivåer djupt; svara högre upp."));
        }
        return parent.depth() + 1;
    }

    /** The moderation queue, oldest first. */
    public PendingComments pending(int limit, Optional<String> cursor) {
        return comments.pending(limit, cursor);
    }

    /**
     * A page of the moderation queue with the articles its comments are on, read in one batch (not one read per
     * comment).
     *
     * @param articles by id; an article deleted since is missing
     */
    public record QueuePage(PendingComments comments, Map<String, ListedArticle> articles) {
    }

    /** The moderation queue, oldest first, with the articles commented on. */
    public QueuePage queue(int limit, Optional<String> cursor) {
        PendingComments page = comments.pending(limit, cursor);
        Map<String, ListedArticle> byId = articles.findListed(page.items().stream().map(Comment::articleId)
                .distinct().toList()).stream().collect(Collectors.toMap(ListedArticle::id, a -> a));
        return new QueuePage(page, byId);
    }

    /**
     * Approves, rejects or marks a comment as spam (or puts it back in the queue).
     *
     * @param status the wire name of the new status
     * @throws NotFoundException     when there is no such comment, or its article is gone
     * @throws InvalidInputException when the status is not one of the four
     */
    public Comment moderate(Editor editor, String articleId, String commentId, String status) {
        CommentRules.requireIds(articleId, commentId);
        CommentStatus next = CommentRules.moderationStatus(status);
        if (articles.find(articleId).isEmpty()) {
            // Deleting an article erases its comments; one that slipped in meanwhile is never shown or approved.
            throw new NotFoundException("There is no article " + articleId + ".");
        }
        return comments.moderate(articleId, commentId, next, AuditEntry.ofComment(now(),
                AuditAction.ofModeration(next), editor.subject(), editor.name(), articleId, commentId));
    }

    /** Erases a comment, recording who did in the audit log. */
    public void delete(Editor editor, String articleId, String commentId) {
        CommentRules.requireIds(articleId, commentId);
        comments.delete(articleId, commentId, AuditEntry.ofComment(now(), AuditAction.DELETE_COMMENT,
                editor.subject(), editor.name(), articleId, commentId));
    }

    /**
     * Erases every comment made with this email address; returns how many.
     *
     * @throws InvalidInputException when no address is given
     */
    public int eraseByEmail(Editor editor, String email) {
        return comments.eraseByEmail(hasher.hash(CommentRules.erasureEmail(email)), now(), editor.subject(),
                editor.name());
    }

    /** The page of the article, when it is published: where a refused form leads back to. */
    public Optional<String> articleUrl(String articleId) {
        return findPublished(articleId).map(Article::url);
    }

    /** The article a comment may be posted on, or 404 as for an article that does not exist. */
    private Article publishedArticle(String articleId) {
        return findPublished(articleId).orElseThrow(CommentService::articleNotFound);
    }

    private static NotFoundException articleNotFound() {
        return new NotFoundException("Nyheten finns inte eller är inte publicerad.");
    }

    private Optional<Article> findPublished(String articleId) {
        return Optional.of(articleId).filter(ArticleIds::isValid).flatMap(articles::find)
                .filter(a -> a.status() == ArticleStatus.PUBLISHED);
    }

    private Instant now() {
        return Timestamps.truncate(clock.instant());
    }

    private boolean closedByAge(Article article, Instant now) {
        return closeAfterDays.isPresent() && article.publishedAt()
                .map(p -> p.plus(Duration.ofDays(closeAfterDays.get())).isBefore(now)).orElse(false);
    }
}
