package se.newsroom.render;

import java.util.List;
import java.util.Map;

import se.newsroom.http.PrimingRequests;

/**
 * PreviewFunction's SnapStart priming: claims, a body parsed and checked, a new article's page rendered from the
 * table's reads (its approved comments: none), and a refused body's problem. Nothing is written, as by any preview.
 */
final class PreviewPriming {
    private PreviewPriming() {
    }

    /** Runs the hot paths once; returns the statuses answered. */
    static List<Integer> run(PreviewFunction function) {
        return List.of(
                PrimingRequests.send(function, PrimingRequests.event("POST /api/previews", Map.of(), null,
                        "application/json", "{\"title\": \"Förhandsvisning – å, ä, ö\", \"summary\": \"Kort\", "
                                + "\"body\": \"Text med *Markdown* och en [länk](https://example.se).\\n\\n- en\\n"
                                + "- två\", \"categories\": [\"Kommun\"], \"status\": \"draft\"}", true)),
                PrimingRequests.send(function, PrimingRequests.event("POST /api/previews", Map.of(), null,
                        "application/json", "{\"title\": \"\", \"status\": \"published\"}", true)));
    }
}
