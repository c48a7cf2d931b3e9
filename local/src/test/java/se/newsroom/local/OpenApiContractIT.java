package se.newsroom.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import se.newsroom.emulators.TemplateTable;
import se.newsroom.json.Json;

/**
 * openapi.yaml and the handlers agree: the routes are the template's, every answer the handlers give to a set of
 * requests covering each operation is a status the spec declares with a body its schema accepts, and requests
 * the spec forbids are refused.
 */
class OpenApiContractIT {
    private static final String TOKEN = "contract-token";
    private static JsonNode spec;
    private static LocalRunner runner;
    private static final List<String> CHECKED = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        Path root = TemplateTable.templatePath().getParent();
        spec = new ObjectMapper(new YAMLFactory()).readTree(root.resolve("openapi.yaml").toFile());
        runner = new LocalRunner(new LocalRunner.Options(0, Optional.empty(), false, TOKEN, root));
    }

    @AfterAll
    static void stop() throws Exception {
        runner.close();
    }

    @Test
    void theSpecsOperations_shouldBeExactlyTheTemplatesRoutes() {
        Set<String> documented = new TreeSet<>();
        spec.path("paths").properties().forEach(p -> p.getValue().properties().forEach(op -> {
            if (!op.getKey().equals("parameters")) {
                documented.add(op.getKey().toUpperCase(Locale.ROOT) + " " + p.getKey());
            }
        }));
        Set<String> routed = new TreeSet<>();
        new TemplateModel(TemplateTable.templatePath()).routes().forEach(r -> routed.add(r.routeKey()));

        assertThat(documented).isEqualTo(routed);
    }

    @Test
    void everyAnswer_shouldBeDeclared_andMatchItsSchema() {
        String article = json(call("POST", "/api/articles", "{\"title\": \"Kontrakt – å, ä, ö\", \"body\": \"Text\", "
                + "\"status\": \"published\"}", true, null), 201).path("id").asText();
        call("POST", "/api/articles", "{\"title\": \"Trasig\"", true, null);
        call("POST", "/api/articles", "{\"title\": \"\"}", true, null);
        call("POST", "/api/articles", "{\"title\": \"x\"}", false, null);
        call("GET", "/api/articles", null, true, null);
        call("GET", "/api/articles?status=published&limit=1", null, true, null);
        call("GET", "/api/articles?limit=0", null, true, null);
        call("GET", "/api/articles?q=KONTRAKT%20%E2%80%93%20a&status=published", null, true, null);
        call("GET", "/api/articles?q=" + "x".repeat(201), null, true, null);
        call("GET", "/api/categories", null, true, null);
        call("GET", "/api/categories", null, false, null);
        call("POST", "/api/previews", "{\"id\": \"" + article + "\", \"title\": \"Kontrakt – å, ä, ö\", "
                + "\"body\": \"Text\", \"status\": \"published\"}", true, null);
        call("POST", "/api/previews", "{\"title\": \"Utkast utan brödtext\"}", true, null);
        call("POST", "/api/previews", "{\"title\": \"\", \"status\": \"published\"}", true, null);
        call("POST", "/api/previews", "{\"title\": \"x\", \"id\": \"01E0000000000000000000000Z\"}", true, null);
        call("POST", "/api/previews", "{\"title\": \"x\", \"rubrik\": \"y\"}", true, null);
        call("POST", "/api/previews", "{\"title\": \"x\"}", false, null);
        call("GET", "/api/articles/" + article, null, true, null);
        call("GET", "/api/articles/01E0000000000000000000000Z", null, true, null);
        call("PUT", "/api/articles/" + article, "{\"title\": \"Ny\", \"body\": \"Text\", \"status\": \"published\"}",
                true, null);
        call("PUT", "/api/articles/" + article, "{\"title\": \"\"}", true, "\"1\"");
        call("PUT", "/api/articles/" + article, "{\"title\": \"Ny\", \"body\": \"Text\", \"status\": \"published\"}",
                true, "\"1\"");
        call("PUT", "/api/articles/" + article, "{\"title\": \"Ny\", \"body\": \"Text\", \"status\": \"published\"}",
                true, "\"1\"");
        revisionsAndAudit(article);
        String comment = json(call("POST", "/api/articles/" + article + "/comments", "{\"author\": \"Åsa\", "
                + "\"email\": \"asa@example.se\", \"body\": \"Hej\"}", false, null), 202).path("id").asText();
        call("POST", "/api/articles/" + article + "/comments", "{\"author\": \"Åsa\", \"email\": \"asa@example.se\", "
                + "\"body\": \"Igen\"}", false, null);
        call("POST", "/api/articles/" + article + "/comments", "{\"author\": \"\"}", false, null);
        call("GET", "/api/comments", null, true, null);
        call("GET", "/api/comments?status=approved", null, true, null);
        call("PATCH", "/api/articles/" + article + "/comments/" + comment, "{\"status\": \"approved\"}", true, null);
        call("PATCH", "/api/articles/" + article + "/comments/" + comment, "{\"status\": \"klar\"}", true, null);
        call("POST", "/api/comments/erasures", "{\"email\": \"asa@example.se\"}", true, null);
        call("POST", "/api/comments/erasures", "{\"email\": \"\"}", true, null);
        String picture = json(call("POST", "/api/media", "{\"fileName\": \"möte.jpg\", \"contentType\": "
                + "\"image/jpeg\", \"size\": 1000}", true, null), 201).path("media").path("id").asText();
        call("POST", "/api/media", "{\"fileName\": \"x.pdf\", \"contentType\": \"application/pdf\", "
                + "\"size\": 1000}", true, null);
        call("POST", "/api/media", "{\"fileName\": \"x.jpg\"", true, null);
        call("POST", "/api/media", "{}", false, null);
        call("GET", "/api/media?limit=10", null, true, null);
        call("GET", "/api/media?cursor=inte", null, true, null);
        call("GET", "/api/media/" + picture, null, true, null);
        call("GET", "/api/media/01E0000000000000000000000Z", null, true, null);
        call("PATCH", "/api/media/" + picture, "{\"alt\": \"Fullmäktige sammanträder\", \"credit\": \"Anna\"}",
                true, null);
        call("PATCH", "/api/media/" + picture, "{\"caption\": \"" + "x".repeat(501) + "\"}", true, null);
        call("POST", "/api/articles", "{\"title\": \"Med bild\", \"body\": \"Text\", \"status\": \"published\", "
                + "\"image\": {\"mediaId\": \"" + picture + "\", \"alt\": \"Fullmäktige\"}}", true, null);
        String illustrated = json(call("POST", "/api/articles", "{\"title\": \"Utkast med bild\", \"image\": "
                + "{\"mediaId\": \"" + picture + "\", \"alt\": \"Fullmäktige\", \"caption\": \"I kväll\"}}", true,
                null), 201).path("id").asText();
        call("DELETE", "/api/media/" + picture, null, true, null);
        call("DELETE", "/api/articles/" + illustrated, null, true, null);
        call("DELETE", "/api/media/" + picture, null, true, null);
        call("DELETE", "/api/media/" + picture, null, true, null);
        call("DELETE", "/api/articles/" + article + "/comments/" + comment, null, true, null);
        call("DELETE", "/api/articles/" + article, null, true, null);
        call("DELETE", "/api/articles/" + article, null, true, null);

        assertThat(CHECKED).hasSizeGreaterThanOrEqualTo(24)
                .contains("POST /api/articles 201", "POST /api/articles 400", "POST /api/articles 422",
                        "POST /api/articles 401", "PUT /api/articles/{id} 428", "PUT /api/articles/{id} 412",
                        "POST /api/articles/{id}/comments 429", "DELETE /api/articles/{id} 404",
                        "GET /api/categories 200", "POST /api/previews 200", "POST /api/previews 422",
                        "POST /api/previews 404", "POST /api/previews 401", "GET /api/comments 200",
                        "POST /api/media 201", "POST /api/media 422", "POST /api/media 400", "POST /api/media 401",
                        "GET /api/media 200", "GET /api/media 400", "GET /api/media/{id} 200",
                        "GET /api/media/{id} 404",
                        "PATCH /api/media/{id} 200", "PATCH /api/media/{id} 422", "DELETE /api/media/{id} 409",
                        "DELETE /api/media/{id} 204", "DELETE /api/media/{id} 404");
    }

    /** Issue 17, part E: the newsroom's own replies and the privacy notice. */
    @Test
    void staffRepliesAndThePrivacyNotice_shouldAnswerAsDeclared() {
        String article = json(call("POST", "/api/articles", "{\"title\": \"Svar från redaktionen\", "
                + "\"body\": \"Text\", \"status\": \"published\"}", true, null), 201).path("id").asText();
        String reply = json(call("POST", "/api/articles/" + article + "/replies", "{\"body\": \"Vi svarar – här.\"}",
                true, null), 201).path("id").asText();
        call("POST", "/api/articles/" + article + "/replies", "{\"parentId\": \"" + reply + "\", \"body\": \"\"}",
                true, null);
        call("POST", "/api/articles/" + article + "/replies", "{\"body\": \"x\", \"staff\": true}", true, null);
        call("POST", "/api/articles/01E0000000000000000000000Z/replies", "{\"body\": \"x\"}", true, null);
        call("POST", "/api/articles/" + article + "/replies", "{\"body\": \"x\"}", false, null);
        String version = json(call("GET", "/api/privacy-notice", null, true, null), 200).path("version").asText();
        call("PUT", "/api/privacy-notice", "{\"markdown\": \"## Vad vi sparar\\n\\nNamn och text.\"}", true,
                "\"" + version + "\"");
        call("PUT", "/api/privacy-notice", "{\"markdown\": \"Gammal\"}", true, "\"" + version + "\"");
        call("PUT", "/api/privacy-notice", "{\"markdown\": \"\"}", true, "\"" + (Long.parseLong(version) + 1)
                + "\"");
        call("PUT", "/api/privacy-notice", "{\"markdown\": \"Utan version\"}", true, null);
        call("GET", "/api/privacy-notice", null, false, null);

        assertThat(CHECKED).contains("POST /api/articles/{id}/replies 201", "POST /api/articles/{id}/replies 422",
                "POST /api/articles/{id}/replies 400", "POST /api/articles/{id}/replies 404",
                "POST /api/articles/{id}/replies 401", "GET /api/privacy-notice 200", "PUT /api/privacy-notice 200",
                "PUT /api/privacy-notice 412", "PUT /api/privacy-notice 422", "PUT /api/privacy-notice 428",
                "GET /api/privacy-notice 401");
    }

    /** The revisions' and the audit log's routes (issue 17), on an article at version 2. */
    private static void revisionsAndAudit(String article) {
        String revisions = "/api/articles/" + article + "/revisions";
        call("GET", revisions, null, true, null);
        call("GET", revisions + "?cursor=inte", null, true, null);
        call("GET", revisions, null, false, null);
        call("GET", revisions + "/2", null, true, null);
        call("GET", revisions + "/2?against=1", null, true, null);
        call("GET", revisions + "/2?against=noll", null, true, null);
        call("GET", revisions + "/99", null, true, null);
        call("POST", revisions + "/1/restore", null, true, null);
        call("POST", revisions + "/1/restore", null, true, "\"9\"");
        call("POST", revisions + "/99/restore", null, true, "\"2\"");
        call("POST", revisions + "/1/restore", null, true, "\"2\"");
        call("GET", "/api/audit?articleId=" + article, null, true, null);
        call("GET", "/api/audit?editor=nobody&limit=1", null, true, null);
        call("GET", "/api/audit", null, true, null);
        assertThat(CHECKED).contains("GET /api/articles/{id}/revisions 200", "GET /api/articles/{id}/revisions 400",
                "GET /api/articles/{id}/revisions/{version} 200", "GET /api/articles/{id}/revisions/{version} 404",
                "POST /api/articles/{id}/revisions/{version}/restore 200",
                "POST /api/articles/{id}/revisions/{version}/restore 412",
                "POST /api/articles/{id}/revisions/{version}/restore 428", "GET /api/audit 200",
                "GET /api/audit 400");
    }

    @Test
    void requestsTheSpecForbids_shouldBeRefused() {
        // additionalProperties: false, a required field missing, a value of the wrong type, an enum violated
        assertThat(call("POST", "/api/articles", "{\"title\": \"x\", \"rubrik\": \"y\"}", true, null).status())
                .isEqualTo(400);
        assertThat(call("POST", "/api/articles", "{\"body\": \"x\"}", true, null).status()).isEqualTo(422);
        assertThat(call("POST", "/api/articles", "{\"title\": 5}", true, null).status()).isEqualTo(422);
        assertThat(call("POST", "/api/articles", "{\"title\": \"x\", \"status\": \"live\"}", true, null).status())
                .isEqualTo(422);
        assertThat(call("GET", "/api/articles?status=live", null, true, null).status()).isEqualTo(400);
    }

    /** Sends a request and checks the answer against the operation it matched in the spec. */
    private static ApiGateway.Response call(String method, String pathAndQuery, String body, boolean editor,
                                            String ifMatch) {
        String path = pathAndQuery.split("\\?")[0];
        String query = pathAndQuery.contains("?") ? pathAndQuery.split("\\?", 2)[1] : "";
        Map<String, List<String>> headers = new HashMap<>();
        if (body != null) {
            headers.put("content-type", List.of("application/json"));
        }
        if (editor) {
            // The audit log and saving the privacy notice are administrators' (RouteRoles); the runner's own token
            // is the old all-round editor's, and the admins' is it with ".admins" after it (LocalSignInRoles).
            boolean adminsOnly = path.equals("/api/audit")
                    || method.equals("PUT") && path.equals("/api/privacy-notice");
            headers.put("authorization", List.of("Bearer " + TOKEN + (adminsOnly ? ".admins" : "")));
        }
        if (ifMatch != null) {
            headers.put("if-match", List.of(ifMatch));
        }
        // Through the local CloudFront, as every client reaches the API.
        ApiGateway.Response response = runner.api().handle(method, path, query,
                runner.cloudFront().forViewer(headers, "192.0.2.55", 50123),
                body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8), "130.176.0.1");
        String template = template(path);
        JsonNode operation = spec.path("paths").path(template).path(method.toLowerCase(Locale.ROOT));
        assertThat(operation.isMissingNode()).as(method + " " + template + " is in the spec").isFalse();
        JsonNode declared = resolve(operation.path("responses").path(Integer.toString(response.status())));
        assertThat(declared.isMissingNode()).as(method + " " + template + " declares " + response.status() + ": "
                + new String(response.body(), StandardCharsets.UTF_8)).isFalse();
        String type = response.headers().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("content-type"))
                .map(Map.Entry::getValue).findFirst().orElse("").split(";")[0].strip();
        if (response.body().length > 0) {
            JsonNode media = declared.path("content").path(type);
            assertThat(media.isMissingNode()).as(method + " " + template + " " + response.status() + " declares "
                    + type).isFalse();
            if (type.endsWith("json")) {
                JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4)
                        .getSchema(inline(media.path("schema")));
                Set<ValidationMessage> errors = schema.validate(json(response, response.status()));
                assertThat(errors).as(method + " " + template + " " + response.status()).isEmpty();
            }
        }
        CHECKED.add(method + " " + template + " " + response.status());
        return response;
    }

    private static JsonNode json(ApiGateway.Response response, int status) {
        assertThat(response.status()).isEqualTo(status);
        try {
            return Json.MAPPER.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static String template(String path) {
        for (Iterator<String> it = spec.path("paths").fieldNames(); it.hasNext(); ) {
            String candidate = it.next();
            if (path.matches(candidate.replaceAll("\\{[^}]+}", "[^/]+"))) {
                return candidate;
            }
        }
        return path;
    }

    private static JsonNode resolve(JsonNode node) {
        if (node.has("$ref")) {
            JsonNode target = spec;
            for (String part : node.get("$ref").asText().substring(2).split("/")) {
                target = target.path(part);
            }
            return target;
        }
        return node;
    }

    /** The schema with every $ref replaced by what it names (the spec has no cycles). */
    private static JsonNode inline(JsonNode schema) {
        JsonNode resolved = resolve(schema).deepCopy();
        if (resolved instanceof ObjectNode object) {
            object.properties().forEach(e -> object.set(e.getKey(), inline(e.getValue())));
        } else if (resolved.isArray()) {
            for (int i = 0; i < resolved.size(); i++) {
                ((ArrayNode) resolved).set(i, inline(resolved.get(i)));
            }
        }
        return resolved;
    }
}
