package se.newsroom.articles;

import java.time.Instant;
import java.util.Map;

import se.newsroom.content.Media;

/** The media library's files: where an editor's browser uploads a picture, and the variants made of it. */
public interface MediaFiles {

    /**
     * A presigned upload, as the desk sends it.
     *
     * @param url       on the site's own origin: {@code /uploads/<id>?<presigned query>}
     * @param headers   the headers the signature covers and the browser must send as given
     * @param expiresAt when the signature stops working
     */
    record Upload(String url, String method, Map<String, String> headers, Instant expiresAt) {
        public Upload {
            headers = Map.copyOf(headers);
        }
    }

    /** A PUT of the item's file to {@code uploads/<id>}, bound to its declared content type and size. */
    Upload presignUpload(Media media, Instant now);

    /** Deletes every variant of the item ({@code media/<id>/…}) from the site bucket. */
    void deleteVariants(Media media);
}
