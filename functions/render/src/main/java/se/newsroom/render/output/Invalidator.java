package se.newsroom.render.output;

import java.util.Collection;

/** Tells the CDN that paths changed. */
public interface Invalidator {
    /** Invalidates these site paths (one request for all of them). */
    void invalidate(Collection<String> paths);

    /** For when no distribution is configured (locally, in tests). */
    static Invalidator none() {
        return paths -> { };
    }
}
