package se.newsroom.content;

import java.util.Objects;

/**
 * One resized copy of a picture, as the site serves it.
 *
 * @param width       pixels
 * @param height      pixels
 * @param key         its object key in the site bucket, e.g. {@code media/01J…/960.jpg}
 * @param contentType {@code image/jpeg} or {@code image/png}
 * @param bytes       its size
 */
public record MediaVariant(int width, int height, String key, String contentType, long bytes) {
    public MediaVariant {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(contentType, "contentType");
    }
}
