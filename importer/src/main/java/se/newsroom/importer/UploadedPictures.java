package se.newsroom.importer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pictures of a post, found in a local copy of the old site's {@code wp-content/uploads} and brought across
 * through the site's media path. WordPress links resized copies ({@code bild-300x200.jpg}); when only the original
 * ({@code bild.jpg}) is in the copy, that is used, since the media path makes its own sizes.
 */
final class UploadedPictures {
    /** The id a dry run puts where a picture would go (the same shape as a media id). */
    static final String DRY_RUN_ID = "00000000000000000000000000";
    private static final String UPLOADS = "/wp-content/uploads/";
    private static final Pattern RESIZED = Pattern.compile("^(.*)-\\d+x\\d+(\\.[A-Za-z0-9]+)$");

    /** Why a picture did not come across (in Swedish), when it did not. */
    record Found(Optional<String> mediaId, String problem) {
    }

    private final Optional<Path> uploads;
    private final Optional<MediaImport> media;
    private final boolean dryRun;

    UploadedPictures(Optional<Path> uploads, Optional<MediaImport> media, boolean dryRun) {
        this.uploads = uploads.map(p -> p.toAbsolutePath().normalize());
        this.media = media;
        this.dryRun = dryRun;
    }

    /** The picture at {@code src} (a URL under wp-content/uploads, as a body or an attachment names it). */
    Found bySource(String src, String alt) {
        String path = src.replaceFirst("[?#].*$", "");
        int at = path.indexOf(UPLOADS);
        if (at < 0) {
            return new Found(Optional.empty(), "ligger inte under wp-content/uploads");
        }
        return byFile(SiteIndex.decoded(path.substring(at + UPLOADS.length())), alt);
    }

    /** The picture at {@code relative} under uploads (e.g. {@code 2019/12/bild.jpg}). */
    Found byFile(String relative, String alt) {
        if (uploads.isEmpty()) {
            return new Found(Optional.empty(), "ingen kopia av uploads angavs (--uploads)");
        }
        Optional<Path> file = existing(relative).or(() -> original(relative).flatMap(this::existing));
        if (file.isEmpty()) {
            return new Found(Optional.empty(), "finns inte under " + uploads.get());
        }
        if (dryRun) {
            return new Found(Optional.of(DRY_RUN_ID), "");
        }
        if (media.isEmpty()) {
            return new Found(Optional.empty(), "webbplatsen har ingen väg för bilder här");
        }
        String key = uploads.get().relativize(file.get()).toString().replace('\\', '/');
        Optional<String> id = media.get().importPicture(file.get(), key, alt);
        return new Found(id, id.isPresent() ? "" : "kunde inte tas emot som bild");
    }

    private Optional<Path> existing(String relative) {
        Path file = uploads.get().resolve(relative).normalize();
        return file.startsWith(uploads.get()) && Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    private static Optional<String> original(String relative) {
        Matcher m = RESIZED.matcher(relative);
        return m.matches() ? Optional.of(m.group(1) + m.group(2)) : Optional.empty();
    }
}
