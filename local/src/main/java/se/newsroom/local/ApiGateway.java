package se.newsroom.local;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.RequestContext;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;

import se.newsroom.http.HttpApiFunction;
import se.newsroom.json.Json;

/**
 * What API Gateway's HTTP API does in front of the functions, locally: matches the template's routes, checks the
 * editor token where the JWT authorizer would, and builds the payload 2.0 event (lower-cased headers, cookies,
 * base64 bodies for forms, source IP, request id, JWT claims).
 */
public final class ApiGateway {
    private static final DateTimeFormatter REQUEST_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ROOT).withZone(ZoneOffset.UTC);

    private record Bound(TemplateModel.Route route, Pattern pattern, List<String> names,
                         HttpApiFunction handler) {
    }

    /** An HTTP response. */
    public record Response(int status, Map<String, String> headers, byte[] body) {
    }

    /** Runs a function's invocation for one request id (a fault injector logs the faults it meets under it). */
    public interface Invocations {
        Response run(String requestId, Supplier<Response> invocation);
    }

    private final List<Bound> routes = new ArrayList<>();
    private final String editorToken;
    private final Invocations invocations;

    public ApiGateway(List<TemplateModel.Route> routes,
                      Map<String, HttpApiFunction> handlers,
                      String editorToken) {
        this(routes, handlers, editorToken, (id, invocation) -> invocation.get());
    }

    public ApiGateway(List<TemplateModel.Route> routes,
                      Map<String, HttpApiFunction> handlers,
                      String editorToken, Invocations invocations) {
        this.editorToken = editorToken;
        this.invocations = invocations;
        for (TemplateModel.Route route : routes) {
            var handler = handlers.get(route.handlerClass());
            if (handler == null) {
                throw new IllegalStateException("template.yaml routes " + route.routeKey() + " to "
                        + route.handlerClass() + ", which the local runner does not know");
            }
            List<String> names = new ArrayList<>();
            Matcher m = Pattern.compile("\\{([^}]+)}").matcher(route.path());
            StringBuilder regex = new StringBuilder();
            int at = 0;
            while (m.find()) {
                regex.append(Pattern.quote(route.path().substring(at, m.start()))).append("([^/]+)");
                names.add(m.group(1));
                at = m.end();
            }
            regex.append(Pattern.quote(route.path().substring(at)));
            this.routes.add(new Bound(route, Pattern.compile(regex.toString()), names, handler));
        }
    }

    /** Calls the function as Lambda does: the event's JSON in, the response's JSON out. */
    private static APIGatewayV2HTTPResponse invoke(HttpApiFunction function, APIGatewayV2HTTPEvent event) {
        try {
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            function.handleRequest(new ByteArrayInputStream(Json.MAPPER.writeValueAsBytes(event)), answer, null);
            return Json.MAPPER.readValue(answer.toByteArray(), APIGatewayV2HTTPResponse.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Handles one request under /api. */
    public Response handle(String method, String rawPath, String rawQuery, Map<String, List<String>> headers,
                           byte[] body, String sourceIp) {
        for (Bound bound : routes) {
            Matcher m = bound.pattern().matcher(rawPath);
            if (!bound.route().method().equals(method) || !m.matches()) {
                continue;
            }
            Map<String, String> lower = new LinkedHashMap<>();
            headers.forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), String.join(",", v)));
            Map<String, String> claims = null;
            if (bound.route().authorized()) {
                // The editor token, or one role's token (LocalSignInRoles), as Cognito's would carry its groups.
                claims = LocalSignInRoles.claims(editorToken, lower.get("authorization")).orElse(null);
                if (claims == null) {
                    return json(401, "{\"message\":\"Unauthorized\"}", Map.of("www-authenticate", "Bearer"));
                }
            }
            Map<String, String> path = new LinkedHashMap<>();
            for (int i = 0; i < bound.names().size(); i++) {
                path.put(bound.names().get(i), URLDecoder.decode(m.group(i + 1), StandardCharsets.UTF_8));
            }
            String requestId = UUID.randomUUID().toString();
            APIGatewayV2HTTPEvent event = event(bound.route(), method, rawPath, rawQuery, lower, body, sourceIp, path,
                    claims, requestId);
            return invocations.run(requestId, () -> {
                APIGatewayV2HTTPResponse response = invoke(bound.handler(), event);
                byte[] out = response.getBody() == null ? new byte[0]
                        : response.getIsBase64Encoded() ? Base64.getDecoder().decode(response.getBody())
                        : response.getBody().getBytes(StandardCharsets.UTF_8);
                return new Response(response.getStatusCode(),
                        response.getHeaders() == null ? Map.of() : response.getHeaders(), out);
            });
        }
        return json(404, "{\"message\":\"Not Found\"}", Map.of());
    }

    private static APIGatewayV2HTTPEvent event(TemplateModel.Route route, String method, String rawPath,
                                               String rawQuery, Map<String, String> headers, byte[] body,
                                               String sourceIp, Map<String, String> path, Map<String, String> claims,
                                               String requestId) {
        Instant now = Instant.now();
        RequestContext.RequestContextBuilder context = RequestContext.builder()
                .withAccountId("000000000000").withApiId("local")
                .withDomainName(headers.getOrDefault("host", "localhost")).withDomainPrefix("localhost")
                .withHttp(RequestContext.Http.builder().withMethod(method).withPath(rawPath).withProtocol("HTTP/1.1")
                        .withSourceIp(sourceIp).withUserAgent(headers.getOrDefault("user-agent", "")).build())
                .withRequestId(requestId).withRouteKey(route.routeKey()).withStage("$default")
                .withTime(REQUEST_TIME.format(now)).withTimeEpoch(now.toEpochMilli());
        if (claims != null) {
            context.withAuthorizer(RequestContext.Authorizer.builder()
                    .withJwt(RequestContext.Authorizer.JWT.builder().withClaims(claims).build()).build());
        }
        List<String> cookies = headers.containsKey("cookie")
                ? List.of(headers.get("cookie").split(";\\s*")) : null;
        Map<String, String> headersWithoutCookies = new LinkedHashMap<>(headers);
        headersWithoutCookies.remove("cookie");
        String type = headers.getOrDefault("content-type", "");
        boolean text = type.startsWith("application/json") || type.startsWith("text/");
        APIGatewayV2HTTPEvent.APIGatewayV2HTTPEventBuilder event = APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0").withRouteKey(route.routeKey()).withRawPath(rawPath)
                .withRawQueryString(rawQuery == null ? "" : rawQuery).withCookies(cookies)
                .withHeaders(headersWithoutCookies).withPathParameters(path.isEmpty() ? null : path)
                .withQueryStringParameters(query(rawQuery)).withRequestContext(context.build());
        if (body.length > 0) {
            // HTTP API passes text as it is and base64-encodes the rest (a form post among them).
            event.withBody(text ? new String(body, StandardCharsets.UTF_8) : Base64.getEncoder().encodeToString(body))
                    .withIsBase64Encoded(!text);
        }
        return event.build();
    }

    private static Map<String, String> query(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return null;
        }
        Map<String, String> query = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            String[] kv = pair.split("=", 2);
            String key = URLDecoder.decode(kv[0], StandardCharsets.UTF_8);
            String value = kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "";
            query.merge(key, value, (a, b) -> a + "," + b);
        }
        return query;
    }

    private static Response json(int status, String body, Map<String, String> extra) {
        Map<String, String> headers = new LinkedHashMap<>(Map.of("content-type", "application/json"));
        headers.putAll(extra);
        return new Response(status, headers, body.getBytes(StandardCharsets.UTF_8));
    }
}
