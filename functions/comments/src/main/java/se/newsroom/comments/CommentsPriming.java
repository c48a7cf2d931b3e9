package se.newsroom.comments;

import java.util.List;
import java.util.Map;

import se.newsroom.http.PrimingRequests;

/**
 * CommentsFunction's SnapStart priming: the moderation queue's query, a form post to an article that does not exist
 * as CloudFront sends it (the origin check, form parsing, the article read, the error page's template) and a
 * moderation of a comment that does not exist (JSON, the article read). Nothing is written.
 */
final class CommentsPriming {
    private CommentsPriming() {
    }

    /** Runs the hot paths once; returns the statuses answered. */
    static List<Integer> run(CommentsFunction function) {
        String absent = PrimingRequests.ABSENT_ID;
        return List.of(
                PrimingRequests.send(function, PrimingRequests.event("GET /api/comments", Map.of(),
                        Map.of("limit", "1"), null, null, true)),
                PrimingRequests.send(function, function.origin().asCloudFrontSends(PrimingRequests.event(
                        "POST /api/articles/{id}/comments", Map.of("id", absent), null, CommentForm.MEDIA_TYPE,
                        "author=%C3%85sa&email=asa%40example.se&body=Hej&website=&parentId=", false))),
                PrimingRequests.send(function, PrimingRequests.event("PATCH /api/articles/{id}/comments/{commentId}",
                        Map.of("id", absent, "commentId", absent), null, "application/json",
                        "{\"status\": \"approved\"}", true)));
    }
}
