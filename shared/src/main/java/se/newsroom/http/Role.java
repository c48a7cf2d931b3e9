package se.newsroom.http;

import java.util.Arrays;
import java.util.Optional;

import se.newsroom.error.MissingRoleException;

/**
 * What a member of the newsroom may do, one Cognito group each (template.yaml: WritersGroup, PublishersGroup,
 * ModeratorsGroup, AdminsGroup). Administrators may do everything; a publisher may also do what a writer may.
 */
public enum Role {
    /** Writes drafts and submits them for review. */
    WRITER("writers", "Skribent"),
    /** Publishes, schedules, unpublishes and deletes articles, and marks corrections. */
    PUBLISHER("publishers", "Publicerare"),
    /** Moderates readers' comments, replies as the newsroom and erases a commenter's comments. */
    MODERATOR("moderators", "Moderator"),
    /** May do everything, and reads the audit log. */
    ADMIN("admins", "Administratör");

    private final String group;
    private final String swedishName;

    Role(String group, String swedishName) {
        this.group = group;
        this.swedishName = swedishName;
    }

    /** The Cognito group that gives this role, e.g. {@code publishers}. */
    public String group() {
        return group;
    }

    /** The role's name as the desk shows it, e.g. "Publicerare". */
    public String swedishName() {
        return swedishName;
    }

    /** The 403 for a request that needs this role: its detail names the role and group, as does requiredRole. */
    public MissingRoleException missing() {
        return new MissingRoleException(swedishName, group);
    }

    /** The role a Cognito group gives, if any. */
    public static Optional<Role> ofGroup(String group) {
        return Arrays.stream(values()).filter(r -> r.group.equals(group)).findFirst();
    }
}
