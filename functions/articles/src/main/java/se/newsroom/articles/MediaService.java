package se.newsroom.articles;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

import se.newsroom.content.ArticleIds;
import se.newsroom.content.Media;
import se.newsroom.content.MediaStore;
import se.newsroom.content.MediaStore.MediaList;
import se.newsroom.error.FieldError;
import se.newsroom.error.InvalidInputException;
import se.newsroom.error.NotFoundException;
import se.newsroom.http.Editor;

/** The media library's rules: what may be uploaded, the texts of a picture, and deleting one nothing uses. */
public final class MediaService {
    /** The largest file an editor may upload. */
    static final long MAX_BYTES = 20L * 1024 * 1024;
    static final int MAX_FILE_NAME = 255;
    /** As for an article's featured image. */
    static final int MAX_ALT = 300;
    static final int MAX_CAPTION = 500;
    static final int MAX_CREDIT = 100;

    /**
     * What an editor sends to ask for an upload.
     *
     * @param fileName    the file's name, 1–255 characters
     * @param contentType image/jpeg, image/png, image/webp or image/gif
     * @param size        bytes, 1 to 20 MB
     */
    public record UploadRequest(String fileName, String contentType, Long size) {
    }

    /**
     * What an editor sends to change a picture's texts; a field left out keeps its value.
     *
     * @param alt     the alternative text, at most 300 characters
     * @param caption at most 500 characters
     * @param credit  the photographer, at most 100 characters
     */
    public record Texts(String alt, String caption, String credit) {
    }

    /** A new library item and where to upload its file. */
    public record Created(Media media, MediaFiles.Upload upload) {
    }

    private final MediaStore store;
    private final MediaFiles files;
    private final Clock clock;
    private final Supplier<String> ids;

    public MediaService(MediaStore store, MediaFiles files, Clock clock, Supplier<String> ids) {
        this.store = store;
        this.files = files;
        this.clock = clock;
        this.ids = ids;
    }

    /** Records a pending item and presigns the upload of its file. */
    public Created create(Editor editor, UploadRequest request) {
        List<FieldError> errors = new ArrayList<>();
        String fileName = request.fileName() == null ? "" : request.fileName().strip();
        if (fileName.isEmpty() || fileName.codePointCount(0, fileName.length()) > MAX_FILE_NAME
                || fileName.chars().anyMatch(Character::isISOControl)) {
            errors.add(new FieldError("fileName", "must be the file's name, 1 to " + MAX_FILE_NAME + " characters"));
        }
        String type = request.contentType() == null ? "" : request.contentType().strip().toLowerCase(Locale.ROOT);
        if (!Media.CONTENT_TYPES.contains(type)) {
            errors.add(new FieldError("contentType", "must be one of " + String.join(", ", Media.CONTENT_TYPES)));
        }
        if (request.size() == null || request.size() < 1 || request.size() > MAX_BYTES) {
            errors.add(new FieldError("size", "must be 1 to " + MAX_BYTES + " bytes (20 MB)"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("The picture cannot be uploaded.", errors);
        }
        Media media = Media.pending(ids.get(), fileName, type, request.size(), editor.name(), clock.instant());
        // Presigned first: signing needs no network, and a failure then leaves nothing behind.
        MediaFiles.Upload upload = files.presignUpload(media, clock.instant());
        store.create(media);
        return new Created(media, upload);
    }

    /** A page of the library, newest first. */
    public MediaList list(int limit, Optional<String> cursor) {
        return store.list(limit, cursor);
    }

    /** The item with this id. */
    public Media get(String id) {
        return store.find(requireId(id)).orElseThrow(MediaService::notFound);
    }

    /** Changes an item's alt text, caption and credit. */
    public Media update(String id, Texts texts) {
        Media media = get(id);
        List<FieldError> errors = new ArrayList<>();
        String alt = text(texts.alt(), media.alt(), "alt", MAX_ALT, errors);
        String caption = text(texts.caption(), media.caption(), "caption", MAX_CAPTION, errors);
        String credit = text(texts.credit(), media.credit(), "credit", MAX_CREDIT, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException("The picture's texts cannot be saved.", errors);
        }
        return store.update(media.withTexts(alt, caption, credit));
    }

    /** Deletes an item no article uses, then its variants. */
    public void delete(String id) {
        Media deleted = store.delete(requireId(id));
        files.deleteVariants(deleted);
    }

    private static String text(String sent, String current, String field, int max, List<FieldError> errors) {
        if (sent == null) {
            return current;
        }
        String value = sent.strip();
        if (value.codePointCount(0, value.length()) > max) {
            errors.add(new FieldError(field, "must be at most " + max + " characters"));
        }
        return value;
    }

    private static String requireId(String id) {
        if (!ArticleIds.isValid(id)) {
            throw notFound();
        }
        return id;
    }

    private static NotFoundException notFound() {
        return new NotFoundException("There is no such picture.");
    }
}
