package se.newsroom.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import se.newsroom.json.Json;

/**
 * The one list of requests and what the edge answers to each ({@code cloudfront/viewer-request-cases.json}), run
 * against the CDN's viewer-request function (CloudFrontFunctionsTest, in Node.js) and the local runner's
 * {@link LegacyAddresses} (LegacyAddressesTest), so the two cannot drift.
 */
final class ViewerRequestCases {
    private ViewerRequestCases() {
    }

    /**
     * One case: a request and what it gets.
     *
     * @param uri         the request's path, percent-encoded as a browser sends it
     * @param querystring its raw query, empty when none
     * @param location    where a 301 sends it; empty when the request goes on to the bucket
     * @param servedUri   the path the bucket is asked for, when it goes on
     */
    record Case(String uri, String querystring, Optional<String> location, Optional<String> servedUri) {
        @Override
        public String toString() {
            return uri + (querystring.isEmpty() ? "" : "?" + querystring);
        }
    }

    static List<Case> all() {
        try (InputStream in = ViewerRequestCases.class.getResourceAsStream("/cloudfront/viewer-request-cases.json")) {
            List<Case> cases = new ArrayList<>();
            for (JsonNode c : Json.MAPPER.readTree(in)) {
                JsonNode expected = c.path("expected");
                cases.add(new Case(c.path("request").path("uri").asText(),
                        c.path("request").path("querystring").asText(),
                        Optional.ofNullable(expected.path("location").textValue()),
                        Optional.ofNullable(expected.path("uri").textValue())));
            }
            return cases;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
