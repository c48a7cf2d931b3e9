package se.newsroom.content;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A picture in the media library: what the editor declared when asking to upload it, and, once the media function
 * has read the file, its size in pixels and its variants (or why it was refused).
 *
 * @param id          a ULID, so the library sorts newest first by id
 * @param status      pending until the file is read, then ready or error
 * @param fileName    the name the editor's file had
 * @param contentType the declared type: image/jpeg, image/png, image/webp or image/gif
 * @param size        the declared size in bytes (the presigned upload holds the file to it)
 * @param uploader    the editor who asked for the upload
 * @param createdAt   when the upload was asked for
 * @param width       pixels, 0 until ready
 * @param height      pixels, 0 until ready
 * @param variants    the resized copies, widest last; empty until ready
 * @param alt         the default alternative text, "" when none
 * @param caption     the default caption, "" when none
 * @param credit      the photographer ("Foto: …" on the site), "" when none
 * @param reason      why the file was refused (Swedish, for the desk), "" unless the status is error
 */
public record Media(String id, MediaStatus status, String fileName, String contentType, long size, String uploader,
                    Instant createdAt, int width, int height, List<MediaVariant> variants, String alt, String caption,
                    String credit, String reason) {

    /** The content types an editor may upload. */
    public static final List<String> CONTENT_TYPES = List.of("image/jpeg", "image/png", "image/webp", "image/gif");

    /** The uploads bucket's prefix: {@code uploads/<media id>}. */
    public static final String UPLOAD_PREFIX = "uploads/";
    /** The site bucket's prefix of every variant: {@code media/<media id>/<width>.<ext>}. */
    public static final String VARIANT_PREFIX = "media/";

    public Media {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(uploader, "uploader");
        Objects.requireNonNull(createdAt, "createdAt");
        variants = variants.stream().sorted(Comparator.comparingInt(MediaVariant::width)).toList();
        alt = Objects.requireNonNullElse(alt, "");
        caption = Objects.requireNonNullElse(caption, "");
        credit = Objects.requireNonNullElse(credit, "");
        reason = Objects.requireNonNullElse(reason, "");
    }

    /** A new library item waiting for its file. */
    public static Media pending(String id, String fileName, String contentType, long size, String uploader,
                                Instant createdAt) {
        return new Media(id, MediaStatus.PENDING, fileName, contentType, size, uploader, createdAt, 0, 0, List.of(),
                "", "", "", "");
    }

    /** Where its file is uploaded to, in the private uploads bucket. */
    public String uploadKey() {
        return UPLOAD_PREFIX + id;
    }

    /** A copy with other texts, as an editor changes them. */
    public Media withTexts(String newAlt, String newCaption, String newCredit) {
        return new Media(id, status, fileName, contentType, size, uploader, createdAt, width, height, variants,
                newAlt, newCaption, newCredit, reason);
    }
}
