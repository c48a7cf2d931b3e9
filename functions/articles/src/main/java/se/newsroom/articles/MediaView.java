package se.newsroom.articles;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import se.newsroom.content.Media;
import se.newsroom.content.MediaVariant;

/** A library item as the API shows it; {@code createdAt} with the site's offset, variants widest last. */
public record MediaView(String id, String status, String fileName, String contentType, long size, String uploader,
                        String createdAt, int width, int height, List<Variant> variants, String alt, String caption,
                        String credit, String reason) {

    /**
     * One variant.
     *
     * @param key its object key in the site bucket
     * @param url its address on the site
     */
    public record Variant(int width, int height, String key, String url, String contentType, long bytes) {
        static Variant of(MediaVariant v) {
            return new Variant(v.width(), v.height(), v.key(), "/" + v.key(), v.contentType(), v.bytes());
        }
    }

    public static MediaView of(Media m, ZoneId zone) {
        return new MediaView(m.id(), m.status().wireName(), m.fileName(), m.contentType(), m.size(), m.uploader(),
                DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(m.createdAt().atZone(zone)), m.width(), m.height(),
                m.variants().stream().map(Variant::of).toList(), m.alt(), m.caption(), m.credit(), m.reason());
    }

    /**
     * A new item and where to upload its file.
     *
     * @param upload {@code url} (on the site's origin), {@code method} PUT, the {@code headers} to send as given,
     *               {@code expiresAt}
     */
    public record Created(MediaView media, Upload upload) {
    }

    /** A presigned upload as the desk uses it. */
    public record Upload(String url, String method, Map<String, String> headers, String expiresAt) {
    }

    /**
     * One page of the library.
     *
     * @param nextCursor pass as {@code cursor} for the next page; absent on the last
     */
    public record Listing(List<MediaView> items, String nextCursor) {
    }
}
