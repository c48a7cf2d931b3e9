package se.newsroom.render.output;

import se.newsroom.render.site.RenderedObject;

/** Where rendered objects go: the site bucket, or a folder (benchmarks, local previews). */
public interface SiteWriter {
    /** Writes (or replaces) an object. */
    void put(RenderedObject object);

    /** Deletes an object; deleting one that is not there is not an error. */
    void delete(String key);

    /**
     * Exercises the writer's request path without changing anything (SnapStart priming): asks for an object that is
     * never written. Returns whether it answered as expected, that is, with nothing.
     */
    default boolean probe() {
        return true;
    }
}
