package se.newsroom.render;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import se.newsroom.render.output.Invalidator;
import se.newsroom.render.output.SiteWriter;
import se.newsroom.render.plan.Change;
import se.newsroom.render.plan.Page;
import se.newsroom.render.plan.PagePlanner;
import se.newsroom.render.site.RenderedObject;
import se.newsroom.render.site.SiteContent;
import se.newsroom.render.site.SiteRenderer;
import se.newsroom.render.stream.Changes;
import se.newsroom.render.stream.StreamRecord;

/**
 * Turns a batch of stream records into site writes: plans the pages they touch, renders each once, writes or
 * deletes it, and invalidates exactly those paths. A record whose pages fail is reported, the rest are written.
 */
public final class SitePublisher {
    /** How many times a batch's invalidation is tried before it is left to the edge's short cache lifetime. */
    public static final int INVALIDATION_ATTEMPTS = 3;
    private static final long INVALIDATION_BACKOFF_MILLIS = 200;

    private final PagePlanner planner;
    private final SiteRenderer renderer;
    private final SiteWriter writer;
    private final Invalidator invalidator;
    private final Consumer<String> log;
    private final int parallelism;

    /** {@code parallelism}: how many of a batch's pages are rendered and written at once. */
    public SitePublisher(PagePlanner planner, SiteRenderer renderer, SiteWriter writer, Invalidator invalidator,
                         Consumer<String> log, int parallelism) {
        this.planner = planner;
        this.renderer = renderer;
        this.writer = writer;
        this.invalidator = invalidator;
        this.log = log;
        this.parallelism = parallelism;
    }

    /** The result of one batch: the pages written or deleted and the records that failed. */
    public record Outcome(List<Page> written, List<Page> deleted, List<String> failedSequenceNumbers) {
    }

    private enum PageResult { WRITTEN, DELETED, FAILED }

    /**
     * Plans {@code change} and renders its pages from {@code content}, writing nothing; the writer is only probed.
     * SnapStart priming: the reads, templates and S3 request path of a real batch, without its writes. Returns the
     * pages that would be written.
     */
    public List<Page> rehearse(Change change, SiteContent content) {
        List<Page> rendered = new ArrayList<>();
        for (Page page : planner.plan(change, content).pages()) {
            renderer.render(page, content).ifPresent(object -> rendered.add(page));
        }
        if (!writer.probe()) {
            log.accept("The writer's probe found an object that render never writes.");
        }
        return rendered;
    }

    /** Publishes what the records changed, logging through the publisher's own log. */
    public Outcome publish(List<StreamRecord> records, SiteContent content) {
        return publish(records, content, log);
    }

    /** Publishes what the records changed, logging through {@code log} (the invocation's logger on Lambda). */
    public Outcome publish(List<StreamRecord> records, SiteContent content, Consumer<String> log) {
        Map<Page, List<String>> pages = new LinkedHashMap<>();
        Set<String> failed = new LinkedHashSet<>();
        for (StreamRecord record : records) {
            try {
                Optional<Change> change = Changes.of(record);
                change.ifPresent(c -> planner.plan(c, content).pages().forEach(page ->
                        pages.computeIfAbsent(page, p -> new ArrayList<>()).add(record.sequenceNumber())));
            } catch (RuntimeException e) {
                log.accept("Record " + record.sequenceNumber() + " could not be planned: " + e);
                failed.add(record.sequenceNumber());
            }
        }
        List<Map.Entry<Page, List<String>>> work = List.copyOf(pages.entrySet());
        List<PageResult> results = Pages.each(work, parallelism, entry -> {
            Page page = entry.getKey();
            try {
                Optional<RenderedObject> object = renderer.render(page, content);
                if (object.isPresent()) {
                    writer.put(object.get());
                    return PageResult.WRITTEN;
                }
                writer.delete(page.key());
                return PageResult.DELETED;
            } catch (RuntimeException e) {
                log.accept("Page " + page.key() + " failed: " + e);
                return PageResult.FAILED;
            }
        });
        List<Page> written = new ArrayList<>();
        List<Page> deleted = new ArrayList<>();
        for (int i = 0; i < work.size(); i++) {
            switch (results.get(i)) {
                case WRITTEN -> written.add(work.get(i).getKey());
                case DELETED -> deleted.add(work.get(i).getKey());
                case FAILED -> failed.addAll(work.get(i).getValue());
            }
        }
        List<String> paths = new ArrayList<>();
        written.forEach(p -> paths.add(p.path()));
        deleted.forEach(p -> paths.add(p.path()));
        invalidate(paths, log);
        return new Outcome(written, deleted, List.copyOf(failed));
    }

    /** Invalidates the paths as a batch's are (tried, then logged): for a deploy's rebuild, which changes them all. */
    public void invalidate(Collection<String> paths) {
        invalidate(List.copyOf(paths), log);
    }

    /**
     * Invalidates the paths, trying {@link #INVALIDATION_ATTEMPTS} times. A failure does not fail the batch: the
     * pages are written, and the edge keeps a page at most {@link SiteRenderer#EDGE_SECONDS} seconds, so a lost
     * invalidation only delays an update by that much. Failing the batch instead would re-render and re-invalidate
     * it five times and then drop records that were published correctly into the failure queue.
     */
    private void invalidate(List<String> paths, Consumer<String> log) {
        for (int attempt = 1; attempt <= INVALIDATION_ATTEMPTS; attempt++) {
            try {
                invalidator.invalidate(paths);
                return;
            } catch (RuntimeException e) {
                if (attempt == INVALIDATION_ATTEMPTS) {
                    log.accept("Invalidation of " + paths.size() + " paths failed " + attempt + " times; the edge"
                            + " serves them fresh within " + SiteRenderer.EDGE_SECONDS + " s: " + e);
                    return;
                }
                log.accept("Invalidation failed (attempt " + attempt + "), retrying: " + e);
                pause(INVALIDATION_BACKOFF_MILLIS << (attempt - 1));
            }
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
