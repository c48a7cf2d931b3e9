package se.newsroom.articles;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import se.newsroom.content.AuditEntry;
import se.newsroom.content.AuditLog;
import se.newsroom.content.Revision;

/** Revisions and the audit log as the API shows them; dates are ISO-8601 with the site's offset. */
final class RevisionView {
    private RevisionView() {
    }

    /**
     * Who saved a revision: the name shown then (the editor's id is the audit log's, for administrators).
     *
     * @param name how the editor was shown
     */
    record SavedBy(String name) {
    }

    /**
     * A revision in an article's list.
     *
     * @param changed      the fields the save changed
     * @param correction   the correction note, when the save was one
     * @param restoredFrom the version a restore brought back
     */
    record Item(long version, String savedAt, SavedBy savedBy, String action, List<String> changed,
                String correction, Long restoredFrom) {
    }

    /**
     * One page of an article's revisions.
     *
     * @param items      newest first
     * @param nextCursor pass as {@code cursor} for the next page; absent on the last
     */
    record Listing(List<Item> items, String nextCursor) {
    }

    /**
     * One revision, with the article as that save left it and how it differs from an earlier one.
     *
     * @param article the article as saved, shown as {@code GET /api/articles/{id}} shows one
     * @param against the version compared with; absent when there is none (the first version, or one the bound of
     *                kept revisions has dropped): then every field is compared with nothing
     * @param changes the fields that differ, with their diffs
     */
    record Detail(long version, String savedAt, SavedBy savedBy, String action, List<String> changed,
                  String correction, Long restoredFrom, ArticleView article, Long against,
                  List<RevisionDiff.FieldChange> changes) {
    }

    /**
     * One audit log entry.
     *
     * @param editor     the editor's stable id ({@code system} for the scheduler)
     * @param articleId  the article acted on
     * @param commentId  the comment acted on
     * @param version    the article's version the action made
     * @param count      how many comments an erasure removed
     */
    record AuditItem(String at, String action, String editor, String editorName, String articleId, String commentId,
                     Long version, Integer count) {
    }

    /**
     * One page of the audit log.
     *
     * @param items      newest first
     * @param nextCursor pass as {@code cursor} for the next page; absent on the last
     */
    record AuditListing(List<AuditItem> items, String nextCursor) {
    }

    static Listing listing(Revision.Page page, ZoneId zone) {
        return new Listing(page.items().stream().map(r -> new Item(r.version(),
                ArticleView.date(Optional.of(r.savedAt()), zone), new SavedBy(r.savedByName()),
                r.action().wireName(), r.changed(), r.correction().orElse(null), r.restoredFrom().orElse(null)))
                .toList(), page.nextCursor().orElse(null));
    }

    static Detail detail(Revision revision, Optional<Revision> against, ZoneId zone) {
        var article = revision.article().orElseThrow();
        return new Detail(revision.version(), ArticleView.date(Optional.of(revision.savedAt()), zone),
                new SavedBy(revision.savedByName()), revision.action().wireName(), revision.changed(),
                revision.correction().orElse(null), revision.restoredFrom().orElse(null),
                ArticleView.of(article, zone), against.map(Revision::version).orElse(null),
                RevisionDiff.between(against.flatMap(Revision::article), article));
    }

    static AuditListing audit(AuditLog.Page page, ZoneId zone) {
        return new AuditListing(page.items().stream().map(e -> auditItem(e, zone)).toList(),
                page.nextCursor().orElse(null));
    }

    private static AuditItem auditItem(AuditEntry e, ZoneId zone) {
        return new AuditItem(ArticleView.date(Optional.of(e.at()), zone), e.action().wireName(), e.editor(),
                e.editorName(), e.articleId().orElse(null), e.commentId().orElse(null), e.version().orElse(null),
                e.count().orElse(null));
    }
}
