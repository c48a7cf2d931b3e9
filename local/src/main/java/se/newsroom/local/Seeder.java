package se.newsroom.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import se.newsroom.json.Json;

/**
 * Seeds the local site as people would: an editor creates the two example articles through the API (from the same
 * events/ files sam local invoke uses), a reader comments through the public route, the editor approves it and
 * answers as the newsroom.
 */
final class Seeder {
    private final ApiGateway api;
    private final CloudFrontHeaders cloudFront;
    private final String token;
    private final Path articleEvents;

    Seeder(ApiGateway api, CloudFrontHeaders cloudFront, String token, Path articleEvents) {
        this.api = api;
        this.cloudFront = cloudFront;
        this.token = token;
        this.articleEvents = articleEvents;
    }

    void seed() throws IOException {
        if (Json.MAPPER.readTree(call("GET", "/api/articles", "", null, editor()).body()).path("items").size() > 0) {
            return; // a kept data directory is seeded already
        }
        String first = create("create-statusuppdatering.json");
        String second = create("create-politiska-styrningen.json");
        // The second lists the first under "Läs mer", as an editor would link them.
        JsonNode article = Json.MAPPER.readTree(call("GET", "/api/articles/" + second, "", null, editor()).body());
        ((ObjectNode) article).putArray("related").add(first);
        expect(call("PUT", "/api/articles/" + second, "", article.toString(),
                Map.of("authorization", "Bearer " + token, "if-match", "\"1\"")), 200);

        String comment = comment(second, "198.51.100.1", "Karin i Torekov",
                "Bra att det utreds – äntligen.\n\nHur kan vi som medborgare följa arbetet?", null);
        approve(second, comment);
        // The newsroom answers as itself (issue 17): through the API, signed in, shown marked "Redaktionen".
        var reply = Json.MAPPER.createObjectNode().put("parentId", comment)
                .put("body", "Protokollen publiceras på https://www.bastad.se/protokoll.");
        expect(call("POST", "/api/articles/" + second + "/replies", "", reply.toString(), editor()), 201);
    }

    private String create(String file) throws IOException {
        JsonNode event = Json.MAPPER.readTree(Files.readString(articleEvents.resolve(file)));
        ApiGateway.Response r = expect(call("POST", "/api/articles", "", event.path("body").asText(), editor()), 201);
        return Json.MAPPER.readTree(r.body()).path("id").asText();
    }

    private String comment(String articleId, String ip, String author, String body, String parentId)
            throws IOException {
        var json = Json.MAPPER.createObjectNode().put("author", author).put("email",
                author.toLowerCase(Locale.ROOT).replace(' ', '.') + "@example.se").put("body", body);
        if (parentId != null) {
            json.put("parentId", parentId);
        }
        // As a reader's browser posts it: through CloudFront.
        ApiGateway.Response r = api.handle("POST", "/api/articles/" + articleId + "/comments", "",
                cloudFront.forViewer(Map.of("content-type", List.of("application/json")), ip, 50123),
                json.toString().getBytes(StandardCharsets.UTF_8), "130.176.0.1");
        return Json.MAPPER.readTree(expect(r, 202).body()).path("id").asText();
    }

    private void approve(String articleId, String commentId) {
        expect(call("PATCH", "/api/articles/" + articleId + "/comments/" + commentId, "", "{\"status\":\"approved\"}",
                editor()), 200);
    }

    private Map<String, String> editor() {
        return Map.of("authorization", "Bearer " + token);
    }

    private ApiGateway.Response call(String method, String path, String query, String body,
                                     Map<String, String> headers) {
        Map<String, List<String>> all = new HashMap<>();
        headers.forEach((k, v) -> all.put(k, List.of(v)));
        if (body != null) {
            all.put("content-type", List.of("application/json"));
        }
        return api.handle(method, path, query, all, body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8),
                "127.0.0.1");
    }

    private static ApiGateway.Response expect(ApiGateway.Response response, int status) {
        if (response.status() != status) {
            throw new IllegalStateException("Seeding got " + response.status() + ": "
                    + new String(response.body(), StandardCharsets.UTF_8));
        }
        return response;
    }
}
