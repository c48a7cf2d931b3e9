package se.newsroom.media;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import se.newsroom.content.Media;
import se.newsroom.content.MediaStatus;
import se.newsroom.content.MediaStore;
import se.newsroom.content.MediaVariant;

/**
 * What happens to an editor's upload: its pending media item becomes ready with the picture's variants on the site,
 * or an error with the reason, and the upload is deleted either way. Nothing is half-written: a refused file leaves
 * no variant, and variants written for an item that is no longer pending are taken back. A variant's key is the
 * same on every attempt ({@code media/<id>/<width>.<ext>}), so an attempt that stopped between writing them and
 * marking the item ready (a crash, a timeout, a failed write to the table) leaves nothing the retry does not
 * overwrite and mark ready.
 */
public final class UploadedPictures {
    private final String uploadsBucket;
    private final MediaStore store;
    private final MediaFiles files;
    private final ImageVariants variants;
    private final Consumer<String> log;

    /** @param uploadsBucket the only bucket whose uploads it takes */
    public UploadedPictures(String uploadsBucket, MediaStore store, MediaFiles files, ImageVariants variants,
                            Consumer<String> log) {
        this.uploadsBucket = uploadsBucket;
        this.store = store;
        this.files = files;
        this.variants = variants;
        this.log = log;
    }

    /** Handles the upload at {@code key} ({@code uploads/<media id>}) in the uploads bucket {@code bucket}. */
    public void process(String bucket, String key) {
        if (!uploadsBucket.equals(bucket)) {
            // Only the uploads bucket may invoke the function (its permission's SourceArn); an event naming another
            // is refused here too, untouched and not retried, rather than trusted to say where to read and delete.
            log.accept("MediaFunction: refused an event from bucket " + bucket + ", not the uploads bucket");
            return;
        }
        if (!key.startsWith(Media.UPLOAD_PREFIX) || key.length() == Media.UPLOAD_PREFIX.length()) {
            log.accept("MediaFunction: ignored an object outside " + Media.UPLOAD_PREFIX + ": " + key);
            return;
        }
        String id = key.substring(Media.UPLOAD_PREFIX.length());
        Optional<Media> media = store.find(id);
        if (media.isEmpty() || media.get().status() != MediaStatus.PENDING) {
            // No media request made it, or it was handled already: the file has no business in the bucket.
            log.accept("MediaFunction: deleted upload " + key + " with no pending media item");
            files.deleteUpload(bucket, key);
            return;
        }
        try {
            Optional<byte[]> bytes = files.upload(bucket, key, ImageVariants.MAX_BYTES);
            if (bytes.isEmpty()) {
                log.accept("MediaFunction: upload " + key + " is gone");
                return;
            }
            ImageVariants.Picture picture = variants.make(bytes.get());
            List<MediaVariant> written = write(id, picture);
            if (!store.markReady(id, picture.width(), picture.height(), written)) {
                log.accept("MediaFunction: media item " + id + " was no longer pending; its variants are removed");
                written.forEach(v -> files.deleteVariant(v.key()));
            }
        } catch (UnusableImageException e) {
            store.markError(id, e.reason());
            log.accept("MediaFunction: refused " + key + ": " + e.reason());
        }
        files.deleteUpload(bucket, key);
    }

    private List<MediaVariant> write(String id, ImageVariants.Picture picture) {
        List<MediaVariant> written = new ArrayList<>();
        try {
            for (ImageVariants.Variant v : picture.variants()) {
                String key = Media.VARIANT_PREFIX + id + "/" + v.width() + "." + v.extension();
                files.putVariant(key, v.contentType(), v.bytes());
                written.add(new MediaVariant(v.width(), v.height(), key, v.contentType(), v.bytes().length));
            }
            return written;
        } catch (RuntimeException e) {
            // Take back what was written, then fail: the event is retried, then goes to the on-failure queue.
            written.forEach(v -> files.deleteVariant(v.key()));
            throw e;
        }
    }
}
