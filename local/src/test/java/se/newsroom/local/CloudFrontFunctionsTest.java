package se.newsroom.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.newsroom.emulators.TemplateTable;
import se.newsroom.json.Json;

/**
 * The CDN's two CloudFront Functions, their real code taken from template.yaml, run in Node.js against sample viewer
 * events: the cases the local runner's LegacyAddresses passes (one list, so the two cannot drift), and render's
 * redirect objects turned into 301s. Skipped, saying so, where {@code node} is missing.
 */
class CloudFrontFunctionsTest {
    /** CloudFront Functions' limit on a function's code. */
    private static final int MAX_CODE_BYTES = 10 * 1024;
    /** Runs each event of a JSON array through the function's handler and prints the results as a JSON array. */
    private static final String DRIVER = """
            const fs = require('fs');
            const handler = new Function(fs.readFileSync(process.argv[2], 'utf8') + '\\nreturn handler;')();
            const events = JSON.parse(fs.readFileSync(process.argv[3], 'utf8'));
            process.stdout.write(JSON.stringify(events.map(e => handler(e))));
            """;

    @TempDir
    static Path work;

    @BeforeAll
    static void nodeIsThere() {
        boolean found;
        try {
            Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            found = p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            found = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            found = false;
        }
        if (!found) {
            System.out.println("CloudFrontFunctionsTest skipped: no `node` on this machine to run the functions in.");
        }
        assumeTrue(found, "no `node` on this machine to run template.yaml's CloudFront Functions in");
    }

    @Test
    void viewerRequest_shouldAnswerEveryCase_asTheLocalRunnerDoes() throws Exception {
        List<ViewerRequestCases.Case> cases = ViewerRequestCases.all();
        List<JsonNode> events = new ArrayList<>();
        for (ViewerRequestCases.Case c : cases) {
            events.add(Json.MAPPER.valueToTree(Map.of("version", "1.0",
                    "context", Map.of("eventType", "viewer-request"), "viewer", Map.of("ip", "192.0.2.1"),
                    "request", Map.of("method", "GET", "uri", c.uri(), "querystring", querystring(c.querystring()),
                            "headers", Map.of(), "cookies", Map.of()))));
        }

        JsonNode results = run("IndexDocumentFunction", events);

        for (int i = 0; i < cases.size(); i++) {
            ViewerRequestCases.Case c = cases.get(i);
            JsonNode result = results.get(i);
            if (c.location().isPresent()) {
                assertThat(result.path("statusCode").asInt()).as(c.toString()).isEqualTo(301);
                assertThat(result.path("headers").path("location").path("value").asText()).as(c.toString())
                        .isEqualTo(c.location().get());
            } else {
                assertThat(result.has("statusCode")).as(c + " goes on to the bucket").isFalse();
                assertThat(result.path("uri").asText()).as(c.toString()).isEqualTo(c.servedUri().orElseThrow());
            }
        }
    }

    @Test
    void viewerResponse_shouldTurnRendersRedirectObjectsInto301s_andPassEverythingElse() throws Exception {
        Map<String, Object> redirect = response(200, Map.of("x-amz-website-redirect-location",
                Map.of("value", "/nyheter/forskola-i-ljusdal/"), "content-type", Map.of("value", "text/html")));
        Map<String, Object> page = response(200, Map.of("content-type", Map.of("value", "text/html")));
        Map<String, Object> missing = response(404, Map.of());

        JsonNode results = run("RedirectFunction", List.of(Json.MAPPER.valueToTree(redirect),
                Json.MAPPER.valueToTree(page), Json.MAPPER.valueToTree(missing)));

        assertThat(results.get(0).path("statusCode").asInt()).isEqualTo(301);
        assertThat(results.get(0).path("headers").path("location").path("value").asText())
                .isEqualTo("/nyheter/forskola-i-ljusdal/");
        assertThat(results.get(1).path("statusCode").asInt()).isEqualTo(200);
        assertThat(results.get(1).path("headers").has("location")).isFalse();
        assertThat(results.get(2).path("statusCode").asInt()).isEqualTo(404);
    }

    @Test
    void eachFunction_shouldFitCloudFrontFunctionsSizeLimit() throws Exception {
        for (String name : List.of("IndexDocumentFunction", "RedirectFunction")) {
            assertThat(code(name).getBytes(StandardCharsets.UTF_8).length).as(name).isLessThan(MAX_CODE_BYTES);
        }
    }

    /** A viewer-response event with the origin's answer. */
    private static Map<String, Object> response(int status, Map<String, Object> headers) {
        return Map.of("version", "1.0", "context", Map.of("eventType", "viewer-response"),
                "viewer", Map.of("ip", "192.0.2.1"),
                "request", Map.of("method", "GET", "uri", "/2019/12/04/forskola-i-ljusdal/index.html",
                        "querystring", Map.of(), "headers", Map.of(), "cookies", Map.of()),
                "response", Map.of("statusCode", status, "statusDescription", "", "headers", headers,
                        "cookies", Map.of()));
    }

    /** A raw query as CloudFront gives it to a function: each name's first value, and all of them. */
    private static Map<String, Object> querystring(String raw) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (String pair : raw.isEmpty() ? new String[0] : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            values.computeIfAbsent(name, n -> new ArrayList<>()).add(eq < 0 ? "" : pair.substring(eq + 1));
        }
        Map<String, Object> query = new LinkedHashMap<>();
        values.forEach((name, all) -> query.put(name, all.size() == 1 ? Map.of("value", all.getFirst())
                : Map.of("value", all.getFirst(), "multiValue", all.stream().map(v -> Map.of("value", v)).toList())));
        return query;
    }

    private static String code(String function) throws IOException {
        JsonNode template = new ObjectMapper(new YAMLFactory()).readTree(TemplateTable.templatePath().toFile());
        JsonNode code = template.path("Resources").path(function).path("Properties").path("FunctionCode");
        assertThat(code.isTextual()).as(function + "'s FunctionCode in template.yaml").isTrue();
        return code.asText();
    }

    private static JsonNode run(String function, List<JsonNode> events) throws Exception {
        Path code = Files.writeString(work.resolve(function + ".js"), code(function));
        Path input = work.resolve(function + "-events.json");
        Json.MAPPER.writeValue(input.toFile(), events);
        Path driver = Files.writeString(work.resolve("driver.js"), DRIVER);
        Process node = new ProcessBuilder("node", driver.toString(), code.toString(), input.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        byte[] out = node.getInputStream().readAllBytes();
        assertThat(node.waitFor(60, TimeUnit.SECONDS)).as("node finished").isTrue();
        assertThat(node.exitValue()).as("node's exit status").isZero();
        JsonNode results = Json.MAPPER.readTree(out);
        assertThat(results.size()).isEqualTo(events.size());
        return results;
    }
}
