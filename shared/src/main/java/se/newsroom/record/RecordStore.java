package se.newsroom.record;

import java.util.List;
import java.util.Optional;

/** Where the public record is kept: write-once objects under {@link PublicRecord#PREFIX} (S3, Object Lock). */
public interface RecordStore {
    /** Every key under {@code prefix}, in key order (for a record: version order). */
    List<String> keys(String prefix);

    /** The object at {@code key}; empty when there is none. */
    Optional<byte[]> read(String key);

    /**
     * Writes {@code bytes} at {@code key} unless something is there already.
     *
     * @return false when the key was taken (the record is never overwritten)
     */
    boolean writeOnce(String key, byte[] bytes);
}
