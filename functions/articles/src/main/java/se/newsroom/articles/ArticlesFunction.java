package se.newsroom.articles;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import se.newsroom.config.Env;
import se.newsroom.config.SnapStartPriming;
import se.newsroom.content.Article;
import se.newsroom.content.ArticleInput;
import se.newsroom.content.ArticleList;
import se.newsroom.content.ArticleRules;
import se.newsroom.content.ArticleStatus;
import se.newsroom.content.IdempotencyKey;
import se.newsroom.error.FieldError;
import se.newsroom.error.MalformedRequestException;
import se.newsroom.error.NotFoundException;
import se.newsroom.error.PreconditionRequiredException;
import se.newsroom.error.StaleVersionException;
import se.newsroom.http.ApiRequest;
import se.newsroom.http.Editor;
import se.newsroom.http.HttpApiFunction;
import se.newsroom.http.HttpResponses;
import se.newsroom.http.JsonBodies;
import se.newsroom.http.RouteRoles;

/** The editors' article API (HTTP API, payload 2.0): the edge between API Gateway and {@link ArticleService}. */
public final class ArticlesFunction extends HttpApiFunction {
    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;
    static final int MAX_IDEMPOTENCY_KEY = 255;

    private final ArticleService service;
    private final ZoneId zone;
    private final Optional<MediaRoutes> media;

    /** Used by the Lambda runtime: builds the real collaborators once per container, so SnapStart keeps them. */
    public ArticlesFunction() {
        this(ArticlesConfig.from(Env.system()));
    }

    private ArticlesFunction(ArticlesConfig config) {
        this(config, ArticlesWiring.dynamoDb(config));
    }

    private ArticlesFunction(ArticlesConfig config, DynamoDbClient dynamoDb) {
        this(ArticlesWiring.service(config, dynamoDb),
                Optional.of(ArticlesWiring.media(config, dynamoDb, MediaApiConfig.from(Env.system()))),
                config.siteZone());
        SnapStartPriming.register("ArticlesFunction", () -> ArticlesPriming.run(this));
    }

    /** For tests and {@link ArticlesWiring}: a service over any store, without the media library. */
    public ArticlesFunction(ArticleService service, ZoneId zone) {
        this(service, Optional.empty(), zone);
    }

    /** For tests and {@link ArticlesWiring}: the articles and the media library. */
    public ArticlesFunction(ArticleService service, Optional<MediaService> media, ZoneId zone) {
        this.service = service;
        this.zone = zone;
        this.media = media.map(m -> new MediaRoutes(m, zone));
    }

    @Override
    protected APIGatewayV2HTTPResponse route(ApiRequest request) {
        Editor editor = RouteRoles.require(request);
        if (MediaRoutes.handles(request.routeKey())) {
            return media.orElseThrow(() -> new NotFoundException("The media library is not configured."))
                    .route(request, editor);
        }
        return switch (request.routeKey()) {
            case "POST /api/articles" -> created(service.create(editor, body(request),
                    idempotencyKey(request, editor)));
            case "GET /api/articles" -> list(request);
            case "GET /api/categories" -> HttpResponses.json(200, new ArticleView.CategoryList(service.categories()),
                    Map.of());
            case "GET /api/articles/{id}" -> ok(service.get(request.pathParameter("id")));
            case "PUT /api/articles/{id}" -> ok(service.replace(editor, request.pathParameter("id"),
                    ifMatch(request, true).orElseThrow(), body(request)));
            case "DELETE /api/articles/{id}" -> {
                service.delete(request.pathParameter("id"), ifMatch(request, false));
                yield HttpResponses.empty(204);
            }
            default -> throw new NotFoundException("No route " + request.routeKey() + " in the article API.");
        };
    }

