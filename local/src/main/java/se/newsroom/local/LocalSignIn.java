package se.newsroom.local;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.core.JsonProcessingException;

import se.newsroom.http.ApiRequest;
import se.newsroom.json.Json;

/**
 * The local stand-in for Cognito's managed login, so the desk has one code path deployed and locally: OAuth 2.0's
 * authorization code flow with PKCE (S256) for the public client {@value #CLIENT_ID}, at the three addresses the
 * user pool domain answers ({@code /oauth2/authorize}, {@code /oauth2/token}, {@code /logout}). Signing in is a
 * choice of role ("Roll") and one button, on a page that says it is for local development only; the ID token handed
 * out is the token of that role's member ({@link LocalSignInRoles}), by default the runner's editor token, the old
 * all-round editor. Redirects go only to this origin's {@value #DESK_PATH}.
 */
final class LocalSignIn {
    static final String CLIENT_ID = "local-desk";
    static final String DESK_PATH = "/redaktion/";
    /** How long a code may wait for its exchange; Cognito's are valid for five minutes. */
    static final Duration CODE_LIFETIME = Duration.ofMinutes(5);
    /** How long an authorization request may wait on the sign-in page for its button. */
    static final Duration REQUEST_LIFETIME = Duration.ofMinutes(30);

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Map<String, String> HTML = Map.of("content-type", "text/html; charset=utf-8",
            "cache-control", "no-store");

    /** An authorization request waiting on the sign-in page. */
    private record Pending(String redirectUri, Optional<String> state, String challenge, Instant expires) {
    }

    /** A code handed out and not yet exchanged. */
    private record Grant(String redirectUri, String challenge, LocalSignInRoles role, Instant expires) {
    }

    private final String editorToken;
    private final Duration tokenLifetime;
    private final Clock clock;
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final Map<String, Grant> codes = new ConcurrentHashMap<>();
    private final Map<String, LocalSignInRoles> refreshTokens = new ConcurrentHashMap<>();

    LocalSignIn(String editorToken, Duration tokenLifetime, Clock clock) {
        this.editorToken = editorToken;
        this.tokenLifetime = tokenLifetime;
        this.clock = clock;
    }

    /** Whether {@code path} is one of the addresses answered here. */
    static boolean serves(String path) {
        return path.equals("/oauth2/authorize") || path.equals("/oauth2/token") || path.equals("/logout");
    }

    /**
     * Answers one request; {@code origin} is the scheme, host and port the browser asked (its Host header), which
     * the redirect and logout addresses must name.
     */
    ApiGateway.Response handle(String method, String path, String rawQuery, byte[] body, String origin) {
        Map<String, String> query = form(rawQuery == null ? "" : rawQuery);
        String desk = origin + DESK_PATH;
        return switch (method + " " + path) {
            case "GET /oauth2/authorize" -> authorizePage(query, desk);
            case "POST /oauth2/authorize" -> signIn(form(new String(body, StandardCharsets.UTF_8)));
            case "POST /oauth2/token" -> token(form(new String(body, StandardCharsets.UTF_8)), desk);
            case "GET /logout" -> logout(query, desk);
            default -> new ApiGateway.Response(405, Map.of("allow", path.equals("/oauth2/token") ? "POST"
                    : path.equals("/logout") ? "GET" : "GET, POST"), new byte[0]);
        };
    }

    private ApiGateway.Response authorizePage(Map<String, String> query, String desk) {
        if (!CLIENT_ID.equals(query.get("client_id")) || !desk.equals(query.get("redirect_uri"))) {
            // Never redirect to an address not registered for the client (RFC 6749, 4.1.2.1): say so here.
            return textPage(400, "Inloggningen kan inte börja",
                    "Okänd klient eller en adress att gå tillbaka till som inte är redaktionens (" + DESK_PATH + ").");
        }
        String challenge = query.getOrDefault("code_challenge", "");
        if (!"code".equals(query.get("response_type")) || !"S256".equals(query.get("code_challenge_method"))
                || !challenge.matches("[A-Za-z0-9_-]{43}")) {
            return textPage(400, "Inloggningen kan inte börja",
                    "Begäran saknar response_type=code eller en PKCE-utmaning med metoden S256.");
        }
        purge();
        String id = random();
        pending.put(id, new Pending(desk, Optional.ofNullable(query.get("state")), challenge,
                clock.instant().plus(REQUEST_LIFETIME)));
        // The page holds nothing the request brought, only its own random id: nothing to escape.
        return page(200, "Lokal inloggning – bara för utveckling på den här datorn", """
                <p>Den här sidan finns bara när Newsroom körs lokalt (<code>local/run</code>). Den ersätter
                Cognitos inloggning: knappen loggar in dig utan lösenord, med den roll du väljer.</p>
                <form method="post" action="/oauth2/authorize">
                <input type="hidden" name="request" value="%s">
                <p><label for="roll">Roll</label>
                <select id="roll" name="role">
                %s</select></p>
                <button type="submit">Logga in som redaktör</button>
                </form>
                """.formatted(id, roleOptions()));
    }

