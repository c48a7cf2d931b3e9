package se.newsroom.render.output;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import se.newsroom.render.site.RenderedObject;

/** Where rendered objects go: the site bucket, or a folder (benchmarks, local previews). */
public interface SiteWriter {
    /** Writes (or replaces) an object. */
    void put(RenderedObject object);

    /** Deletes an object; deleting one that is not there is not an error. */
    void delete(String key);

    /**
     * The version of the object under {@code key} (S3's ETag), empty when there is none: what a guarded write
     * names as the one it replaces. A writer without versions answers the same for every key.
     */
    default Optional<String> version(String key) {
        return Optional.of("");
    }

    /**
     * Writes the object only if the key still holds {@code seen} (empty: only if it holds nothing). Returns false,
     * writing nothing, when another writer changed the key since (S3's 412, or its 409 for a race of two conditional
     * requests). A writer without conditions writes and returns true.
     */
    default boolean put(RenderedObject object, Optional<String> seen) {
        put(object);
        return true;
    }

    /** Deletes the object only if it still is version {@code seen}; returns false, deleting nothing, otherwise. */
    default boolean delete(String key, String seen) {
        delete(key);
        return true;
    }

    /**
     * The user metadata of the object under {@code key} ({@link RenderedObject#metadata()}), empty when there is none
     * or the writer keeps none: what a rebuild asks before deleting an object outside render's folders.
     */
    default Map<String, String> metadata(String key) {
        return Map.of();
    }

    /**
     * Every key the destination holds, with when it was last written: for a rebuild to find the objects of pages
     * that no longer exist.
     */
    Map<String, Instant> keys();

    /**
     * Exercises the writer's request paths without changing anything (SnapStart priming). Returns whether the
     * destination answered as expected: nothing stored under a key that render never writes.
     */
    default boolean probe() {
        return true;
    }
}
