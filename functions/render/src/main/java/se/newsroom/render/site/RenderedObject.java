package se.newsroom.render.site;

import java.util.Map;
import java.util.Optional;

/**
 * A rendered object ready for the bucket.
 *
 * @param key              its key, e.g. {@code nyheter/x/index.html}
 * @param body             its bytes
 * @param contentType      e.g. {@code text/html; charset=utf-8}
 * @param cacheControl     how long browsers and the CDN may keep it
 * @param redirectLocation for a redirect page, where it sends readers (S3's website redirect)
 * @param metadata         the object's user metadata (S3's {@code x-amz-meta-*}), e.g. {@link #LEGACY_REDIRECT}
 */
public record RenderedObject(String key, byte[] body, String contentType, String cacheControl,
                             Optional<String> redirectLocation, Map<String, String> metadata) {
    /**
     * The user metadata of an old site's address's redirect: such an object's key is outside render's folders
     * ({@code 2019/12/04/x/index.html}), so a rebuild deletes one only when the object says render made it.
     */
    public static final Map<String, String> LEGACY_REDIRECT = Map.of("newsroom-page", "legacy-redirect");

    /** Whether an object's user metadata (perhaps with more besides) marks it as an old address's redirect. */
    public static boolean marksLegacyRedirect(Map<String, String> metadata) {
        return LEGACY_REDIRECT.entrySet().stream().allMatch(e -> e.getValue().equals(metadata.get(e.getKey())));
    }

    public RenderedObject {
        metadata = Map.copyOf(metadata);
    }

    /** An object without user metadata. */
    public RenderedObject(String key, byte[] body, String contentType, String cacheControl,
                          Optional<String> redirectLocation) {
        this(key, body, contentType, cacheControl, redirectLocation, Map.of());
    }

    /** This object with {@code value} as its user metadata. */
    public RenderedObject withMetadata(Map<String, String> value) {
        return new RenderedObject(key, body, contentType, cacheControl, redirectLocation, value);
    }
}
