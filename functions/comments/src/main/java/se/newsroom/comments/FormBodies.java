package se.newsroom.comments;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import se.newsroom.error.MalformedRequestException;
import se.newsroom.error.PayloadTooLargeException;
import se.newsroom.http.ApiRequest;
import se.newsroom.http.JsonBodies;

/** Reads the page's comment form ({@code application/x-www-form-urlencoded}, base64 from API Gateway). */
final class FormBodies {
    private FormBodies() {
    }

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
