package se.newsroom.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.RequestContext;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.RequestContext.Authorizer;
import org.junit.jupiter.api.Test;

import se.newsroom.error.ForbiddenException;
import se.newsroom.error.UnauthorizedException;

/** The handler's own check of the editors group, behind the API's authorizer. */
class EditorClaimsTest {

    @Test
    void require_shouldGiveTheEditor_whenTheGroupsClaimHasEditorsInHttpApiForm() {
        Editor editor = EditorClaims.require(event(Map.of("sub", "u-1", "cognito:groups", "[admins editors]",
                "email", "anna@bastad.se")));

        assertThat(editor).isEqualTo(new Editor("u-1", "anna@bastad.se"));
    }

    @Test
    void require_shouldAcceptASingleGroup_withOrWithoutBrackets() {
        assertThat(EditorClaims.require(event(Map.of("sub", "u", "cognito:groups", "[editors]")))).isNotNull();
        assertThat(EditorClaims.require(event(Map.of("sub", "u", "cognito:groups", "editors")))).isNotNull();
    }

    @Test
    void require_shouldRefuseWith403_aGroupWhoseNameOnlyContainsEditors() {
        // Cognito group names may hold commas and quotes, never spaces: each of these is one group, not "editors".
        for (String claim : new String[] {"[x,editors]", "x,editors", "[readers x,editors]", "[\"editors\"]",
            "[editors,]", "[[editors]]"}) {
            assertThatThrownBy(() -> EditorClaims.require(event(Map.of("sub", "u", "cognito:groups", claim))))
                    .as(claim).isInstanceOf(ForbiddenException.class);
        }
    }

    @Test
    void require_shouldRefuseWith401_whenThereAreNoClaims() {
        assertThatThrownBy(() -> EditorClaims.require(new APIGatewayV2HTTPEvent()))
                .isInstanceOf(UnauthorizedException.class);
        assertThatThrownBy(() -> EditorClaims.require(event(Map.of())))
                .isInstanceOf(UnauthorizedException.class);
    }

    @Test
    void require_shouldRefuseWith403_whenTheUserIsNotAnEditor() {
        assertThatThrownBy(() -> EditorClaims.require(event(Map.of("sub", "u", "cognito:groups", "[readers]"))))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> EditorClaims.require(event(Map.of("sub", "u", "cognito:groups", "[editorsx]"))))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> EditorClaims.require(event(Map.of("sub", "u"))))
                .isInstanceOf(ForbiddenException.class);
    }

    private static APIGatewayV2HTTPEvent event(Map<String, String> claims) {
        return APIGatewayV2HTTPEvent.builder().withRequestContext(RequestContext.builder()
                .withAuthorizer(Authorizer.builder().withJwt(Authorizer.JWT.builder().withClaims(claims).build())
                        .build()).build()).build();
    }
}
