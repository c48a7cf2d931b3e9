package se.newsroom.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.RequestContext;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.RequestContext.Authorizer;
import org.junit.jupiter.api.Test;

import se.newsroom.error.ForbiddenException;
import se.newsroom.error.UnauthorizedException;

/** The handler's own check of the newsroom's groups and the roles they give, behind the API's authorizer. */
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

    @Test
    void require_shouldGiveEachRoleGroupItsRole_andNothingMore() {
        assertThat(roles("[writers]")).containsExactly(Role.WRITER);
        assertThat(roles("[publishers]")).containsExactly(Role.PUBLISHER);
        assertThat(roles("moderators")).containsExactly(Role.MODERATOR);
        assertThat(roles("[admins]")).containsExactly(Role.ADMIN);
        assertThat(roles("[writers moderators readers]")).containsExactlyInAnyOrder(Role.WRITER, Role.MODERATOR);
    }

    @Test
    void require_shouldGiveTheOldEditorsGroup_writersPublishersAndModerators_butNotAdmins() {
        Editor editor = EditorClaims.require(event(Map.of("sub", "u", "cognito:groups", "[editors]")));

        assertThat(editor.roles()).containsExactlyInAnyOrder(Role.WRITER, Role.PUBLISHER, Role.MODERATOR);
        assertThat(editor.has(Role.ADMIN)).isFalse();
    }

    @Test
    void require_shouldRefuseWith403InSwedish_whenTheUserIsInNoneOfTheNewsroomsGroups() {
        APIGatewayV2HTTPEvent stranger = event(Map.of("sub", "u", "cognito:groups", "[readers x,writers]"));

        assertThatThrownBy(() -> EditorClaims.require(stranger)).isInstanceOf(ForbiddenException.class)
                .hasMessageContaining("Bara medlemmar av redaktionens grupper");
    }

    private static Set<Role> roles(String groups) {
        return EditorClaims.require(event(Map.of("sub", "u", "cognito:groups", groups))).roles();
    }

    private static APIGatewayV2HTTPEvent event(Map<String, String> claims) {
        return APIGatewayV2HTTPEvent.builder().withRequestContext(RequestContext.builder()
                .withAuthorizer(Authorizer.builder().withJwt(Authorizer.JWT.builder().withClaims(claims).build())
                        .build()).build()).build();
    }
}
