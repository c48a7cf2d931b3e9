package se.newsroom.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import se.newsroom.emulators.TemplateTable;
import se.newsroom.json.Json;

/**
 * Every signed-in route of template.yaml for a member of each group, over HTTP through the local runner (its API
 * Gateway builds the payload 2.0 event with the group's JWT claims, and the route's own function answers): the
 * route's real answer for a role that may, a 403 naming the missing role for one that may not. Then the review
 * workflow as the desk's people do it, each with their own token.
 */
class RolesIT {
    private static final String TOKEN = "roles-token";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final List<String> GROUPS = List.of("writers", "publishers", "moderators", "admins", "editors");
    private static final String EVERYONE = String.join(" ", GROUPS);

    /** A route: who may call it, what such a call answers, and the group a refusal names. */
    private record Expectation(String allowed, int status, String refusalNames) {
    }

    private static final Map<String, Expectation> ROUTES = new LinkedHashMap<>();

    static {
        ROUTES.put("GET /api/articles", new Expectation(EVERYONE, 200, ""));
        ROUTES.put("GET /api/articles/{id}", new Expectation(EVERYONE, 200, ""));
        ROUTES.put("GET /api/categories", new Expectation(EVERYONE, 200, ""));
        ROUTES.put("POST /api/previews", new Expectation(EVERYONE, 200, ""));
        ROUTES.put("GET /api/media", new Expectation(EVERYONE, 200, ""));
        ROUTES.put("GET /api/media/{id}", new Expectation(EVERYONE, 200, ""));
        ROUTES.put("POST /api/articles", new Expectation("writers publishers admins editors", 201, "writers"));
        ROUTES.put("PUT /api/articles/{id}", new Expectation("writers publishers admins editors", 200, "writers"));
        ROUTES.put("POST /api/media", new Expectation("writers publishers admins editors", 201, "writers"));
        ROUTES.put("PATCH /api/media/{id}", new Expectation("writers publishers admins editors", 200, "writers"));
        ROUTES.put("DELETE /api/articles/{id}", new Expectation("publishers admins editors", 204, "publishers"));
        ROUTES.put("DELETE /api/media/{id}", new Expectation("publishers admins editors", 204, "publishers"));
        ROUTES.put("GET /api/comments", new Expectation("moderators admins editors", 200, "moderators"));
        // No such comment: the moderator's request gets as far as the comment's absence.
        ROUTES.put("PATCH /api/articles/{id}/comments/{commentId}",
                new Expectation("moderators admins editors", 404, "moderators"));
        ROUTES.put("DELETE /api/articles/{id}/comments/{commentId}",
                new Expectation("moderators admins editors", 404, "moderators"));
        ROUTES.put("POST /api/comments/erasures", new Expectation("moderators admins editors", 200, "moderators"));
    }

    private static LocalRunner runner;
    private static String base;

    @BeforeAll
    static void start() throws Exception {
        runner = new LocalRunner(new LocalRunner.Options(0, Optional.empty(), false, TOKEN,
                TemplateTable.templatePath().getParent()));
        base = "http://localhost:" + runner.port();
    }

    @AfterAll
    static void stop() throws Exception {
        runner.close();
    }

    @Test
    void theRoutesHere_shouldBeEverySignedInRouteOfTheTemplate() {
        assertThat(new TemplateModel(TemplateTable.templatePath()).routes().stream()
                .filter(TemplateModel.Route::authorized).map(TemplateModel.Route::routeKey))
                .containsExactlyInAnyOrderElementsOf(ROUTES.keySet());
    }

