package se.newsroom.render.plan;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The pages a batch of changes touches: each is rendered once (and written, or deleted when it should no longer
 * exist).
 */
public final class PagePlan {
    private final Set<Page> pages = new LinkedHashSet<>();

    /** Adds a page to render. */
    public void add(Page page) {
        pages.add(page);
    }

    /** Adds every page of another plan. */
    public void addAll(PagePlan other) {
        pages.addAll(other.pages);
    }

    /** The pages, in the order first added. */
    public Set<Page> pages() {
        return Collections.unmodifiableSet(pages);
    }
}
