package se.newsroom.comments;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;

import se.newsroom.article.Article;
import se.newsroom.article.ArticleIds;
import se.newsroom.article.ArticleStore;
import se.newsroom.article.dynamodb.DynamoDbArticleStore;
import se.newsroom.aws.SignedCall;
import se.newsroom.config.Env;
import se.newsroom.config.EnvNames;
import se.newsroom.config.SnapStartPriming;
import se.newsroom.dynamodb.DynamoDbClients;
import se.newsroom.error.FieldError;
import se.newsroom.error.MalformedRequestException;
import se.newsroom.error.NewsroomException;
import se.newsroom.error.NotFoundException;
import se.newsroom.error.UnsupportedMediaTypeException;
import se.newsroom.http.ApiRequest;
import se.newsroom.http.EditorClaims;
import se.newsroom.http.HttpApiFunction;
import se.newsroom.http.HttpResponses;
import se.newsroom.http.JsonBodies;
import se.newsroom.http.PrimingEvents;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Readers post comments (public route); editors moderate and erase them. The edge to {@link CommentService}. */
public final class CommentsFunction extends HttpApiFunction {
    static final String FORM = "application/x-www-form-urlencoded";
    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;

    private final CommentService service;
    private final ZoneId zone;

    /** Used by the Lambda runtime: builds the clients once per container (the salt is fetched once, here). */
    public CommentsFunction() {
        this(CommentsConfig.from(Env.system()), Env.system());
    }

    private CommentsFunction(CommentsConfig config, Env env) {
        this(service(config), env.zone(EnvNames.SITE_TIME_ZONE, ZoneId.of("Europe/Stockholm")));
        SnapStartPriming.register("CommentsFunction", () -> prime());
    }

    /**
     * The hot paths, run before the SnapStart snapshot: the moderation queue's query, a form post to an article
     * that does not exist (form parsing, the article read, the error page's template) and a moderation of a
     * comment that does not exist (JSON, a refused conditional update). Nothing is written.
     */
    java.util.List<Integer> prime() {
        return java.util.List.of(
                primingCall(PrimingEvents.event("GET /api/comments", Map.of(), Map.of("limit", "1"), null, null, true)),
                primingCall(PrimingEvents.event("POST /api/articles/{id}/comments",
                        Map.of("id", PrimingEvents.ABSENT_ID), null, FORM, "author=%C3%85sa&email=asa%40example.se&body=Hej&website=&parentId=", false)),
                primingCall(PrimingEvents.event("PATCH /api/articles/{id}/comments/{commentId}", Map.of("id",
                        PrimingEvents.ABSENT_ID, "commentId", PrimingEvents.ABSENT_ID), null, "application/json",
                        "{\"status\": \"approved\"}", true)));
    }

    /** For tests and the local runner. */
    public CommentsFunction(CommentService service, ZoneId zone) {
        this.service = service;
        this.zone = zone;
    }

    @Override
    protected APIGatewayV2HTTPResponse route(ApiRequest request) {
        if (request.routeKey().equals("POST /api/articles/{id}/comments")) {
            return post(request);
        }
        EditorClaims.require(request.event());
        return switch (request.routeKey()) {
            case "GET /api/comments" -> queue(request);
            case "PATCH /api/articles/{id}/comments/{commentId}" -> HttpResponses.json(200, CommentView.of(
                    service.moderate(id(request, "id"), id(request, "commentId"), status(request)), zone),
                    Map.of());
            case "DELETE /api/articles/{id}/comments/{commentId}" -> {
                service.delete(id(request, "id"), id(request, "commentId"));
                yield HttpResponses.empty(204);
            }
            case "POST /api/comments/erasures" -> erase(request);
            default -> throw new NotFoundException("No route " + request.routeKey() + " in the comment API.");
        };
    }

