package se.newsroom.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.RequestContext;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import org.junit.jupiter.api.Test;

import se.newsroom.config.Env;

/** The JWT authorizer's stand-in under {@code sam local}: what an editor's request then answers. */
class SamLocalEditorTest {
    private static final String TOKEN = "sam-local-editor-token";
    private static final Map<String, String> SAM_LOCAL = Map.of("AWS_SAM_LOCAL", "true",
            "SAM_LOCAL_EDITOR_TOKEN", TOKEN);

    /** An editor's route: who the editor is, or the problem EditorClaims answers. */
    private static final class EditorRoute extends HttpApiFunction {
        EditorRoute(Map<String, String> environment) {
            super(SamLocalEditor.from(new Env(environment)));
        }

        @Override
        protected APIGatewayV2HTTPResponse route(ApiRequest request) {
            Editor editor = EditorClaims.require(request.event());
            return HttpResponses.of(200, "text/plain; charset=utf-8", editor.subject() + " " + editor.name(),
                    Map.of());
        }
    }

    private static APIGatewayV2HTTPEvent request(String headerName, String authorization) {
        Map<String, String> headers = new HashMap<>();
        if (authorization != null) {
            headers.put(headerName, authorization);
        }
        return APIGatewayV2HTTPEvent.builder().withRouteKey("POST /api/articles").withHeaders(headers)
                .withRequestContext(RequestContext.builder().withRequestId("r-1").build()).build();
    }

    private static APIGatewayV2HTTPResponse send(Map<String, String> environment, APIGatewayV2HTTPEvent event) {
        return new EditorRoute(environment).handle(event, null);
    }

    @Test
    void underSamLocal_theTokenOfSamEnv_shouldMakeTheRequestAnEditors_asTheAuthorizerWould() {
        // SAM CLI passes the header as the client sent it; API Gateway lower-cases it.
        for (String name : new String[] {"Authorization", "authorization"}) {
            APIGatewayV2HTTPResponse response = send(SAM_LOCAL, request(name, "Bearer " + TOKEN));

            assertThat(response.getStatusCode()).as(name).isEqualTo(200);
            assertThat(response.getBody()).isEqualTo("sam-local-editor Lokal redaktör");
        }
    }

    @Test
    void underSamLocal_theTokenWithARolesGroupAfterIt_shouldMakeTheRequestThatRolesAlone() {
        APIGatewayV2HTTPEvent writer = request("Authorization", "Bearer " + TOKEN + ".writers");

        APIGatewayV2HTTPResponse response = send(SAM_LOCAL, writer);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getBody()).isEqualTo("sam-local-writers Lokal skribent");
        assertThat(EditorClaims.require(writer).roles()).containsExactly(Role.WRITER);
        assertThat(send(SAM_LOCAL, request("Authorization", "Bearer " + TOKEN + ".readers")).getStatusCode())
                .isEqualTo(401);
    }

    @Test
    void underSamLocal_anEventWithoutARequestContext_shouldGetTheClaimsToo() {
        APIGatewayV2HTTPEvent event = APIGatewayV2HTTPEvent.builder().withRouteKey("POST /api/articles")
                .withHeaders(Map.of("Authorization", "Bearer " + TOKEN)).build();

        assertThat(send(SAM_LOCAL, event).getStatusCode()).isEqualTo(200);
    }

    @Test
    void underSamLocal_aWrongOrMissingToken_shouldStay401() {
        assertThat(send(SAM_LOCAL, request("Authorization", "Bearer " + TOKEN)).getStatusCode()).isEqualTo(200);
        for (String authorization : new String[] {"Bearer wrong", "Bearer " + TOKEN + "x", "Bearer ",
                "Bearer " + TOKEN.substring(1), TOKEN, "Basic " + TOKEN, null}) {
            APIGatewayV2HTTPResponse response = send(SAM_LOCAL, request("Authorization", authorization));

            assertThat(response.getStatusCode()).as(String.valueOf(authorization)).isEqualTo(401);
            assertThat(response.getBody()).contains("Sign in as an editor");
        }
    }

    @Test
    void underSamLocal_anEmptyToken_shouldAdmitNobody() {
        Map<String, String> environment = Map.of("AWS_SAM_LOCAL", "true", "SAM_LOCAL_EDITOR_TOKEN", " ");
        assertThat(send(Map.of("AWS_SAM_LOCAL", "true", "SAM_LOCAL_EDITOR_TOKEN", "x"),
                request("Authorization", "Bearer x")).getStatusCode()).isEqualTo(200);

        assertThat(send(environment, request("Authorization", "Bearer ")).getStatusCode()).isEqualTo(401);
        assertThat(send(environment, request("Authorization", "Bearer  ")).getStatusCode()).isEqualTo(401);
    }

    @Test
    void deployed_theVariable_shouldHaveNoEffect_evenWhenSomeoneSetsIt() {
        assertThat(send(SAM_LOCAL, request("Authorization", "Bearer " + TOKEN)).getStatusCode()).isEqualTo(200);
        for (Map<String, String> environment : List.of(Map.of("SAM_LOCAL_EDITOR_TOKEN", TOKEN),
                Map.of("AWS_SAM_LOCAL", "false", "SAM_LOCAL_EDITOR_TOKEN", TOKEN),
                Map.of("AWS_SAM_LOCAL", "TRUE ", "SAM_LOCAL_EDITOR_TOKEN", TOKEN))) {
            APIGatewayV2HTTPResponse response = send(environment, request("Authorization", "Bearer " + TOKEN));

            assertThat(response.getStatusCode()).as(environment.toString()).isEqualTo(401);
        }
    }

    @Test
    void underSamLocal_theClaimsOfARealAuthorizer_shouldNeverBeOverwritten() {
        APIGatewayV2HTTPEvent editor = request("Authorization", "Bearer " + TOKEN);
        editor.getRequestContext().setAuthorizer(RequestContext.Authorizer.builder().withJwt(
                RequestContext.Authorizer.JWT.builder().withClaims(Map.of("sub", "anna", "cognito:groups",
                        "[editors]", "name", "Anna Andersson")).build()).build());
        APIGatewayV2HTTPEvent reader = request("Authorization", "Bearer " + TOKEN);
        reader.getRequestContext().setAuthorizer(RequestContext.Authorizer.builder().withJwt(
                RequestContext.Authorizer.JWT.builder().withClaims(Map.of("sub", "bo", "cognito:groups",
                        "[readers]")).build()).build());

        assertThat(send(SAM_LOCAL, request("Authorization", "Bearer " + TOKEN)).getBody())
                .isEqualTo("sam-local-editor Lokal redaktör");
        assertThat(send(SAM_LOCAL, editor).getBody()).isEqualTo("anna Anna Andersson");
        assertThat(send(SAM_LOCAL, reader).getStatusCode()).isEqualTo(403);
    }
}
