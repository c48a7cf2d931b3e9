package se.newsroom.comments;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;

import se.newsroom.aws.AwsFaults;
import se.newsroom.error.MalformedRequestException;
import se.newsroom.error.NewsroomException;
import se.newsroom.error.PayloadTooLargeException;
import se.newsroom.http.ApiRequest;
import se.newsroom.http.HandlerLog;
import se.newsroom.http.JsonBodies;

/**
 * The page's comment form as an edge of its own: reads the form post ({@code application/x-www-form-urlencoded},
 * base64 from API Gateway), and answers a reader without JavaScript with a redirect back to the article, or with an
 * error page in Swedish.
 */
final class CommentForm {
    static final String MEDIA_TYPE = "application/x-www-form-urlencoded";

    private final CommentService service;

    CommentForm(CommentService service) {
        this.service = service;
    }

    /** A form post: 303 to the article's "thank you" anchor, or the error page with the status JSON would get. */
    APIGatewayV2HTTPResponse post(ApiRequest request, String articleId) {
        try {
            CommentService.Posted posted = service.post(articleId, read(request), CommentsFunction.client(request));
            return APIGatewayV2HTTPResponse.builder().withStatusCode(303)
                    .withHeaders(Map.of("Location", posted.article().url() + "#tack", "Cache-Control", "no-store"))
                    .withIsBase64Encoded(false).build();
        } catch (NewsroomException e) {
            return FormErrorPage.response(e, service.articleUrl(articleId).orElse("/"));
        } catch (RuntimeException e) {
            if (!AwsFaults.isPassing(e)) {
                throw e;
            }
            HandlerLog.unexpected(null, e);
            return FormErrorPage.unavailable(backUrl(articleId));
        }
    }

    /** The article's address to return to, or the front page when even that cannot be read now. */
    private String backUrl(String articleId) {
        try {
            return service.articleUrl(articleId).orElse("/");
        } catch (RuntimeException e) {
            return "/";
        }
    }

    /** The form's fields; a field sent twice counts once, as the first. */
    static CommentInput read(ApiRequest request) {
        byte[] bytes = request.bodyBytes();
        if (bytes.length > JsonBodies.MAX_BYTES) {
            throw new PayloadTooLargeException("Formuläret är för stort.");
        }
        Map<String, String> fields = new HashMap<>();
        try {
            for (String pair : new String(bytes, StandardCharsets.UTF_8).split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                String[] kv = pair.split("=", 2);
                fields.putIfAbsent(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                        kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
            }
        } catch (IllegalArgumentException e) {
            throw new MalformedRequestException("Formulärets innehåll kunde inte läsas.");
        }
        return new CommentInput(fields.get("author"), fields.get("email"), fields.get("body"), fields.get("parentId"),
                fields.get("website"));
    }
}
