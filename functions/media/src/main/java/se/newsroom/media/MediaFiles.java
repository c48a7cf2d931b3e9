package se.newsroom.media;

import java.util.Optional;

/** The files of the media pipeline: an editor's upload in the private uploads bucket, the variants in the site's. */
public interface MediaFiles {
    /** Served for a year and never revalidated: a variant's key never names other bytes. */
    String VARIANT_CACHE_CONTROL = "public, max-age=31536000, immutable";

    /**
     * The uploaded file's bytes; empty when there is no such upload (already handled).
     *
     * @throws UnusableImageException when it has more than {@code maxBytes}, which are then not read
     */
    Optional<byte[]> upload(String bucket, String key, long maxBytes) throws UnusableImageException;

    /** Deletes the uploaded file; nothing when it is gone. */
    void deleteUpload(String bucket, String key);

    /** Writes a variant to the site with {@link #VARIANT_CACHE_CONTROL} and no metadata of its own. */
    void putVariant(String key, String contentType, byte[] bytes);

    /** Deletes a variant from the site; nothing when it is gone. */
    void deleteVariant(String key);

    /**
     * Deletes every object under {@code media/<mediaId>/} in the site bucket, whatever an attempt wrote there.
     *
     * @return how many were deleted
     */
    int deleteVariants(String mediaId);
}
