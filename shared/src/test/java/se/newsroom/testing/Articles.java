package se.newsroom.testing;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import se.newsroom.content.Article;
import se.newsroom.content.ArticleIds;
import se.newsroom.content.ArticleStatus;
import se.newsroom.content.AuditAction;
import se.newsroom.content.AuditEntry;
import se.newsroom.content.Change;
import se.newsroom.content.CommentStatus;
import se.newsroom.content.Slugs;

/** Articles for tests, Swedish like the site's. */
public final class Articles {
    public static final Instant T0 = Instant.parse("2019-12-04T09:30:00Z");
    /** Who a test's direct store writes are saved by (revisions and the audit log record it). */
    public static final Change SAVE = Change.by("test-editor", "Redaktionen", AuditAction.EDIT);

    private Articles() {
    }

    /** A test moderator's audit entry for setting a comment to {@code status} (the store writes it beside). */
    public static AuditEntry moderated(String articleId, String commentId, CommentStatus status) {
        return AuditEntry.ofComment(T0, AuditAction.ofModeration(status), "test-moderator", "Moderatorn", articleId,
                commentId);
    }

    /** A draft with this title, a fresh id and the title's slug. */
    public static Article draft(String title) {
        return new Article(ArticleIds.generator().get(), Slugs.of(title), title, "Sammanfattning – kort.",
                "Brödtext med å, ä och ö\u00a0– och ett tankstreck.", List.of("Kommun"), List.of(),
                ArticleStatus.DRAFT, Optional.empty(), Optional.empty(), T0, T0, "Redaktionen", true, 1, List.of());
    }

    /** The same article published at {@code at}. */
    public static Article published(Article a, Instant at) {
        return new Article(a.id(), a.slug(), a.title(), a.summary(), a.body(), a.categories(), a.related(),
                ArticleStatus.PUBLISHED, Optional.empty(), Optional.of(at), a.createdAt(), at, a.author(),
                a.commentsOpen(), a.version(), a.previousSlugs());
    }

    /** The article with related ids. */
    public static Article relatedTo(Article a, List<String> related) {
        return new Article(a.id(), a.slug(), a.title(), a.summary(), a.body(), a.categories(), related, a.status(),
                a.publishAt(), a.publishedAt(), a.createdAt(), a.updatedAt(), a.author(), a.commentsOpen(),
                a.version(), a.previousSlugs());
    }

    /** The next version of the article, with a new title, slug and previous slugs. */
    public static Article nextVersion(Article a, String title, String slug, List<String> previousSlugs) {
        return new Article(a.id(), slug, title, a.summary(), a.body(), a.categories(), a.related(), a.status(),
                a.publishAt(), a.publishedAt(), a.createdAt(), a.updatedAt().plusSeconds(60), a.author(),
                a.commentsOpen(), a.version() + 1, previousSlugs);
    }
}