    static Stream<Arguments> routesAndGroups() {
        return ROUTES.keySet().stream().flatMap(route -> GROUPS.stream().map(group -> Arguments.of(route, group)));
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("routesAndGroups")
    void aRoute_shouldAnswerAMemberWhoseRoleMay_andRefuseOneWhoseMayNot_namingTheRole(String route, String group)
            throws Exception {
        // GIVEN a draft and a picture of its own for this call, made by the all-round editor
        String article = json(send("POST", "/api/articles", TOKEN, "{\"title\": \"Roller – " + route + " som "
                + group + "\"}", Map.of())).path("id").asText();
        String media = json(send("POST", "/api/media", TOKEN, "{\"fileName\": \"bild.jpg\", \"contentType\": "
                + "\"image/jpeg\", \"size\": 1000}", Map.of())).path("media").path("id").asText();
        Expectation expected = ROUTES.get(route);

        // WHEN the member of the group calls the route
        // (the old all-round editor's token is the runner's own; each role's has its group after it)
        HttpResponse<String> response = call(route, group.equals("editors") ? TOKEN : TOKEN + "." + group, article,
                media);

        // THEN
        if (Set.of(expected.allowed().split(" ")).contains(group)) {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(expected.status());
        } else {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
            JsonNode problem = json(response);
            assertThat(problem.path("requiredRole").asText()).isEqualTo(expected.refusalNames());
            assertThat(problem.path("detail").asText()).startsWith("Det här kräver rollen ")
                    .endsWith("(gruppen " + expected.refusalNames() + ").");
        }
    }

    @Test
    void aWritersDraft_shouldGoThroughReviewToAPublisher_whoPublishesIt() throws Exception {
        String writer = TOKEN + ".writers";
        String publisher = TOKEN + ".publishers";
        String draft = "{\"title\": \"Nya öppettider på återvinningscentralen\", \"body\": \"Från måndag 8–16.\"";
        JsonNode created = json(send("POST", "/api/articles", writer, draft + "}", Map.of()));
        String id = created.path("id").asText();
        assertThat(created.path("author").asText()).isEqualTo("Lokal skribent");

        HttpResponse<String> submitted = send("PUT", "/api/articles/" + id, writer,
                draft + ", \"status\": \"review\"}", Map.of("If-Match", "\"1\""));
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(200);
        assertThat(json(send("GET", "/api/articles?status=review", publisher, null, Map.of())).path("items")
                .findValuesAsText("id")).containsExactly(id);

        HttpResponse<String> refused = send("PUT", "/api/articles/" + id, writer,
                draft + ", \"status\": \"published\"}", Map.of("If-Match", "\"2\""));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(json(refused).path("requiredRole").asText()).isEqualTo("publishers");
        assertThat(json(refused).path("detail").asText())
                .isEqualTo("Det här kräver rollen Publicerare (gruppen publishers).");

        HttpResponse<String> published = send("PUT", "/api/articles/" + id, publisher,
                draft + ", \"status\": \"published\"}", Map.of("If-Match", "\"2\""));
        assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
        assertThat(json(published).path("status").asText()).isEqualTo("published");
        assertThat(json(send("GET", "/api/articles?status=review", publisher, null, Map.of())).path("items")
                .findValuesAsText("id")).doesNotContain(id);
    }

    private static HttpResponse<String> call(String route, String token, String article, String media)
            throws Exception {
        String method = route.substring(0, route.indexOf(' '));
        String path = route.substring(route.indexOf(' ') + 1).replace("{commentId}", "01DVZ8Y3C4S0K9QH7N2M5X6B1A")
                .replace("/api/media/{id}", "/api/media/" + media).replace("{id}", article);
        String body = switch (route) {
            case "POST /api/articles", "POST /api/previews" -> "{\"title\": \"Utkast\"}";
            case "PUT /api/articles/{id}" -> "{\"title\": \"Utkast, omskrivet\", \"status\": \"draft\"}";
            case "POST /api/media" -> "{\"fileName\": \"bild.jpg\", \"contentType\": \"image/jpeg\", \"size\": 1000}";
            case "PATCH /api/media/{id}" -> "{\"alt\": \"Strandpromenaden i Båstad\"}";
            case "PATCH /api/articles/{id}/comments/{commentId}" -> "{\"status\": \"approved\"}";
            case "POST /api/comments/erasures" -> "{\"email\": \"lasare@example.se\"}";
            default -> null;
        };
        boolean versioned = route.equals("PUT /api/articles/{id}") || route.equals("DELETE /api/articles/{id}");
        Map<String, String> headers = versioned ? Map.of("If-Match", "\"1\"") : Map.of();
        return send(method, path, token, body, headers);
    }

    private static HttpResponse<String> send(String method, String path, String token, String body,
                                             Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return Json.MAPPER.readTree(response.body());
    }
}
