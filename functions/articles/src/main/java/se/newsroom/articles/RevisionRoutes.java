package se.newsroom.articles;

import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;

import se.newsroom.content.Article;
import se.newsroom.content.ArticleIds;
import se.newsroom.content.AuditLog;
import se.newsroom.error.FieldError;
import se.newsroom.error.MalformedRequestException;
import se.newsroom.error.NotFoundException;
import se.newsroom.http.ApiRequest;
import se.newsroom.http.Editor;
import se.newsroom.http.HttpResponses;

/**
 * The revisions' routes ({@code /api/articles/{id}/revisions…}) and the audit log's ({@code /api/audit}) of the
 * editors' API: the edge to {@link ArticleService}'s revisions and to the {@link AuditLog}.
 */
final class RevisionRoutes {
    /** The longest editor id asked for: a Cognito sub is 36 characters; DynamoDB's key limit is far above this. */
    static final int MAX_EDITOR_ID = 128;
    static final String LIST = "GET /api/articles/{id}/revisions";
    static final String GET = "GET /api/articles/{id}/revisions/{version}";
    static final String RESTORE = "POST /api/articles/{id}/revisions/{version}/restore";
    static final String AUDIT = "GET /api/audit";

    private final ArticleService service;
    private final Optional<AuditLog> audit;
    private final ZoneId zone;

    RevisionRoutes(ArticleService service, Optional<AuditLog> audit, ZoneId zone) {
        this.service = service;
        this.audit = audit;
        this.zone = zone;
    }

    static boolean handles(String routeKey) {
        return routeKey.equals(LIST) || routeKey.equals(GET) || routeKey.equals(RESTORE) || routeKey.equals(AUDIT);
    }

    APIGatewayV2HTTPResponse route(ApiRequest request, Editor editor) {
        return switch (request.routeKey()) {
            case LIST -> HttpResponses.json(200, RevisionView.listing(service.revisions(request.pathParameter("id"),
                    limit(request), request.queryParameter("cursor")), zone), Map.of());
            case GET -> {
                Optional<Long> against = request.queryParameter("against").map(RevisionRoutes::againstParameter);
                ArticleService.RevisionComparison c = service.compare(request.pathParameter("id"), version(request),
                        against);
                yield HttpResponses.json(200, RevisionView.detail(c.revision(), c.against(), zone), Map.of());
            }
            case RESTORE -> {
                Article restored = service.restore(editor, request.pathParameter("id"), version(request),
                        ArticlesFunction.ifMatch(request, true).orElseThrow());
                yield HttpResponses.json(200, ArticleView.of(restored, zone),
                        Map.of("ETag", "\"" + restored.version() + "\""));
            }
            case AUDIT -> audit(request);
            default -> throw new IllegalStateException("Not a revision route: " + request.routeKey());
        };
    }

    private APIGatewayV2HTTPResponse audit(ApiRequest request) {
        AuditLog log = audit.orElseThrow(() -> new NotFoundException("Händelseloggen är inte konfigurerad."));
        Optional<String> articleId = request.queryParameter("articleId").filter(s -> !s.isBlank());
        Optional<String> editor = request.queryParameter("editor").filter(s -> !s.isBlank());
        if (articleId.isPresent() == editor.isPresent()) {
            throw new MalformedRequestException("Ange antingen articleId eller editor: händelseloggen läses per "
                    + "nyhet eller per redaktör.", FieldError.only(articleId.isPresent() ? "editor" : "articleId",
                            "ange precis en av articleId och editor"));
        }
        // Ids this system makes: an article id a ULID, an editor's a Cognito sub (a UUID) or "system". Anything
        // longer than a key may be is refused here, not by DynamoDB as a 500.
        if (articleId.filter(id -> !ArticleIds.isValid(id)).isPresent()) {
            throw new MalformedRequestException("articleId är inget id för en nyhet.",
                    FieldError.only("articleId", "är inget id för en nyhet"));
        }
        if (editor.filter(e -> e.length() > MAX_EDITOR_ID).isPresent()) {
            throw new MalformedRequestException("editor är längre än ett användar-id kan vara.",
                    FieldError.only("editor", "högst " + MAX_EDITOR_ID + " tecken"));
        }
        AuditLog.Page page = articleId.isPresent()
                ? log.ofArticle(articleId.get(), limit(request), request.queryParameter("cursor"))
                : log.ofEditor(editor.get(), limit(request), request.queryParameter("cursor"));
        return HttpResponses.json(200, RevisionView.audit(page, zone), Map.of());
    }

    private static int limit(ApiRequest request) {
        return request.intParameter("limit", ArticlesFunction.DEFAULT_LIMIT, 1, ArticlesFunction.MAX_LIMIT);
    }

    /** The version in the path; anything but a positive number names no revision. */
    private static long version(ApiRequest request) {
        String value = request.pathParameter("version");
        try {
            long version = Long.parseLong(value);
            if (version > 0) {
                return version;
            }
        } catch (NumberFormatException e) {
            // names no revision, as below
        }
        throw new NotFoundException("Det finns ingen version " + value + ".");
    }

    private static long againstParameter(String value) {
        try {
            long version = Long.parseLong(value);
            if (version > 0) {
                return version;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new MalformedRequestException("Frågeparametern against ska vara ett versionsnummer, t.ex. 3.",
                FieldError.only("against", "ska vara ett positivt versionsnummer"));
    }
}
