package se.newsroom.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

import se.newsroom.content.ArticleIds;
import se.newsroom.content.Media;
import se.newsroom.content.MediaStatus;
import se.newsroom.content.MediaStore;
import se.newsroom.error.ConflictException;
import se.newsroom.importer.MediaImport;

/**
 * A WordPress upload brought into the media library the way an editor's upload comes: a pending media item (as
 * {@code POST /api/media} makes it), then the file in the uploads bucket under the item's upload key, where the media
 * function makes the variants (deployed: the bucket's S3 event; locally: {@code uploaded}, the runner's stand-in).
 *
 * <p>Idempotent by the file's path under wp-content/uploads: the media id is made from it (its time part from the
 * YYYY/MM folder WordPress files it in), so a second run finds the item and uploads nothing, and a run stopped
 * between the item and its file sends the file again. A WordPress size variant ({@code name-300x200.jpg}) is taken
 * as its original ({@code name.jpg}) when the folder has the original, so one picture is one library item.
 */
final class PictureImport implements MediaImport {
    /** Who the library names as the uploader of an imported picture. */
    static final String UPLOADER = "WordPress-import";
    /** The largest file the media path takes (MediaService's limit). */
    static final long MAX_BYTES = 20L * 1024 * 1024;
    private static final Pattern SIZED = Pattern.compile("^(.+)-\\d+x\\d+(\\.[A-Za-z0-9]+)$");
    private static final Pattern YEAR_MONTH = Pattern.compile("^(\\d{4})/(\\d{2})/");
    private static final Map<String, String> TYPES = Map.of("jpg", "image/jpeg", "jpeg", "image/jpeg",
            "png", "image/png", "webp", "image/webp", "gif", "image/gif");

    private final MediaStore store;
    private final S3Client s3;
    private final String uploadsBucket;
    private final Consumer<String> uploaded;
    private final Clock clock;
    /** The pictures this run sent a file for, to wait for before the rebuild. */
    private final Set<String> sent = ConcurrentHashMap.newKeySet();

    /**
     * @param uploaded told each upload's key once its file is in the bucket (locally the media function; deployed
     *                 nothing, S3 tells the function)
     */
    PictureImport(MediaStore store, S3Client s3, String uploadsBucket, Consumer<String> uploaded, Clock clock) {
        this.store = store;
        this.s3 = s3;
        this.uploadsBucket = uploadsBucket;
        this.uploaded = uploaded;
        this.clock = clock;
    }

    @Override
    public Optional<String> importPicture(Path file, String sourceKey, String alt) {
        Path original = original(file);
        String key = original.equals(file) ? sourceKey : originalKey(sourceKey);
        String type = TYPES.get(extension(original));
        long size;
        try {
            size = Files.size(original);
        } catch (IOException e) {
            return Optional.empty();
        }
        if (type == null || size < 1 || size > MAX_BYTES) {
            return Optional.empty();
        }
        String id = mediaId(key);
        Media media = Media.pending(id, original.getFileName().toString(), type, size, UPLOADER, clock.instant())
                .withTexts(alt == null ? "" : alt.strip(), "", "");
        try {
            store.create(media);
        } catch (ConflictException e) {
            Optional<Media> existing = store.find(id);
            if (existing.isEmpty() || existing.get().status() == MediaStatus.ERROR) {
                return Optional.empty();
            }
            if (existing.get().status() == MediaStatus.READY) {
                return Optional.of(id);
            }
            // Pending: an earlier run stopped before its file was made into variants; send the file again.
        }
        s3.putObject(r -> r.bucket(uploadsBucket).key(media.uploadKey()).contentType(type).contentLength(size),
                RequestBody.fromFile(original));
        sent.add(id);
        uploaded.accept(media.uploadKey());
        return Optional.of(id);
    }

    /**
     * Waits until every picture this run sent is made (ready or refused), at most {@code timeout}.
     *
     * @return the ids still pending when the time was up; empty when all are done
     */
    List<String> awaitMade(Duration timeout) throws InterruptedException {
        Instant until = clock.instant().plus(timeout);
        Set<String> pending = new HashSet<>(sent);
        while (true) {
            pending.removeIf(id -> store.find(id).map(m -> m.status() != MediaStatus.PENDING).orElse(true));
            if (pending.isEmpty() || clock.instant().isAfter(until)) {
                return pending.stream().sorted().toList();
            }
            Thread.sleep(500);
        }
    }

    /** The pictures this run sent a file for. */
    List<String> sentIds() {
        return sent.stream().sorted().toList();
    }

    /** The pictures this run sent that the media function refused, with its reasons (id → reason). */
    Map<String, String> refused(List<String> ids) {
        Map<String, String> reasons = new ConcurrentHashMap<>();
        ids.forEach(id -> store.find(id).filter(m -> m.status() == MediaStatus.ERROR)
                .ifPresent(m -> reasons.put(id, m.reason())));
        return reasons;
    }

    /** The original of a WordPress size variant when it is beside it, else the file itself. */
    static Path original(Path file) {
        Matcher sized = SIZED.matcher(file.getFileName().toString());
        if (sized.matches()) {
            Path candidate = file.resolveSibling(sized.group(1) + sized.group(2));
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        return file;
    }

    private static String originalKey(String sourceKey) {
        int slash = sourceKey.lastIndexOf('/');
        Matcher sized = SIZED.matcher(sourceKey.substring(slash + 1));
        return sized.matches() ? sourceKey.substring(0, slash + 1) + sized.group(1) + sized.group(2) : sourceKey;
    }

    /** The media id of the upload at {@code sourceKey}: the same on every run. */
    static String mediaId(String sourceKey) {
        Matcher folder = YEAR_MONTH.matcher(sourceKey);
        long time = 0;
        if (folder.find()) {
            int month = Integer.parseInt(folder.group(2));
            if (month >= 1 && month <= 12) {
                time = YearMonth.of(Integer.parseInt(folder.group(1)), month).atDay(1).atStartOfDay()
                        .toInstant(ZoneOffset.UTC).toEpochMilli();
            }
        }
        return ArticleIds.derived(Instant.ofEpochMilli(time), "wordpress:upload:" + sourceKey);
    }

    private static String extension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
