package se.newsroom.http;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;

import se.newsroom.error.ForbiddenException;
import se.newsroom.error.UnauthorizedException;

/**
 * Requires the JWT claims of the {@code editors} group from the request context: defence in depth behind the
 * API's JWT authorizer, so a route attached without the authorizer by mistake still refuses strangers.
 */
public final class EditorClaims {
    /** The Cognito group whose members may edit (template.yaml: EditorsGroup). */
    public static final String EDITORS_GROUP = "editors";

    private EditorClaims() {
    }

    /**
     * The editor behind the request.
     *
     * @throws UnauthorizedException when the request carries no verified claims
     * @throws ForbiddenException    when the user is not in the editors group
     */
    public static Editor require(APIGatewayV2HTTPEvent event) {
        Map<String, String> claims = Optional.ofNullable(event.getRequestContext())
                .map(APIGatewayV2HTTPEvent.RequestContext::getAuthorizer)
                .map(APIGatewayV2HTTPEvent.RequestContext.Authorizer::getJwt)
                .map(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT::getClaims)
                .filter(c -> c.get("sub") != null)
                .orElseThrow(() -> new UnauthorizedException("Sign in as an editor: send the Cognito ID or "
                        + "access token as 'Authorization: Bearer <token>'."));
        if (!groups(claims.get("cognito:groups")).anyMatch(EDITORS_GROUP::equals)) {
            throw new ForbiddenException("Only members of the '" + EDITORS_GROUP + "' group may do this.");
        }
        String name = Stream.of("name", "email", "cognito:username", "username")
                .map(claims::get)
                .filter(v -> v != null && !v.isBlank())
                .findFirst().orElse(claims.get("sub"));
        return new Editor(claims.get("sub"), name);
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
