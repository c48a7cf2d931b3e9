package se.newsroom.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import se.newsroom.emulators.TemplateTable;
import se.newsroom.json.Json;

/**
 * The local runner's stand-in for Cognito's managed login over HTTP, as the desk uses it: the authorization code
 * flow with PKCE, the refresh grant and the logout redirect, and what each refuses.
 */
class LocalSignInIT {
    private static final String TOKEN = "sign-in-token";
    private static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk-with-more-entropy";
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private static LocalRunner runner;
    private static String base;
    private static String desk;

    @BeforeAll
    static void start() throws Exception {
        runner = new LocalRunner(new LocalRunner.Options(0, Optional.empty(), false, TOKEN,
                TemplateTable.templatePath().getParent()).withTokenLifetime(Duration.ofSeconds(120)));
        base = "http://localhost:" + runner.port();
        desk = base + "/redaktion/";
    }

    @AfterAll
    static void stop() throws Exception {
        runner.close();
    }

    @Test
    void theCodeFlowWithPkce_shouldSignInThroughTheLabelledLocalPage_andHandOutTheEditorToken() throws Exception {
        HttpResponse<String> page = get(authorize(desk, LocalSignIn.s256(VERIFIER), "tillstånd 1&2"));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("content-type")).contains("text/html; charset=utf-8");
        assertThat(page.body()).contains("Lokal inloggning – bara för utveckling på den här datorn",
                "<button type=\"submit\">Logga in som redaktör</button>", "<form method=\"post\" "
                        + "action=\"/oauth2/authorize\">").doesNotContain("<script", "style=");

        HttpResponse<String> back = post("/oauth2/authorize", formOf(page.body()));
        assertThat(back.statusCode()).isEqualTo(302);
        String location = back.headers().firstValue("location").orElseThrow();
        assertThat(location).startsWith(desk + "?code=").endsWith("&state="
                + URLEncoder.encode("tillstånd 1&2", StandardCharsets.UTF_8));

        HttpResponse<String> tokens = post("/oauth2/token", exchange(code(location), desk, VERIFIER));
        assertThat(tokens.statusCode()).isEqualTo(200);
        JsonNode json = Json.MAPPER.readTree(tokens.body());
        assertThat(json.path("id_token").asText()).isEqualTo(TOKEN);
        assertThat(json.path("access_token").asText()).isEqualTo(TOKEN);
        assertThat(json.path("expires_in").asInt()).isEqualTo(120);
        assertThat(json.path("token_type").asText()).isEqualTo("Bearer");
        assertThat(json.path("refresh_token").asText()).isNotBlank();
        assertThat(tokens.headers().firstValue("cache-control")).contains("no-store");
        HttpResponse<String> list = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/articles"))
                .header("Authorization", "Bearer " + json.path("id_token").asText()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(list.statusCode()).isEqualTo(200);

        HttpResponse<String> refreshed = post("/oauth2/token", Map.of("grant_type", "refresh_token",
                "client_id", LocalSignIn.CLIENT_ID, "refresh_token", json.path("refresh_token").asText()));
        assertThat(refreshed.statusCode()).isEqualTo(200);
        JsonNode again = Json.MAPPER.readTree(refreshed.body());
        assertThat(again.path("id_token").asText()).isEqualTo(TOKEN);
        assertThat(again.path("expires_in").asInt()).isEqualTo(120);
        assertThat(again.has("refresh_token")).isFalse();
    }

