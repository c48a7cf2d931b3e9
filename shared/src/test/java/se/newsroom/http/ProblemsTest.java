package se.newsroom.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import se.newsroom.error.FieldError;
import se.newsroom.error.ForbiddenException;
import se.newsroom.error.InvalidCursorException;
import se.newsroom.error.InvalidInputException;
import se.newsroom.error.UnauthorizedException;
import se.newsroom.json.Json;

/** Problem responses (RFC 9457) as a client reads them. */
class ProblemsTest {

    @Test
    void response_shouldBe403NamingTheRoleInSwedish_andCarryRequiredRole_whenARoleIsMissing() throws Exception {
        APIGatewayV2HTTPResponse response = Problems.response(Role.PUBLISHER.missing(), Optional.of("req-2"));

        assertThat(response.getStatusCode()).isEqualTo(403);
        JsonNode body = Json.MAPPER.readTree(response.getBody());
        assertThat(body.path("title").asText()).isEqualTo("Forbidden");
        assertThat(body.path("detail").asText()).isEqualTo("Det här kräver rollen Publicerare (gruppen publishers).");
        assertThat(body.path("requiredRole").asText()).isEqualTo("publishers");
    }

    @Test
    void response_shouldCarryNoRequiredRole_forAnyOtherProblem() throws Exception {
        JsonNode body = Json.MAPPER.readTree(Problems.response(new ForbiddenException("Nej."),
                Optional.empty()).getBody());

        assertThat(body.path("status").asInt()).isEqualTo(403);
        assertThat(body.has("requiredRole")).isFalse();
    }

    @Test
    void response_shouldCarryStatusTitleDetailAndFieldErrors_asProblemJson() throws Exception {
        InvalidInputException e = new InvalidInputException("The article has 1 problem; see errors.",
                List.of(new FieldError("title", "is required")));

        APIGatewayV2HTTPResponse response = Problems.response(e, Optional.of("req-1"));

        assertThat(response.getStatusCode()).isEqualTo(422);
        assertThat(response.getHeaders()).containsEntry("Content-Type", "application/problem+json");
        JsonNode body = Json.MAPPER.readTree(response.getBody());
        assertThat(body.path("type").asText()).isEqualTo("about:blank");
        assertThat(body.path("title").asText()).isEqualTo("Unprocessable Content");
        assertThat(body.path("status").asInt()).isEqualTo(422);
        assertThat(body.path("detail").asText()).isEqualTo("The article has 1 problem; see errors.");
        assertThat(body.path("errors").get(0).path("field").asText()).isEqualTo("title");
        assertThat(body.path("errors").get(0).path("message").asText()).isEqualTo("is required");
        assertThat(body.path("requestId").asText()).isEqualTo("req-1");
    }

    @Test
    void response_shouldChallengeForABearerToken_whenUnauthorized() {
        APIGatewayV2HTTPResponse response = Problems.response(new UnauthorizedException("Sign in."), Optional.empty());

        assertThat(response.getStatusCode()).isEqualTo(401);
        assertThat(response.getHeaders()).containsEntry("WWW-Authenticate", "Bearer");
        assertThat(response.getBody()).doesNotContain("errors").doesNotContain("requestId");
    }

    @Test
    void response_shouldAnswer400NamingTheCursor_whenAListingIsGivenACursorItDidNotMake() throws Exception {
        APIGatewayV2HTTPResponse response = Problems.response(new InvalidCursorException(), Optional.empty());

        assertThat(response.getStatusCode()).isEqualTo(400);
        JsonNode body = Json.MAPPER.readTree(response.getBody());
        assertThat(body.path("detail").asText()).contains("start again without it");
        assertThat(body.path("errors").get(0).path("field").asText()).isEqualTo("cursor");
    }

    @Test
    void unexpected_shouldSayNothingAboutTheFault() throws Exception {
        APIGatewayV2HTTPResponse response = Problems.unexpected(Optional.of("req-2"));

        JsonNode body = Json.MAPPER.readTree(response.getBody());
        assertThat(response.getStatusCode()).isEqualTo(500);
        assertThat(body.path("detail").asText()).contains("nothing was changed").doesNotContain("Exception");
        assertThat(body.path("requestId").asText()).isEqualTo("req-2");
    }
}
