package se.newsroom.local;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

import se.newsroom.http.EditorClaims;
import se.newsroom.http.Role;

/**
 * Whom the local runner lets a developer be, one token each: the runner's editor token is the old all-round editor
 * (group {@code editors}, the default, so the desk and the tests that know only that token keep working); the same
 * token with {@code .<group>} after it is a member of that one role's group, e.g. {@code <token>.writers}. The JWT
 * claims each carries are the ones Cognito's ID token of such a member would, as the API's authorizer passes them on.
 */
enum LocalSignInRoles {
    EDITOR(EditorClaims.EDITORS_GROUP, "Redaktör (den gamla allroundgruppen)", "Lokal redaktör"),
    WRITER(Role.WRITER.group(), Role.WRITER.swedishName(), "Lokal skribent"),
    PUBLISHER(Role.PUBLISHER.group(), Role.PUBLISHER.swedishName(), "Lokal publicerare"),
    MODERATOR(Role.MODERATOR.group(), Role.MODERATOR.swedishName(), "Lokal moderator"),
    ADMIN(Role.ADMIN.group(), Role.ADMIN.swedishName(), "Lokal administratör");

    private final String group;
    private final String label;
    private final String name;

    LocalSignInRoles(String group, String label, String name) {
        this.group = group;
        this.label = label;
        this.name = name;
    }

    /** The Cognito group this sign-in is a member of. */
    String group() {
        return group;
    }

    /** How the sign-in page offers it. */
    String label() {
        return label;
    }

    /** The bearer token of this member, from the runner's editor token. */
    String token(String editorToken) {
        return this == EDITOR ? editorToken : editorToken + "." + group;
    }

    /** The claims the API's authorizer would pass on for this member. */
    Map<String, String> claims() {
        String id = this == EDITOR ? "local-editor" : "local-" + group;
        String email = this == EDITOR ? "redaktor@localhost" : group + "@localhost";
        return Map.of("sub", id, "cognito:groups", "[" + group + "]", "name", name, "email", email);
    }

    /** The member a sign-in form chose by group; the all-round editor when it chose none or one unknown. */
    static LocalSignInRoles ofGroup(String group) {
        return Arrays.stream(values()).filter(r -> r.group.equals(group)).findFirst().orElse(EDITOR);
    }

    /** The claims of the member whose token an {@code Authorization} header sends; empty for any other header. */
    static Optional<Map<String, String>> claims(String editorToken, String authorization) {
        if (authorization == null) {
            return Optional.empty();
        }
        byte[] sent = authorization.getBytes(StandardCharsets.UTF_8);
        // Constant time per comparison: how much of the token a guess got right does not show in the answer's timing.
        return Arrays.stream(values())
                .filter(r -> MessageDigest.isEqual(sent, ("Bearer " + r.token(editorToken))
                        .getBytes(StandardCharsets.UTF_8)))
                .findFirst().map(LocalSignInRoles::claims);
    }
}
