package se.newsroom.articles;

import java.util.List;
import java.util.Map;

import se.newsroom.http.PrimingRequests;

/**
 * ArticlesFunction's SnapStart priming: claims, routing, a read that finds nothing, a listing, a title search, the
 * categories, a JSON body parsed and validated, problem responses, the media library's listing and a read. Nothing
 * is written (the replace names no article).
 */
final class ArticlesPriming {
    private ArticlesPriming() {
    }

    /** Runs the hot paths once; returns the statuses answered. */
    static List<Integer> run(ArticlesFunction function) {
        return List.of(
                PrimingRequests.send(function, PrimingRequests.event("GET /api/articles/{id}",
                        Map.of("id", PrimingRequests.ABSENT_ID), null, null, null, true)),
                PrimingRequests.send(function, PrimingRequests.event("GET /api/articles", Map.of(),
                        Map.of("limit", "1"), null, null, true)),
                PrimingRequests.send(function, PrimingRequests.event("GET /api/articles", Map.of(),
                        Map.of("q", "Förhandsvisning", "limit", "1"), null, null, true)),
                PrimingRequests.send(function, PrimingRequests.event("GET /api/categories", Map.of(), null, null,
                        null, true)),
                PrimingRequests.send(function, PrimingRequests.event("PUT /api/articles/{id}",
                        Map.of("id", PrimingRequests.ABSENT_ID), null, "application/json",
                        "{\"title\": \"Förhandsvisning – å, ä, ö\", \"body\": \"Text\", "
                                + "\"categories\": [\"Kommun\"], \"status\": \"published\"}", true)),
                PrimingRequests.send(function, PrimingRequests.event("GET /api/media", Map.of(),
                        Map.of("limit", "1"), null, null, true)),
                PrimingRequests.send(function, PrimingRequests.event("GET /api/media/{id}",
                        Map.of("id", PrimingRequests.ABSENT_ID), null, null, null, true)));
    }
}
