package se.newsroom.render.site;

import java.util.Optional;

/**
 * A rendered object ready for the bucket.
 *
 * @param key              its key, e.g. {@code nyheter/x/index.html}
 * @param body             its bytes
 * @param contentType      e.g. {@code text/html; charset=utf-8}
 * @param cacheControl     how long browsers and the CDN may keep it
 * @param redirectLocation for a redirect page, where it sends readers (S3's website redirect)
 */
public record RenderedObject(String key, byte[] body, String contentType, String cacheControl,
                             Optional<String> redirectLocation) {
}
