package se.newsroom.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.RequestContext;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.RequestContext.Authorizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import se.newsroom.error.MissingRoleException;

/**
 * Every route of the API (those other parts add too) for a member of each group: let through, or refused with the
 * role it needs. The expectations are written out here, apart from the table they check (issue 17's contract).
 */
class RouteRolesTest {
    private static final String EVERYONE = "writers publishers moderators admins editors";
    private static final String WRITERS = "writers publishers admins editors";

    /** Route key → the groups whose members pass, then the group a refusal names. */
    private static final Map<String, List<String>> EXPECTED = new LinkedHashMap<>();

    static {
        for (String route : List.of("GET /api/articles", "GET /api/articles/{id}", "GET /api/categories",
                "POST /api/previews", "GET /api/media", "GET /api/media/{id}", "GET /api/articles/{id}/revisions",
                "GET /api/articles/{id}/revisions/{version}", "GET /api/privacy-notice")) {
            EXPECTED.put(route, List.of(EVERYONE, ""));
        }
        for (String route : List.of("POST /api/articles", "PUT /api/articles/{id}",
                "POST /api/articles/{id}/revisions/{version}/restore", "POST /api/media", "PATCH /api/media/{id}")) {
            EXPECTED.put(route, List.of(WRITERS, "writers"));
        }
        for (String route : List.of("DELETE /api/articles/{id}", "DELETE /api/media/{id}",
                "GET /api/articles/{id}/record")) {
            EXPECTED.put(route, List.of("publishers admins editors", "publishers"));
        }
        for (String route : List.of("GET /api/comments", "PATCH /api/articles/{id}/comments/{commentId}",
                "DELETE /api/articles/{id}/comments/{commentId}", "POST /api/comments/erasures",
                "POST /api/articles/{id}/replies")) {
            EXPECTED.put(route, List.of("moderators admins editors", "moderators"));
        }
        for (String route : List.of("GET /api/audit", "PUT /api/privacy-notice")) {
            EXPECTED.put(route, List.of("admins", "admins"));
        }
    }

    static Stream<Arguments> routesAndGroups() {
        return EXPECTED.keySet().stream().flatMap(route -> Stream.of(EVERYONE.split(" "))
                .map(group -> Arguments.of(route, group)));
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("routesAndGroups")
    void require_shouldLetThrough_orRefuseNamingTheMissingRole(String route, String group) {
        ApiRequest request = new ApiRequest(event(route, group));
        Set<String> allowed = Set.of(EXPECTED.get(route).get(0).split(" "));

        if (allowed.contains(group)) {
            assertThat(RouteRoles.require(request).subject()).isEqualTo("u-" + group);
        } else {
            String needed = EXPECTED.get(route).get(1);
            assertThatThrownBy(() -> RouteRoles.require(request)).isInstanceOfSatisfying(MissingRoleException.class,
                    e -> {
                        assertThat(e.requiredGroup()).isEqualTo(needed);
                        assertThat(e.getMessage()).isEqualTo("Det här kräver rollen "
                                + Role.ofGroup(needed).orElseThrow().swedishName() + " (gruppen " + needed + ").");
                    });
        }
    }

    @Test
    void theTable_shouldHoldExactlyTheseSignedInRoutes_andTheReadersCommentAsPublic() {
        assertThat(RouteRoles.all().entrySet().stream().filter(e -> e.getValue() != RouteRoles.Access.PUBLIC)
                .map(Map.Entry::getKey)).containsExactlyInAnyOrderElementsOf(EXPECTED.keySet());
        assertThat(RouteRoles.of("POST /api/articles/{id}/comments")).contains(RouteRoles.Access.PUBLIC);
    }

    @Test
    void require_shouldLeaveARouteTheTableDoesNotHave_toTheFunctionsOwn404() {
        assertThat(RouteRoles.require(new ApiRequest(event("GET /api/nothing", "writers"))).subject())
                .isEqualTo("u-writers");
    }

    private static APIGatewayV2HTTPEvent event(String route, String group) {
        return APIGatewayV2HTTPEvent.builder().withRouteKey(route).withRequestContext(RequestContext.builder()
                .withRouteKey(route).withAuthorizer(Authorizer.builder().withJwt(Authorizer.JWT.builder()
                        .withClaims(Map.of("sub", "u-" + group, "cognito:groups", "[" + group + "]")).build())
                        .build()).build()).build();
    }
}
