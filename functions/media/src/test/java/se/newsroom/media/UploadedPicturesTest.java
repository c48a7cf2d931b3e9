package se.newsroom.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import se.newsroom.content.Media;
import se.newsroom.content.MediaStore;
import se.newsroom.content.MediaVariant;

class UploadedPicturesTest {
    private static final String ID = "01JC0000000000000000000009";
    private static final String KEY = "uploads/" + ID;
    private final Files files = new Files();
    private final List<String> log = new ArrayList<>();

    @Test
    void process_shouldTakeBackTheVariants_whenTheItemWasFinishedMeanwhile() {
        // GIVEN the item is pending when read, but another delivery of the event finishes it first
        Store store = new Store(false);
        files.uploads.put(KEY, photo());

        new UploadedPictures("uploads", store, files, new ImageVariants(), log::add).process("uploads", KEY);

        assertThat(store.readied).isTrue();
        assertThat(files.variants).isEmpty();
        assertThat(files.uploads).isEmpty();
    }

    @Test
    void process_shouldLeaveNoVariant_andFail_whenWritingOneFails() {
        // GIVEN the site bucket takes the first variant, then fails
        Store store = new Store(true);
        files.uploads.put(KEY, photo());
        files.failAfter = 1;

        assertThatThrownBy(() -> new UploadedPictures("uploads", store, files, new ImageVariants(), log::add)
                .process("uploads", KEY)).isInstanceOf(IllegalStateException.class);

        // THEN nothing is left half-written, and the upload stays for the retry
        assertThat(files.variants).isEmpty();
        assertThat(store.readied).isFalse();
        assertThat(files.uploads).containsKey(KEY);
    }

    private static byte[] photo() {
        return TestImages.jpeg(TestImages.quarters(1200, 800, BufferedImage.TYPE_INT_RGB), false);
    }

    /** A pending item whose markReady answers as told. */
    private static final class Store implements MediaStore {
        private final boolean stillPending;
        private boolean readied;

        Store(boolean stillPending) {
            this.stillPending = stillPending;
        }

        @Override
        public Optional<Media> find(String id) {
            return Optional.of(Media.pending(id, "a.jpg", "image/jpeg", 1, "Redaktör", Instant.EPOCH));
        }

        @Override
        public boolean markReady(String id, int width, int height, List<MediaVariant> variants) {
            readied = true;
            return stillPending;
        }

        @Override
        public boolean markError(String id, String reason) {
            throw new AssertionError("not refused");
        }

        @Override
        public void create(Media media) {
            throw new UnsupportedOperationException();
        }

        @Override
        public MediaList list(int limit, Optional<String> cursor) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Media update(Media media) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Media delete(String id) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<MediaUse> usedBy(String mediaId) {
            throw new UnsupportedOperationException();
        }
    }

    /** Both buckets in memory; the site bucket fails after {@code failAfter} writes when set. */
    private static final class Files implements MediaFiles {
        private final Map<String, byte[]> uploads = new LinkedHashMap<>();
        private final Map<String, byte[]> variants = new LinkedHashMap<>();
        private int failAfter = Integer.MAX_VALUE;

        @Override
        public Optional<byte[]> upload(String bucket, String key, long maxBytes) {
            return Optional.ofNullable(uploads.get(key));
        }

        @Override
        public void deleteUpload(String bucket, String key) {
            uploads.remove(key);
        }

        @Override
        public void putVariant(String key, String contentType, byte[] bytes) {
            if (failAfter-- <= 0) {
                throw new IllegalStateException("S3 is down");
            }
            variants.put(key, bytes);
        }

        @Override
        public void deleteVariant(String key) {
            variants.remove(key);
        }

        @Override
        public int deleteVariants(String mediaId) {
            throw new UnsupportedOperationException();
        }
    }
}
