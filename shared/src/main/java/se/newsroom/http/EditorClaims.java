package se.newsroom.http;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;

import se.newsroom.error.ForbiddenException;
import se.newsroom.error.UnauthorizedException;

/**
 * The signed-in member of the newsroom and their roles, from the JWT claims in the request context: defence in depth
 * behind the API's JWT authorizer, so a route attached without the authorizer by mistake still refuses strangers.
 * The roles come from the {@code cognito:groups} claim, one group each ({@link Role#group()}); which route needs
 * which role is {@link RouteRoles}' business.
 */
public final class EditorClaims {
    /**
     * The old all-round group (template.yaml: EditorsGroup), kept so that nobody deployed before the roles is locked
     * out: it gives writers', publishers' and moderators' roles, not the administrators'.
     */
    public static final String EDITORS_GROUP = "editors";
    /** What the old all-round group gives. */
    static final Set<Role> EDITORS_ROLES = Set.of(Role.WRITER, Role.PUBLISHER, Role.MODERATOR);

    private EditorClaims() {
    }

    /**
     * The editor behind the request, with the roles their groups give.
     *
     * @throws UnauthorizedException when the request carries no verified claims
     * @throws ForbiddenException    when the user is in none of the newsroom's groups
     */
    public static Editor require(APIGatewayV2HTTPEvent event) {
        Map<String, String> claims = Optional.ofNullable(event.getRequestContext())
                .map(APIGatewayV2HTTPEvent.RequestContext::getAuthorizer)
                .map(APIGatewayV2HTTPEvent.RequestContext.Authorizer::getJwt)
                .map(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT::getClaims)
                .filter(c -> c.get("sub") != null)
                .orElseThrow(() -> new UnauthorizedException("Sign in as an editor: send the Cognito ID or "
                        + "access token as 'Authorization: Bearer <token>'."));
        Set<Role> roles = roles(claims.get("cognito:groups"));
        if (roles.isEmpty()) {
            throw new ForbiddenException("Bara medlemmar av redaktionens grupper (writers, publishers, moderators, "
                    + "admins eller den gamla " + EDITORS_GROUP + ") får göra det här.");
        }
        String name = Stream.of("name", "email", "cognito:username", "username")
                .map(claims::get)
                .filter(v -> v != null && !v.isBlank())
                .findFirst().orElse(claims.get("sub"));
        return new Editor(claims.get("sub"), name, roles);
    }

    /** The roles the groups of a {@code cognito:groups} claim give; groups of no role are ignored. */
    static Set<Role> roles(String groupsClaim) {
        EnumSet<Role> roles = EnumSet.noneOf(Role.class);
        groups(groupsClaim).forEach(group -> {
            if (group.equals(EDITORS_GROUP)) {
                roles.addAll(EDITORS_ROLES);
            }
            Role.ofGroup(group).ifPresent(roles::add);
        });
        return roles;
    }

    /**
     * The groups in a {@code cognito:groups} claim. HTTP API's JWT authorizer flattens an array claim into one
     * string, its values between brackets and separated by spaces ("[admins editors]"); a claim without brackets is
     * one group. Only spaces separate: a Cognito group name holds no white space (CreateGroup's pattern
     * {@code [\p{L}\p{M}\p{S}\p{N}\p{P}]+}) but may hold commas and quotes, so "[x,editors]" is the one group
     * "x,editors", not an editor.
     */
    static Stream<String> groups(String claim) {
        if (claim == null) {
            return Stream.empty();
        }
        String inner = claim.strip();
        if (inner.length() >= 2 && inner.startsWith("[") && inner.endsWith("]")) {
            inner = inner.substring(1, inner.length() - 1);
        }
        return Arrays.stream(inner.split(" ")).filter(g -> !g.isEmpty());
    }
}
