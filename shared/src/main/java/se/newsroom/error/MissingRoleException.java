package se.newsroom.error;

import java.util.List;

/**
 * Thrown when a signed-in member of the newsroom lacks the role a request needs, e.g. a writer publishing (403).
 * The problem names the role, in Swedish for the person and as its Cognito group for a client
 * ({@code requiredRole}).
 */
public final class MissingRoleException extends NewsroomException {
    private final String requiredGroup;

    /**
     * @param roleName      the role as the desk names it, e.g. "Publicerare"
     * @param requiredGroup the Cognito group that gives it, e.g. {@code publishers}
     */
    public MissingRoleException(String roleName, String requiredGroup) {
        super("Det här kräver rollen " + roleName + " (gruppen " + requiredGroup + ").", List.of());
        this.requiredGroup = requiredGroup;
    }

    /** The Cognito group that would allow the request, e.g. {@code publishers}. */
    public String requiredGroup() {
        return requiredGroup;
    }
}
