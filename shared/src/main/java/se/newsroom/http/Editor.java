package se.newsroom.http;

import java.util.EnumSet;
import java.util.Set;

/**
 * The signed-in member of the newsroom making a request, from the JWT claims the API's authorizer verified.
 *
 * @param subject the user's stable id ({@code sub})
 * @param name    how to show the user, e.g. as an article's default author
 * @param roles   what the user's Cognito groups let them do
 */
public record Editor(String subject, String name, Set<Role> roles) {
    public Editor {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    /** An editor with every role: the system's own jobs (scheduled publishing, imports) and tests. */
    public Editor(String subject, String name) {
        this(subject, name, EnumSet.allOf(Role.class));
    }

    /**
     * The name to sign something readers see with: the editor's name, unless the token had none and it fell back to
     * the email address or the user's id (a user created by an administrator often has no name); then
     * {@code otherwise}. Never an email address on the public site.
     */
    public String publicName(String otherwise) {
        return name.contains("@") || name.equals(subject) || name.isBlank() ? otherwise : name;
    }

    /** Whether this editor may act in {@code role}: administrators may do all, publishers what writers may. */
    public boolean has(Role role) {
        return roles.contains(Role.ADMIN) || roles.contains(role)
                || role == Role.WRITER && roles.contains(Role.PUBLISHER);
    }
}
