package se.newsroom.render.output;

import se.newsroom.render.site.RenderedObject;

/** Where rendered objects go: the site bucket, or a folder (benchmarks, local previews). */
public interface SiteWriter {
    /** Writes (or replaces) an object. */
    void put(RenderedObject object);

    /** Deletes an object; deleting one that is not there is not an error. */
    void delete(String key);

    /**
     * Exercises the writer's request paths without changing anything (SnapStart priming). Returns whether the
     * destination answered as expected: nothing stored under a key that render never writes.
     */
    default boolean probe() {
        return true;
    }
}
