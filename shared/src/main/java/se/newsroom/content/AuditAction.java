package se.newsroom.content;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What an editor (or the system) did, as revisions and the audit log record it. An article's save is one of the
 * first nine; the rest are the audit log's alone ({@code requeue}: a moderator put a comment back in the queue).
 */
public enum AuditAction {
    CREATE, EDIT, SUBMIT, PUBLISH, SCHEDULE, UNPUBLISH, RESTORE, CORRECT, IMPORT,
    DELETE, APPROVE, REJECT, SPAM, REQUEUE, DELETE_COMMENT, REPLY, ERASE;

    /** The name used in JSON and in the table, e.g. {@code delete-comment}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** A moderator's action that sets a comment's status to {@code status}. */
    public static AuditAction ofModeration(CommentStatus status) {
        return switch (status) {
            case APPROVED -> APPROVE;
            case REJECTED -> REJECT;
            case SPAM -> SPAM;
            case PENDING -> REQUEUE;
        };
    }

    /** The action with this wire name, if any. */
    public static Optional<AuditAction> fromWireName(String name) {
        return Arrays.stream(values()).filter(a -> a.wireName().equals(name)).findFirst();
    }

    /**
     * What a plain save (not a restore, not a correction) of an article did, read from its status before and after:
     * leaving the site is an unpublish, reaching review a submit, reaching the site a publish, being put on the
     * schedule a schedule; anything else is an edit.
     */
    public static AuditAction ofSave(ArticleStatus before, ArticleStatus after) {
        if (before.isLive() && !after.isLive()) {
            return UNPUBLISH;
        }
        if (before == after) {
            return EDIT;
        }
        if (after == ArticleStatus.REVIEW) {
            return SUBMIT;
        }
        return switch (after) {
            case PUBLISHED -> PUBLISH;
            case SCHEDULED -> SCHEDULE;
            default -> EDIT;
        };
    }
}
