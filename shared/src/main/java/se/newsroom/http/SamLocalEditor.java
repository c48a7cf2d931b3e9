package se.newsroom.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.RequestContext;

import se.newsroom.config.Env;
import se.newsroom.config.EnvNames;

/**
 * The API's JWT authorizer, stood in for under {@code sam local start-api} only. SAM CLI runs no JWT authorizer of
 * an HTTP API locally (aws/aws-sam-cli#6550): the function gets no {@code requestContext.authorizer}, whatever token
 * is sent, and every editor route answers 401. So, as the local runner's ApiGateway does with {@code --editor-token},
 * a request without an authorizer's claims whose {@code Authorization: Bearer <token>} is the token of
 * {@code SAM_LOCAL_EDITOR_TOKEN} (local/sam-env.json) gets the claims the authorizer gives an editor of the old
 * all-round group; the token with {@code .<group>} after it (e.g. {@code .writers}) gets one role's. Only where
 * SAM CLI runs the function ({@code AWS_SAM_LOCAL=true}, which Lambda never sets) and the token is not empty;
 * deployed, the variable does nothing even when set. Claims from a real authorizer are never touched.
 */
public final class SamLocalEditor {
    /** Does nothing: the deployed functions' stand-in. */
    public static final SamLocalEditor NONE = new SamLocalEditor(null);

    private final String token;

    private SamLocalEditor(String token) {
        this.token = token;
    }

    /** The claims a Cognito ID token of a member of {@code group} alone carries, as the JWT authorizer passes them. */
    static Map<String, String> claims(String group) {
        return group.equals(EditorClaims.EDITORS_GROUP) ? Map.of("sub", "sam-local-editor", "cognito:groups",
                "[editors]", "name", "Lokal redaktör", "email", "redaktor@localhost")
                : Map.of("sub", "sam-local-" + group, "cognito:groups", "[" + group + "]", "name",
                "Lokal " + Role.ofGroup(group).map(Role::swedishName).orElse(group).toLowerCase(Locale.ROOT), "email",
                group + "@localhost");
    }

    /** From the environment: active only when AWS_SAM_LOCAL is {@code true} and SAM_LOCAL_EDITOR_TOKEN not empty. */
    public static SamLocalEditor from(Env env) {
        if (!env.optional(EnvNames.AWS_SAM_LOCAL).filter("true"::equals).isPresent()) {
            return NONE;
        }
        return env.optional(EnvNames.SAM_LOCAL_EDITOR_TOKEN)
                .map(SamLocalEditor::new)
                .orElse(NONE);
    }

    /**
     * The event, given the editor's claims when it has no authorizer's and carries the token; otherwise unchanged
     * (so a wrong or missing token still meets EditorClaims' 401).
     */
    public APIGatewayV2HTTPEvent authorize(APIGatewayV2HTTPEvent event) {
        if (token == null || event == null) {
            return event;
        }
        RequestContext context = event.getRequestContext();
        if (context != null && context.getAuthorizer() != null) {
            return event;
        }
        Optional<String> sent = new ApiRequest(event).header("Authorization");
        Optional<String> group = sent.flatMap(this::group);
        if (group.isEmpty()) {
            return event;
        }
        if (context == null) {
            context = new RequestContext();
            event.setRequestContext(context);
        }
        context.setAuthorizer(RequestContext.Authorizer.builder()
                .withJwt(RequestContext.Authorizer.JWT.builder().withClaims(claims(group.get())).build()).build());
        return event;
    }

    /** The group whose token an Authorization header sends: the old editors' for the token, a role's for .group. */
    private Optional<String> group(String authorization) {
        byte[] sent = authorization.getBytes(StandardCharsets.UTF_8);
        List<String> groups = new ArrayList<>(List.of(EditorClaims.EDITORS_GROUP));
        Arrays.stream(Role.values()).map(Role::group).forEach(groups::add);
        // Constant time per comparison: how much of the token a guess got right does not show in the answer's timing.
        return groups.stream().filter(g -> MessageDigest.isEqual(sent, ("Bearer " + token
                + (g.equals(EditorClaims.EDITORS_GROUP) ? "" : "." + g)).getBytes(StandardCharsets.UTF_8)))
                .findFirst();
    }
}
