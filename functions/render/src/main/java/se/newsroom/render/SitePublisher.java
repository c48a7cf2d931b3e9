package se.newsroom.render;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import se.newsroom.render.output.Invalidator;
import se.newsroom.render.output.SiteWriter;
import se.newsroom.render.plan.Change;
import se.newsroom.render.plan.Page;
import se.newsroom.render.plan.PagePlanner;
import se.newsroom.render.site.BatchSiteContent;
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
    /** How many times a page is looked at, rendered and committed before its records are reported as failed. */
    public static final int GUARD_ATTEMPTS = 5;

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

    /** What became of a key's pages, and which of them it was. */
    private record Written(PageResult result, Page page) {
    }

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

    /**
     * A batch's work before any write: the content it reads (the table with the batch's own changes merged in), its
     * pages with the records each is for, and the records that could not be planned.
     */
    record Work(SiteContent content, Map<Page, List<String>> pages, Set<String> failed) {
        /**
         * The pages grouped by key, in plan order: an article's page and the redirect its old slug leaves share one
         * (renamed and published in one batch, or renamed back), and must be one write, not two that race.
         */
        List<List<Page>> byKey() {
            Map<String, List<Page>> groups = new LinkedHashMap<>();
            pages.keySet().forEach(page -> groups.computeIfAbsent(page.key(), k -> new ArrayList<>()).add(page));
            // An article's page planned under a slug it no longer has (a neighbour or a listing read from an index
            // that lags) is that slug's redirect now, not a page to delete.
            for (List<Page> group : groups.values()) {
                for (Page page : List.copyOf(group)) {
                    if (page instanceof Page.ArticlePage a) {
                        Page redirect = new Page.Redirect(a.slug(), a.articleId());
                        if (!group.contains(redirect)) {
                            group.add(redirect);
                        }
                    }
                }
            }
            return List.copyOf(groups.values());
        }
    }

    private static boolean isRedirect(Page page) {
        return page instanceof Page.Redirect || page instanceof Page.LegacyRedirect;
    }

    /** Publishes what the records changed, logging through {@code log} (the invocation's logger on Lambda). */
    public Outcome publish(List<StreamRecord> records, SiteContent content, Consumer<String> log) {
        Work batch = prepare(records, content, log, true);
        Set<String> failed = new LinkedHashSet<>(batch.failed());
        List<List<Page>> work = batch.byKey();
        // Every page is looked at before the batch reads what it renders them from (it keeps its period reads for
        // all its pages): so each page's render reads after its own look, as the guard needs.
        List<Optional<PageWrite>> looked = Pages.each(work, parallelism, pages -> {
            PageWrite w = pageWrite(pages);
            try {
                w.look();
                return Optional.of(w);
            } catch (RuntimeException e) {
                log.accept("Page " + pages.getFirst().key() + " failed: " + e);
                return Optional.empty();
            }
        });
        SiteContent reads = batch.content().afresh();
        // Redirects last: a reader a new redirect sends on must find the page it names already written.
        Map<Boolean, List<Integer>> waves = IntStream.range(0, work.size()).boxed()
                .collect(Collectors.partitioningBy(i -> work.get(i).stream().allMatch(SitePublisher::isRedirect)));
        List<Written> results = new ArrayList<>(Collections.nCopies(work.size(), null));
        for (List<Integer> wave : List.of(waves.get(false), waves.get(true))) {
            List<Written> done = Pages.each(wave, parallelism, i -> {
                List<Page> pages = work.get(i);
                try {
                    return write(looked.get(i).orElseThrow(() -> new IllegalStateException("not looked at")), pages,
                            reads);
                } catch (RuntimeException e) {
                    log.accept("Page " + pages.getFirst().key() + " failed: " + e);
                    return new Written(PageResult.FAILED, pages.getFirst());
                }
            });
            for (int k = 0; k < wave.size(); k++) {
                results.set(wave.get(k), done.get(k));
            }
        }
        List<Page> written = new ArrayList<>();
        List<Page> deleted = new ArrayList<>();
        for (int i = 0; i < work.size(); i++) {
            switch (results.get(i).result()) {
                case WRITTEN -> written.add(results.get(i).page());
                case DELETED -> deleted.add(results.get(i).page());
                // A group may hold a redirect no record planned (byKey adds it beside its article page).
                case FAILED -> work.get(i).forEach(page -> failed.addAll(batch.pages().getOrDefault(page, List.of())));
            }
        }
        List<String> paths = new ArrayList<>();
        written.forEach(p -> paths.add(p.path()));
        deleted.forEach(p -> paths.add(p.path()));
        invalidate(paths, log);
        return new Outcome(written, deleted, List.copyOf(failed));
    }

    /**
     * Plans the records' pages. {@code merge}: read through {@link BatchSiteContent}, as a batch must; false only for
     * the property test that shows what goes wrong without it.
     */
    Work prepare(List<StreamRecord> records, SiteContent table, Consumer<String> log, boolean merge) {
        List<Map.Entry<String, Change>> changes = new ArrayList<>();
        Set<String> failed = new LinkedHashSet<>();
        for (StreamRecord record : records) {
            try {
                Changes.of(record).ifPresent(c -> changes.add(Map.entry(record.sequenceNumber(), c)));
            } catch (RuntimeException e) {
                log.accept("Record " + record.sequenceNumber() + " could not be read: " + e);
                failed.add(record.sequenceNumber());
            }
        }
        SiteContent content = merge
                ? BatchSiteContent.over(table, changes.stream().map(Map.Entry::getValue).toList(), planner.zone())
                : table;
        Map<Page, List<String>> pages = new LinkedHashMap<>();
        for (Map.Entry<String, Change> change : changes) {
            try {
                planner.plan(change.getValue(), content).pages().forEach(page ->
                        pages.computeIfAbsent(page, p -> new ArrayList<>()).add(change.getKey()));
            } catch (RuntimeException e) {
                log.accept("Record " + change.getKey() + " could not be planned: " + e);
                failed.add(change.getKey());
            }
        }
        return new Work(content, pages, failed);
    }

    /** One attempt at a guarded write of pages that share a key. */
    PageWrite pageWrite(List<Page> pages) {
        return new PageWrite(pages, renderer, writer);
    }

    /**
     * Writes a page, guarded: (looked at already) render, commit; look and render again, from fresh reads, when
     * another batch wrote it meanwhile or when it was created (nothing there at the look), at most
     * {@link #GUARD_ATTEMPTS} times (then its records fail and Lambda retries them).
     */
    private Written write(PageWrite looked, List<Page> pages, SiteContent content) {
        PageWrite w = looked;
        SiteContent reads = content;
        for (int attempt = 1; attempt <= GUARD_ATTEMPTS; attempt++) {
            if (attempt > 1) {
                w = pageWrite(pages);
                w.look();
                reads = reads.afresh(); // nothing the batch read before this look
            }
            w.render(reads);
            switch (w.commit()) {
                case WRITTEN -> {
                    return new Written(PageResult.WRITTEN, w.page());
                }
                case DELETED -> {
                    return new Written(PageResult.DELETED, w.page());
                }
                case LOST -> log.accept("Page " + w.page().key() + " was written by another batch meanwhile (attempt "
                        + attempt + "); rendering it again.");
                case CREATED -> {
                    // Rendered again from fresh reads and written under its own ETag (PageWrite.Result.CREATED).
                }
            }
        }
        throw new IllegalStateException("Another batch wrote the page during each of " + GUARD_ATTEMPTS
                + " attempts");
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