    private ApiGateway.Response signIn(Map<String, String> form) {
        Pending request = pending.remove(form.getOrDefault("request", ""));
        if (request == null || request.expires().isBefore(clock.instant())) {
            return textPage(400, "Inloggningen har gått ut", "Gå tillbaka till redaktionen och logga in igen.");
        }
        String code = random();
        codes.put(code, new Grant(request.redirectUri(), request.challenge(),
                LocalSignInRoles.ofGroup(form.getOrDefault("role", "")), clock.instant().plus(CODE_LIFETIME)));
        String location = request.redirectUri() + "?code=" + code
                + request.state().map(s -> "&state=" + URLEncoder.encode(s, StandardCharsets.UTF_8)).orElse("");
        return new ApiGateway.Response(302, Map.of("location", location, "cache-control", "no-store"), new byte[0]);
    }

    private ApiGateway.Response token(Map<String, String> form, String desk) {
        if (!CLIENT_ID.equals(form.get("client_id"))) {
            return error(400, "invalid_client");
        }
        String grantType = form.getOrDefault("grant_type", "");
        Map<String, Object> tokens = new LinkedHashMap<>();
        LocalSignInRoles role;
        switch (grantType) {
            case "authorization_code" -> {
                // Removed before it is checked: a code is spent by its first exchange, right or wrong.
                Grant grant = codes.remove(form.getOrDefault("code", ""));
                if (grant == null || grant.expires().isBefore(clock.instant())
                        || !grant.redirectUri().equals(form.get("redirect_uri")) || !desk.equals(grant.redirectUri())
                        || !grant.challenge().equals(s256(form.getOrDefault("code_verifier", "")))) {
                    return error(400, "invalid_grant");
                }
                role = grant.role();
                String refresh = random();
                refreshTokens.put(refresh, role);
                tokens.put("refresh_token", refresh);
            }
            case "refresh_token" -> {
                role = refreshTokens.get(form.getOrDefault("refresh_token", ""));
                if (role == null) {
                    return error(400, "invalid_grant");
                }
            }
            default -> {
                return error(400, "unsupported_grant_type");
            }
        }
        tokens.put("id_token", role.token(editorToken));
        tokens.put("access_token", role.token(editorToken));
        tokens.put("expires_in", tokenLifetime.toSeconds());
        tokens.put("token_type", "Bearer");
        return json(200, tokens);
    }

    private ApiGateway.Response logout(Map<String, String> query, String desk) {
        if (!CLIENT_ID.equals(query.get("client_id")) || !desk.equals(query.get("logout_uri"))) {
            return textPage(400, "Utloggningen kan inte slutföras",
                    "Okänd klient eller en adress att gå till som inte är redaktionens (" + DESK_PATH + ").");
        }
        return new ApiGateway.Response(302, Map.of("location", desk, "cache-control", "no-store"), new byte[0]);
    }

    /** The sign-in page's choice of role, the old all-round editor first and chosen (constants only). */
    private static String roleOptions() {
        StringBuilder options = new StringBuilder();
        for (LocalSignInRoles role : LocalSignInRoles.values()) {
            options.append("<option value=\"").append(role.group()).append('"')
                    .append(role == LocalSignInRoles.EDITOR ? " selected" : "").append('>').append(role.label())
                    .append("</option>\n");
        }
        return options.toString();
    }

    /** A page of fixed text (the callers pass constants only). */
    private static ApiGateway.Response textPage(int status, String heading, String text) {
        return page(status, heading,
                "<p>" + text + "</p>\n<p><a href=\"" + DESK_PATH + "\">Till redaktionen</a></p>\n");
    }

    /** The local sign-in's page frame around {@code content}, HTML the callers build from constants only. */
    private static ApiGateway.Response page(int status, String heading, String content) {
        String html = """
                <!doctype html>
                <html lang="sv">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <meta name="robots" content="noindex">
                <title>%1$s – Redaktionen</title>
                <link rel="stylesheet" href="/assets/site.css">
                </head>
                <body>
                <main id="innehall">
                <h1>%1$s</h1>
                %2$s</main>
                </body>
                </html>
                """.formatted(heading, content);
        return new ApiGateway.Response(status, HTML, html.getBytes(StandardCharsets.UTF_8));
    }

    private static ApiGateway.Response error(int status, String code) {
        return json(status, Map.of("error", code));
    }

    private static ApiGateway.Response json(int status, Map<String, Object> body) {
        try {
            return new ApiGateway.Response(status, Map.of("content-type", "application/json;charset=UTF-8",
                    "cache-control", "no-store"), Json.MAPPER.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** PKCE's S256: BASE64URL(SHA-256(ASCII(verifier))) without padding (RFC 7636, 4.2). */
    static String s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void purge() {
        Instant now = clock.instant();
        pending.values().removeIf(p -> p.expires().isBefore(now));
        codes.values().removeIf(g -> g.expires().isBefore(now));
    }

    private static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** An {@code application/x-www-form-urlencoded} string's pairs; a malformed one is left out. */
    private static Map<String, String> form(String encoded) {
        Map<String, String> pairs = new LinkedHashMap<>();
        for (String pair : encoded.split("&")) {
            String[] kv = pair.split("=", 2);
            Optional<String> key = ApiRequest.percentDecoded(kv[0], true);
            Optional<String> value = ApiRequest.percentDecoded(kv.length > 1 ? kv[1] : "", true);
            if (key.isPresent() && value.isPresent() && !key.get().isEmpty()) {
                pairs.putIfAbsent(key.get(), value.get());
            }
        }
        return pairs;
    }
}
