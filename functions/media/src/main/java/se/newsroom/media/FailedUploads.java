package se.newsroom.media;

import java.util.Optional;
import java.util.function.Consumer;

import se.newsroom.content.Media;
import se.newsroom.content.MediaStatus;
import se.newsroom.content.MediaStore;

/**
 * An upload MediaFunction gave up on (Lambda's retries exhausted, or the event too old): its pending media item ends
 * in error with a reason the desk shows, every variant under {@code media/<id>/} and the upload are removed. An item
 * that is ready (the last attempt finished, its answer was lost) and an unknown id are left alone. Running it again
 * does the same and nothing more.
 */
public final class FailedUploads {
    /** What the desk shows for a picture whose processing failed for good. */
    public static final String REASON = "Bilden kunde inte behandlas. Försök ladda upp den igen.";

    private final String uploadsBucket;
    private final MediaStore store;
    private final MediaFiles files;
    private final Consumer<String> log;

    /** @param uploadsBucket the only bucket whose uploads it cleans up */
    public FailedUploads(String uploadsBucket, MediaStore store, MediaFiles files, Consumer<String> log) {
        this.uploadsBucket = uploadsBucket;
        this.store = store;
        this.files = files;
        this.log = log;
    }

    /** Gives up on the upload at {@code key} ({@code uploads/<media id>}) in {@code bucket}. */
    public void giveUp(String bucket, String key) {
        if (!uploadsBucket.equals(bucket)) {
            log.accept("MediaFailureFunction: refused a record from bucket " + bucket + ", not the uploads bucket");
            return;
        }
        if (!key.startsWith(Media.UPLOAD_PREFIX) || key.length() == Media.UPLOAD_PREFIX.length()
                || key.indexOf('/', Media.UPLOAD_PREFIX.length()) >= 0) {
            log.accept("MediaFailureFunction: ignored an object outside " + Media.UPLOAD_PREFIX + ": " + key);
            return;
        }
        String id = key.substring(Media.UPLOAD_PREFIX.length());
        Optional<MediaStatus> status = store.find(id).map(Media::status);
        if (status.orElse(null) == MediaStatus.PENDING && !store.markError(id, REASON)) {
            // It changed between the read and the write (only a late markReady can do that): read it again.
            status = store.find(id).map(Media::status);
        }
        if (status.isEmpty() || status.get() == MediaStatus.READY) {
            log.accept("MediaFailureFunction: left " + id + " alone, " + status.map(s -> "ready").orElse("unknown"));
            return;
        }
        // Pending (now error) or error already (a repeated record): the error is written before anything is
        // deleted, so a late attempt cannot mark the item ready over variants that are gone.
        int removed = files.deleteVariants(id);
        files.deleteUpload(bucket, key);
        log.accept("MediaFailureFunction: " + id + " is in error; removed " + removed + " variants and the upload");
    }
}
