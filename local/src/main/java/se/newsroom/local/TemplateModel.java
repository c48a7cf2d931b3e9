package se.newsroom.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * What the local runner reads from template.yaml (intrinsic tags such as !Ref and !Sub read as plain values): the
 * functions' HTTP API routes and the stream event source's batch settings. The table comes from the same file
 * through {@code TemplateTable}. No second copy of any of it lives here.
 */
public final class TemplateModel {
    private final JsonNode template;

    /**
     * One route: {@code METHOD /path/{param}}, the handler class serving it, and whether the editors' JWT
     * authorizer guards it.
     */
    public record Route(String method, String path, String handlerClass, boolean authorized) {
        /** The route key API Gateway puts in the event. */
        public String routeKey() {
            return method + " " + path;
        }
    }

    /** How the event source mapping feeds a function from the table's stream. */
    public record StreamSource(String handlerClass, int batchSize, int maximumRetryAttempts) {
    }

    public TemplateModel(Path templateFile) {
        try {
            this.template = new ObjectMapper(new YAMLFactory()).readTree(templateFile.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + templateFile, e);
        }
    }

    /** Every HttpApi route of every function. */
    public List<Route> routes() {
        List<Route> routes = new ArrayList<>();
        functions().forEach((name, function) -> function.path("Properties").path("Events").properties()
                .forEach(e -> {
                    JsonNode event = e.getValue();
                    if ("HttpApi".equals(event.path("Type").asText())) {
                        JsonNode p = event.path("Properties");
                        boolean open = "NONE".equals(p.path("Auth").path("Authorizer").asText());
                        routes.add(new Route(p.path("Method").asText().toUpperCase(Locale.ROOT),
                                p.path("Path").asText(), handlerClass(function), !open));
                    }
                }));
        return routes;
    }

    /** The functions fed by the table's stream. */
    public List<StreamSource> streamSources() {
        List<StreamSource> sources = new ArrayList<>();
        functions().forEach((name, function) -> function.path("Properties").path("Events").properties()
                .forEach(e -> {
                    JsonNode event = e.getValue();
                    if ("DynamoDB".equals(event.path("Type").asText())) {
                        JsonNode p = event.path("Properties");
                        sources.add(new StreamSource(handlerClass(function), p.path("BatchSize").asInt(100),
                                p.path("MaximumRetryAttempts").asInt(-1)));
                    }
                }));
        return sources;
    }

    /** The stream view type the table declares. */
    public String streamViewType() {
        return template.path("Resources").path("ContentTable").path("Properties").path("StreamSpecification")
                .path("StreamViewType").asText();
    }

    /**
     * The response headers the distribution's {@code SecurityHeadersPolicy} adds to every answer, by header name:
     * the Content-Security-Policy, X-Frame-Options, X-Content-Type-Options and Referrer-Policy. Strict-Transport-
     * Security is left out: browsers ignore it over plain http, and the local runner serves nothing else.
     */
    public Map<String, String> securityHeaders() {
        JsonNode config = template.path("Resources").path("SecurityHeadersPolicy").path("Properties")
                .path("ResponseHeadersPolicyConfig").path("SecurityHeadersConfig");
        if (config.isMissingNode()) {
            throw new IllegalStateException("template.yaml declares no SecurityHeadersPolicy");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        JsonNode csp = config.path("ContentSecurityPolicy").path("ContentSecurityPolicy");
        if (!csp.isMissingNode()) {
            headers.put("content-security-policy", csp.asText().strip());
        }
        JsonNode frame = config.path("FrameOptions").path("FrameOption");
        if (!frame.isMissingNode()) {
            headers.put("x-frame-options", frame.asText());
        }
        if (config.has("ContentTypeOptions")) {
            headers.put("x-content-type-options", "nosniff");
        }
        JsonNode referrer = config.path("ReferrerPolicy").path("ReferrerPolicy");
        if (!referrer.isMissingNode()) {
            headers.put("referrer-policy", referrer.asText());
        }
        return Map.copyOf(headers);
    }

    /** A template parameter's default, e.g. SiteName. */
    public String parameterDefault(String name) {
        return template.path("Parameters").path(name).path("Default").asText();
    }

    private Map<String, JsonNode> functions() {
        Map<String, JsonNode> functions = new LinkedHashMap<>();
        template.path("Resources").properties().forEach(r -> {
            if ("AWS::Serverless::Function".equals(r.getValue().path("Type").asText())) {
                functions.put(r.getKey(), r.getValue());
            }
        });
        return functions;
    }

    private static String handlerClass(JsonNode function) {
        return function.path("Properties").path("Handler").asText().split("::")[0];
    }
}
