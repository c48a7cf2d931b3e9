package se.newsroom.comments;

import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;

import se.newsroom.config.Env;
import se.newsroom.config.SnapStartPriming;
import se.newsroom.error.FieldError;
import se.newsroom.error.MalformedRequestException;
import se.newsroom.error.NotFoundException;
import se.newsroom.error.UnsupportedMediaTypeException;
import se.newsroom.http.ApiRequest;
import se.newsroom.http.HttpApiFunction;
import se.newsroom.http.HttpResponses;
import se.newsroom.http.JsonBodies;
import se.newsroom.http.RouteRoles;

/** Readers post comments (public route); editors moderate and erase them. The edge to {@link CommentService}. */
public final class CommentsFunction extends HttpApiFunction {
    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;

    private final CommentService service;
    private final CommentForm form;
    private final CloudFrontOrigin origin;
    private final ZoneId zone;

    /** Used by the Lambda runtime: builds the clients once per container (the salt is fetched once, here). */
    public CommentsFunction() {
        this(CommentsConfig.from(Env.system()));
    }

    private CommentsFunction(CommentsConfig config) {
        this(CommentsWiring.service(config, CommentsWiring.dynamoDb(config)), CommentsWiring.originSecret(config),
                config.siteZone());
        SnapStartPriming.register("CommentsFunction", () -> CommentsPriming.run(this));
    }

    /**
     * For tests and {@link CommentsWiring}.
     *
     * @param originSecret what CloudFront sends in the origin header: posts without it are refused
     */
    public CommentsFunction(CommentService service, String originSecret, ZoneId zone) {
        this.service = service;
        this.form = new CommentForm(service);
        this.origin = new CloudFrontOrigin(originSecret);
        this.zone = zone;
    }

    @Override
    protected APIGatewayV2HTTPResponse route(ApiRequest request) {
        if (request.routeKey().equals("POST /api/articles/{id}/comments")) {
            return post(request);
        }
        RouteRoles.require(request);
        return switch (request.routeKey()) {
            case "GET /api/comments" -> queue(request);
            case "PATCH /api/articles/{id}/comments/{commentId}" -> HttpResponses.json(200, CommentView.of(
                    service.moderate(request.pathParameter("id"), request.pathParameter("commentId"),
                            JsonBodies.read(request, CommentView.Moderation.class, Set.of()).status()), zone),
                    Map.of());
            case "DELETE /api/articles/{id}/comments/{commentId}" -> {
                service.delete(request.pathParameter("id"), request.pathParameter("commentId"));
                yield HttpResponses.empty(204);
            }
            case "POST /api/comments/erasures" -> HttpResponses.json(200, new CommentView.Erased(service.eraseByEmail(
                    JsonBodies.read(request, CommentView.Erasure.class, Set.of()).email())), Map.of());
            default -> throw new NotFoundException("No route " + request.routeKey() + " in the comment API.");
        };
    }

    /** The check that a post came through CloudFront. */
    CloudFrontOrigin origin() {
        return origin;
    }

    /** A reader's post: the page's form gets a redirect (or an error page), a script gets JSON. */
    private APIGatewayV2HTTPResponse post(ApiRequest request) {
        String type = request.header("content-type").orElse("").split(";")[0].strip().toLowerCase(Locale.ROOT);
        String articleId = request.pathParameter("id");
        origin.verify(request);
        if (type.equals(CommentForm.MEDIA_TYPE)) {
            return form.post(request, articleId);
        }
        if (!type.equals("application/json")) {
            throw new UnsupportedMediaTypeException("Skicka kommentaren som " + CommentForm.MEDIA_TYPE
                    + " eller application/json.");
        }
        CommentService.Posted posted = service.post(articleId,
                JsonBodies.read(request, CommentInput.class, Set.of()), client(request));
        return HttpResponses.json(202, new CommentView.Accepted(posted.comment().id(), "pending"), Map.of());
    }

    /**
     * The client's address, which is only ever stored hashed: the viewer's, as CloudFront gives it on a request
     * {@link CloudFrontOrigin#verify verified} to have come through it (every post is, before it is read).
     */
    static String client(ApiRequest request) {
        return CloudFrontOrigin.client(request);
    }

    private APIGatewayV2HTTPResponse queue(ApiRequest request) {
        String status = request.queryParameter("status").orElse("pending");
        if (!status.equals("pending")) {
            throw new MalformedRequestException("The moderation queue lists pending comments; status must be pending.",
                    FieldError.only("status", "must be pending"));
        }
        int limit = request.intParameter("limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        CommentService.QueuePage page = service.queue(limit, request.queryParameter("cursor"));
        return HttpResponses.json(200, new CommentView.Queue(page.comments().items().stream()
                .map(c -> new CommentView.Queued(CommentView.of(c, zone), CommentView.ArticleRef.of(c.articleId(),
                        Optional.ofNullable(page.articles().get(c.articleId()))))).toList(),
                page.comments().nextCursor().orElse(null)), Map.of());
    }
}