    private APIGatewayV2HTTPResponse list(ApiRequest request) {
        Optional<ArticleStatus> status = request.queryParameter("status").map(s -> ArticleStatus.fromWireName(s)
                .orElseThrow(() -> badParameter("status", "must be " + ArticleStatus.wireNames())));
        int limit = request.intParameter("limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        Optional<String> query = request.queryParameter("q");
        if (query.filter(q -> q.codePointCount(0, q.length()) > ArticleRules.MAX_TITLE).isPresent()) {
            throw badParameter("q", "must be at most " + ArticleRules.MAX_TITLE + " characters, as a title is");
        }
        ArticleList page = service.list(status, query, limit, request.queryParameter("cursor"));
        return HttpResponses.json(200, new ArticleView.Listing(
                page.items().stream().map(a -> ArticleView.summaryOf(a, zone)).toList(),
                page.nextCursor().orElse(null)), Map.of());
    }

    private APIGatewayV2HTTPResponse created(Article article) {
        return HttpResponses.json(201, ArticleView.of(article, zone),
                Map.of("Location", "/api/articles/" + article.id(), "ETag", etag(article)));
    }

    private APIGatewayV2HTTPResponse ok(Article article) {
        return HttpResponses.json(200, ArticleView.of(article, zone), Map.of("ETag", etag(article)));
    }

    private static ArticleInput body(ApiRequest request) {
        return JsonBodies.read(request, ArticleInput.class, ArticleInput.READ_ONLY);
    }

    /**
     * The version an If-Match header names: the ETag {@code "3"} (unquoted {@code 3} accepted too). If-Match compares
     * strongly (RFC 9110, 13.1.1), so a weak tag ({@code W/"3"}) never matches: 412.
     */
    static Optional<Long> ifMatch(ApiRequest request, boolean required) {
        Optional<String> header = request.header("if-match");
        if (header.isEmpty()) {
            if (required) {
                throw new PreconditionRequiredException("Send If-Match with the ETag of the version you edited "
                        + "(from GET /api/articles/{id}), so that nobody's changes are overwritten unseen.");
            }
            return Optional.empty();
        }
        String value = header.get().strip();
        if (value.startsWith("W/")) {
            throw new StaleVersionException("If-Match " + value + " is a weak ETag, which never matches: a change "
                    + "needs the strong ETag GET /api/articles/{id} gives, e.g. \"3\".");
        }
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        try {
            return Optional.of(Long.parseLong(value));
        } catch (NumberFormatException e) {
            throw new MalformedRequestException("If-Match must be an ETag this API gave out, e.g. \"3\"; got "
                    + header.get() + ".", FieldError.only("If-Match", "is not an article version"));
        }
    }

    /**
     * The request's Idempotency-Key (IETF draft-ietf-httpapi-idempotency-key-header), the editor's own, with the
     * body's SHA-256 as its fingerprint: a string of 1 to 255 visible ASCII characters.
     */
    static Optional<IdempotencyKey> idempotencyKey(ApiRequest request, Editor editor) {
        Optional<String> header = request.header("idempotency-key").map(String::strip);
        if (header.isEmpty()) {
            return Optional.empty();
        }
        // The draft makes the key a structured-field string, so its quotes are not part of it.
        String key = header.get().length() > 1 && header.get().startsWith("\"") && header.get().endsWith("\"")
                ? header.get().substring(1, header.get().length() - 1) : header.get();
        if (key.isEmpty() || key.length() > MAX_IDEMPOTENCY_KEY || !key.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new MalformedRequestException("Idempotency-Key must be 1 to " + MAX_IDEMPOTENCY_KEY + " visible "
                    + "ASCII characters, e.g. a UUID.", FieldError.only("Idempotency-Key", "is not a valid key"));
        }
        return Optional.of(new IdempotencyKey(editor.subject(), key, sha256(request.bodyBytes())));
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }

    private static MalformedRequestException badParameter(String name, String message) {
        return new MalformedRequestException("The query parameter " + name + " " + message + ".",
                FieldError.only(name, message));
    }

    private static String etag(Article article) {
        return "\"" + article.version() + "\"";
    }
}
