package se.newsroom.http;

import java.util.Map;
import java.util.Optional;

import se.newsroom.error.MissingRoleException;

/**
 * The one table of which role each route of the API needs (README "Who may do what", openapi.yaml's
 * {@code x-required-role}), checked at each function's edge. Administrators pass every check; a publisher passes a
 * writer's ({@link Editor#has}). Where the article's status decides more (a writer may not publish, nor change what
 * is published or scheduled), the route needs the least role here and the article service asks for more.
 */
public final class RouteRoles {
    /** What a route asks of its caller. */
    public enum Access {
        /** Anyone, signed in or not (a reader's comment). */
        PUBLIC(null),
        /** Any member of the newsroom, whatever their role. */
        ANY_ROLE(null),
        WRITER(Role.WRITER),
        PUBLISHER(Role.PUBLISHER),
        MODERATOR(Role.MODERATOR),
        ADMIN(Role.ADMIN);

        private final Role role;

        Access(Role role) {
            this.role = role;
        }

        /** The role the route needs; empty when any member (or anyone) may call it. */
        public Optional<Role> role() {
            return Optional.ofNullable(role);
        }
    }

    /** Every route of the API by its route key, as template.yaml declares them (RouteRolesTemplateTest holds it). */
    private static final Map<String, Access> ROUTES = Map.ofEntries(
            Map.entry("GET /api/articles", Access.ANY_ROLE),
            Map.entry("GET /api/articles/{id}", Access.ANY_ROLE),
            Map.entry("GET /api/categories", Access.ANY_ROLE),
            Map.entry("POST /api/previews", Access.ANY_ROLE),
            Map.entry("GET /api/media", Access.ANY_ROLE),
            Map.entry("GET /api/media/{id}", Access.ANY_ROLE),
            Map.entry("GET /api/articles/{id}/revisions", Access.ANY_ROLE),
            Map.entry("GET /api/articles/{id}/revisions/{version}", Access.ANY_ROLE),
            Map.entry("GET /api/privacy-notice", Access.ANY_ROLE),
            // A writer's while the article stays draft or review; ArticleService.checkMayChange asks a publisher's
            // for anything that makes, changes or ends a scheduled or published article.
            Map.entry("POST /api/articles", Access.WRITER),
            Map.entry("PUT /api/articles/{id}", Access.WRITER),
            Map.entry("POST /api/articles/{id}/revisions/{version}/restore", Access.WRITER),
            Map.entry("POST /api/media", Access.WRITER),
            Map.entry("PATCH /api/media/{id}", Access.WRITER),
            Map.entry("DELETE /api/articles/{id}", Access.PUBLISHER),
            Map.entry("DELETE /api/media/{id}", Access.PUBLISHER),
            Map.entry("GET /api/articles/{id}/record", Access.PUBLISHER),
            Map.entry("GET /api/comments", Access.MODERATOR),
            Map.entry("PATCH /api/articles/{id}/comments/{commentId}", Access.MODERATOR),
            Map.entry("DELETE /api/articles/{id}/comments/{commentId}", Access.MODERATOR),
            Map.entry("POST /api/comments/erasures", Access.MODERATOR),
            Map.entry("POST /api/articles/{id}/replies", Access.MODERATOR),
            Map.entry("GET /api/audit", Access.ADMIN),
            Map.entry("PUT /api/privacy-notice", Access.ADMIN),
            Map.entry("POST /api/articles/{id}/comments", Access.PUBLIC));

    private RouteRoles() {
    }

    /** What the route needs, empty for a route key the API does not have. */
    public static Optional<Access> of(String routeKey) {
        return Optional.ofNullable(ROUTES.get(routeKey));
    }

    /** The whole table, for the tests that hold it to template.yaml and openapi.yaml. */
    public static Map<String, Access> all() {
        return ROUTES;
    }

    /**
     * The editor behind a request to a route that needs a signed-in member, once they hold the role it needs. A route
     * key the table does not have is left to the function's own 404.
     *
     * @throws se.newsroom.error.UnauthorizedException when the request carries no verified claims
     * @throws se.newsroom.error.ForbiddenException    when the user is in none of the newsroom's groups
     * @throws MissingRoleException                    naming the role, when the user lacks it
     */
    public static Editor require(ApiRequest request) {
        Editor editor = EditorClaims.require(request.event());
        of(request.routeKey()).flatMap(Access::role).ifPresent(role -> requireRole(editor, role));
        return editor;
    }

    /** Refuses an editor without {@code role}, naming it. */
    public static void requireRole(Editor editor, Role role) {
        if (!editor.has(role)) {
            throw role.missing();
        }
    }
}
