package se.newsroom.content;

import java.util.Objects;
import java.util.Optional;

/**
 * Who saves an article and as what: what the save's revision and audit entry record beside it.
 *
 * @param editor       the editor's stable id (the token's {@code sub}), or {@link #SYSTEM} for the system's own jobs
 * @param editorName   how to show the editor
 * @param action       what the save does
 * @param correction   a published article's correction note, when the save is a correction
 * @param restoredFrom the revision a restore brings back
 */
public record Change(String editor, String editorName, AuditAction action, Optional<String> correction,
                     Optional<Long> restoredFrom) {
    /** The editor id of the system's own jobs (scheduled publishing). */
    public static final String SYSTEM = "system";
    /** How scheduled publishing is shown in revisions and the audit log. */
    public static final String SCHEDULER = "Schemaläggaren";

    public Change {
        Objects.requireNonNull(editor, "editor");
        Objects.requireNonNull(editorName, "editorName");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(correction, "correction");
        Objects.requireNonNull(restoredFrom, "restoredFrom");
    }

    /** An editor's save doing {@code action}, no correction, no restore. */
    public static Change by(String editor, String editorName, AuditAction action) {
        return new Change(editor, editorName, action, Optional.empty(), Optional.empty());
    }

    /** The scheduler publishing an article whose time has come. */
    public static Change scheduler() {
        return by(SYSTEM, SCHEDULER, AuditAction.PUBLISH);
    }
}