    @Test
    void choosingARole_shouldHandOutThatRolesToken_whichTheApiTakesForThatRoleAlone() throws Exception {
        HttpResponse<String> page = get(authorize(desk, LocalSignIn.s256(VERIFIER), "s"));
        assertThat(page.body()).contains("<label for=\"roll\">Roll</label>", "<option value=\"editors\" selected>",
                "<option value=\"writers\">Skribent</option>", "<option value=\"publishers\">Publicerare</option>",
                "<option value=\"moderators\">Moderator</option>", "<option value=\"admins\">Administratör</option>");
        Map<String, String> form = new LinkedHashMap<>(formOf(page.body()));
        form.put("role", "writers");

        String location = post("/oauth2/authorize", form).headers().firstValue("location").orElseThrow();
        JsonNode tokens = Json.MAPPER.readTree(post("/oauth2/token", exchange(code(location), desk, VERIFIER)).body());

        assertThat(tokens.path("id_token").asText()).isEqualTo(TOKEN + ".writers");
        HttpResponse<String> delete = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/media/x")).DELETE()
                .header("Authorization", "Bearer " + tokens.path("id_token").asText()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(delete.statusCode()).isEqualTo(403);
        assertThat(Json.MAPPER.readTree(delete.body()).path("requiredRole").asText()).isEqualTo("publishers");
        JsonNode refreshed = Json.MAPPER.readTree(post("/oauth2/token", Map.of("grant_type", "refresh_token",
                "client_id", LocalSignIn.CLIENT_ID, "refresh_token", tokens.path("refresh_token").asText())).body());
        assertThat(refreshed.path("id_token").asText()).isEqualTo(TOKEN + ".writers");
    }

    @Test
    void aWrongVerifier_shouldBeRefused_andSpendTheCode() throws Exception {
        String code = signIn(LocalSignIn.s256(VERIFIER));

        HttpResponse<String> wrong = post("/oauth2/token", exchange(code, desk, VERIFIER + "x"));
        HttpResponse<String> right = post("/oauth2/token", exchange(code, desk, VERIFIER));

        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(Json.MAPPER.readTree(wrong.body()).path("error").asText()).isEqualTo("invalid_grant");
        assertThat(wrong.body()).doesNotContain(TOKEN);
        assertThat(right.statusCode()).isEqualTo(400);
    }

    @Test
    void aCode_shouldBeExchangedOnlyOnce() throws Exception {
        String code = signIn(LocalSignIn.s256(VERIFIER));

        HttpResponse<String> first = post("/oauth2/token", exchange(code, desk, VERIFIER));
        HttpResponse<String> second = post("/oauth2/token", exchange(code, desk, VERIFIER));

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(second.statusCode()).isEqualTo(400);
        assertThat(Json.MAPPER.readTree(second.body()).path("error").asText()).isEqualTo("invalid_grant");
    }

    @Test
    void aForeignRedirectUri_shouldBeRefusedOnThePage_withoutARedirect() throws Exception {
        for (String foreign : new String[] {"https://evil.example/redaktion/", base + "/", base + "/redaktion/x",
                "http://127.0.0.2:" + runner.port() + "/redaktion/"}) {
            HttpResponse<String> page = get(authorize(foreign, LocalSignIn.s256(VERIFIER), "s"));

            assertThat(page.statusCode()).as(foreign).isEqualTo(400);
            assertThat(page.headers().firstValue("location")).as(foreign).isEmpty();
            assertThat(page.body()).as(foreign).contains("Inloggningen kan inte börja")
                    .doesNotContain("Logga in som redaktör", "evil");
        }
        // A code handed to /redaktion/ is not exchanged for another redirect_uri either.
        String code = signIn(LocalSignIn.s256(VERIFIER));
        assertThat(post("/oauth2/token", exchange(code, "https://evil.example/redaktion/", VERIFIER)).statusCode())
                .isEqualTo(400);
    }

    @Test
    void anAuthorizeRequestWithoutPkceS256_shouldBeRefused() throws Exception {
        String plain = "/oauth2/authorize?response_type=code&client_id=local-desk&redirect_uri="
                + enc(desk) + "&code_challenge=" + enc(VERIFIER.substring(0, 43)) + "&code_challenge_method=plain";

        assertThat(get(plain).statusCode()).isEqualTo(400);
        assertThat(get(plain.replace("&code_challenge_method=plain", "")).statusCode()).isEqualTo(400);
        assertThat(get(authorize(desk, LocalSignIn.s256(VERIFIER), "s").replace("client_id=local-desk",
                "client_id=other")).statusCode()).isEqualTo(400);
    }

    @Test
    void anUnknownRefreshToken_orGrantType_shouldBeRefused() throws Exception {
        HttpResponse<String> refresh = post("/oauth2/token", Map.of("grant_type", "refresh_token", "client_id",
                LocalSignIn.CLIENT_ID, "refresh_token", "made-up"));
        HttpResponse<String> password = post("/oauth2/token", Map.of("grant_type", "password", "client_id",
                LocalSignIn.CLIENT_ID, "username", "x", "password", "y"));

        assertThat(refresh.statusCode()).isEqualTo(400);
        assertThat(Json.MAPPER.readTree(refresh.body()).path("error").asText()).isEqualTo("invalid_grant");
        assertThat(password.statusCode()).isEqualTo(400);
        assertThat(password.body()).doesNotContain(TOKEN);
    }

    @Test
    void logout_shouldRedirectToTheDesk_andNowhereElse() throws Exception {
        HttpResponse<String> out = get("/logout?client_id=local-desk&logout_uri=" + enc(desk));
        HttpResponse<String> foreign = get("/logout?client_id=local-desk&logout_uri="
                + enc("https://evil.example/redaktion/"));

        assertThat(out.statusCode()).isEqualTo(302);
        assertThat(out.headers().firstValue("location")).contains(desk);
        assertThat(foreign.statusCode()).isEqualTo(400);
        assertThat(foreign.headers().firstValue("location")).isEmpty();
    }

    /** Signs in through the page; the code handed to the desk. */
    private static String signIn(String challenge) throws Exception {
        HttpResponse<String> page = get(authorize(desk, challenge, "s"));
        return code(post("/oauth2/authorize", formOf(page.body())).headers().firstValue("location").orElseThrow());
    }

    private static String authorize(String redirectUri, String challenge, String state) {
        return "/oauth2/authorize?response_type=code&client_id=local-desk&redirect_uri=" + enc(redirectUri)
                + "&scope=" + enc("openid email profile") + "&state=" + enc(state) + "&code_challenge="
                + enc(challenge) + "&code_challenge_method=S256";
    }

    private static Map<String, String> exchange(String code, String redirectUri, String verifier) {
        return Map.of("grant_type", "authorization_code", "client_id", LocalSignIn.CLIENT_ID, "code", code,
                "redirect_uri", redirectUri, "code_verifier", verifier);
    }

    /** The hidden fields of the page's form, as the browser would post them. */
    private static Map<String, String> formOf(String html) {
        Matcher m = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">").matcher(html);
        Map<String, String> fields = new LinkedHashMap<>();
        while (m.find()) {
            fields.put(m.group(1), m.group(2));
        }
        assertThat(fields).isNotEmpty();
        return fields;
    }

    private static String code(String location) {
        Matcher m = Pattern.compile("[?&]code=([^&]+)").matcher(location);
        assertThat(m.find()).as(location).isTrue();
        return m.group(1);
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String path, Map<String, String> form) throws Exception {
        String body = form.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
