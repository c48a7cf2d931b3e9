package se.newsroom.content;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One line of the append-only audit log: who did what, when, to which article or comment. An erasure's entry holds
 * how many comments went, never the address they were erased for, nor its hash.
 *
 * @param at         when
 * @param action     what was done
 * @param editor     the editor's stable id (the token's {@code sub}), or {@link Change#SYSTEM}
 * @param editorName how the editor was shown then
 * @param articleId  the article acted on (or whose comment was)
 * @param commentId  the comment acted on
 * @param version    the article's version the action made
 * @param count      how many comments an erasure removed
 */
public record AuditEntry(Instant at, AuditAction action, String editor, String editorName, Optional<String> articleId,
                         Optional<String> commentId, Optional<Long> version, Optional<Integer> count) {
    public AuditEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(editor, "editor");
        Objects.requireNonNull(editorName, "editorName");
        Objects.requireNonNull(articleId, "articleId");
        Objects.requireNonNull(commentId, "commentId");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(count, "count");
    }

    /** An article's save or deletion. */
    public static AuditEntry ofArticle(Instant at, AuditAction action, String editor, String editorName,
                                       String articleId, Optional<Long> version) {
        return new AuditEntry(at, action, editor, editorName, Optional.of(articleId), Optional.empty(), version,
                Optional.empty());
    }

    /** A moderator's action on one comment. */
    public static AuditEntry ofComment(Instant at, AuditAction action, String editor, String editorName,
                                       String articleId, String commentId) {
        return new AuditEntry(at, action, editor, editorName, Optional.of(articleId), Optional.of(commentId),
                Optional.empty(), Optional.empty());
    }

    /** An erasure of an address's comments: how many, nothing about whose. */
    public static AuditEntry ofErasure(Instant at, String editor, String editorName, int count) {
        return new AuditEntry(at, AuditAction.ERASE, editor, editorName, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.of(count));
    }
}
