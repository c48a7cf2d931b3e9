package se.newsroom.render;

import java.util.List;
import java.util.Optional;

import se.newsroom.render.output.SiteWriter;
import se.newsroom.render.plan.Page;
import se.newsroom.render.site.RenderedObject;
import se.newsroom.render.site.SiteContent;
import se.newsroom.render.site.SiteRenderer;

/**
 * One attempt at a page's guarded write, in the three steps another writer can come between: look at the object's
 * version, render the page from the content, and commit only if the object is still that version. A commit that
 * loses (another batch wrote the page since the look) writes nothing; the page is looked at and rendered again, so
 * the last write to land was rendered after every other writer's last look, from reads made after it.
 */
public final class PageWrite {
    /**
     * What a commit did. {@code CREATED}: written where nothing was at the look. S3 cannot tell that nothing from a
     * page another batch wrote and a third deleted after the look (If-None-Match only sees that the key is free), so
     * a created page is looked at and rendered once more from fresh reads, as a lost one is: that second commit is
     * guarded by the page's own ETag.
     */
    public enum Result { WRITTEN, CREATED, DELETED, LOST }

    private final List<Page> pages;
    private final SiteRenderer renderer;
    private final SiteWriter writer;
    private Optional<String> seen = Optional.empty();
    private Optional<RenderedObject> object = Optional.empty();
    private Page chosen;

    /** {@code pages}: one page, or the pages sharing its key (an article's page and its old slug's redirect). */
    PageWrite(List<Page> pages, SiteRenderer renderer, SiteWriter writer) {
        this.pages = List.copyOf(pages);
        this.chosen = this.pages.getFirst();
        this.renderer = renderer;
        this.writer = writer;
    }

    /** The page this attempt writes: of several sharing a key, the one rendered, else the first. */
    public Page page() {
        return chosen;
    }

    /** Step 1: the object's version now (its ETag, or none). */
    public void look() {
        seen = writer.version(page().key());
    }

    /**
     * Step 2: the page rendered from {@code content} (empty when it should not exist); of pages sharing a key, the
     * one that exists (an article has either its page or a redirect under a slug, never both).
     */
    public void render(SiteContent content) {
        object = Optional.empty();
        chosen = pages.getFirst();
        for (Page page : pages) {
            object = renderer.render(page, content);
            if (object.isPresent()) {
                chosen = page;
                return;
            }
        }
    }

    /** Step 3: the write (or delete) if the object is still what step 1 saw. */
    public Result commit() {
        if (object.isPresent()) {
            return !writer.put(object.get(), seen) ? Result.LOST : seen.isEmpty() ? Result.CREATED : Result.WRITTEN;
        }
        if (seen.isEmpty()) {
            // Nothing to delete: still nothing there (no write since the look) is this attempt's commit.
            return writer.version(page().key()).isEmpty() ? Result.DELETED : Result.LOST;
        }
        return writer.delete(page().key(), seen.get()) ? Result.DELETED : Result.LOST;
    }
}