    /** A reader's post: the page's form gets a redirect (or an error page), a script gets JSON. */
    private APIGatewayV2HTTPResponse post(ApiRequest request) {
        String type = request.header("content-type").orElse("").split(";")[0].strip().toLowerCase(Locale.ROOT);
        boolean form = type.equals(FORM);
        String articleId = request.pathParameter("id");
        try {
            if (!ArticleIds.isValid(articleId)) {
                throw new NotFoundException("Nyheten finns inte eller är inte publicerad.");
            }
            if (!form && !type.equals("application/json")) {
                throw new UnsupportedMediaTypeException("Skicka kommentaren som " + FORM + " eller application/json.");
            }
            CommentInput input = form ? FormBodies.read(request)
                    : JsonBodies.read(request, CommentInput.class, Set.of());
            CommentService.Posted posted = service.post(articleId, input, request.sourceIp().orElse("unknown"));
            if (form) {
                return APIGatewayV2HTTPResponse.builder().withStatusCode(303)
                        .withHeaders(Map.of("Location", posted.article().url() + "#tack", "Cache-Control", "no-store"))
                        .withIsBase64Encoded(false).build();
            }
            return HttpResponses.json(202, new CommentView.Accepted(posted.comment().id(), "pending"), Map.of());
        } catch (NewsroomException e) {
            if (!form) {
                throw e;
            }
            String back = ArticleIds.isValid(articleId) ? articleUrl(articleId).orElse("/") : "/";
            return FormErrorPage.response(e, back);
        }
    }

    private APIGatewayV2HTTPResponse erase(ApiRequest request) {
        String email = Optional.ofNullable(JsonBodies.read(request, CommentView.Erasure.class, Set.of()).email())
                .map(String::strip).orElse("");
        if (email.isEmpty()) {
            throw new se.newsroom.error.InvalidInputException("Name the email address whose comments to erase.",
                    java.util.List.of(new FieldError("email", "is required")));
        }
        return HttpResponses.json(200, new CommentView.Erased(service.eraseByEmail(email)), Map.of());
    }

    private Optional<String> articleUrl(String articleId) {
        try {
            return Optional.of(service.publishedArticle(articleId)).map(Article::url);
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    private APIGatewayV2HTTPResponse queue(ApiRequest request) {
        String status = request.queryParameter("status").orElse("pending");
        if (!status.equals("pending")) {
            throw new MalformedRequestException("The moderation queue lists pending comments; status must be pending.",
                    java.util.List.of(new FieldError("status", "must be pending")));
        }
        int limit = request.intParameter("limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        CommentStore.Page page = service.pending(limit, request.queryParameter("cursor"));
        return HttpResponses.json(200, new CommentView.Page(page.items().stream()
                .map(c -> CommentView.of(c, zone)).toList(), page.nextCursor().orElse(null)), Map.of());
    }

    private static CommentStatus status(ApiRequest request) {
        String value = JsonBodies.read(request, CommentView.Moderation.class, Set.of()).status();
        return CommentStatus.fromWireName(value == null ? "" : value).orElseThrow(() ->
                new se.newsroom.error.InvalidInputException("status must be approved, rejected, spam or pending.",
                        java.util.List.of(new FieldError("status", "must be approved, rejected, spam or pending"))));
    }

    private static String id(ApiRequest request, String name) {
        String id = request.pathParameter(name);
        if (!ArticleIds.isValid(id)) {
            throw new NotFoundException("There is no " + (name.equals("id") ? "article " : "comment ") + id + ".");
        }
        return id;
    }

    private static CommentService service(CommentsConfig config) {
        DynamoDbClient dynamoDb = DynamoDbClients.create(config.region(), config.dynamoDbEndpoint());
        ArticleStore articles = new DynamoDbArticleStore(dynamoDb, config.tableName());
        String salt = config.salt().orElseGet(() -> Salts.fromParameterStore(new SignedCall(
                se.newsroom.aws.SharedHttpClient.get(),
                software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider.create()),
                java.net.URI.create("https://ssm." + config.region().id() + ".amazonaws.com/"), config.region().id(),
                config.saltParameter().orElseThrow()));
        return new CommentService(articles, new DynamoDbCommentStore(dynamoDb, config.tableName()), new Hasher(salt),
                Clock.systemUTC(), ArticleIds.generator(), config.closeAfterDays());
    }
}
