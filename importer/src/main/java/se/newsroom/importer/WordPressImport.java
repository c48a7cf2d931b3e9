package se.newsroom.importer;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import se.newsroom.content.ArticleIds;
import se.newsroom.content.Hasher;
import se.newsroom.importer.ImportReport.Line;
import se.newsroom.importer.ImportReport.Outcome;
import se.newsroom.importer.markdown.WordPressHtml;
import se.newsroom.importer.wxr.WxrException;
import se.newsroom.importer.wxr.WxrFiles;
import se.newsroom.importer.wxr.WxrItem;
import se.newsroom.importer.wxr.WxrStream;

/**
 * Moves a WordPress site in: its posts (with their statuses, dates, slugs, categories and tags, authors and
 * pictures) and their comment threads, from a WXR export into the content table. Two passes over the file, each
 * streamed one item at a time: the first settles every post's slug (WordPress's collision rule, in file order) and
 * notes each post's old addresses and each attachment's file; the second converts each post and writes it with its
 * comments, {@value #PARALLEL_POSTS} posts at a time. A bad file is found by the first pass, before anything is
 * written.
 *
 * <p>Safe to repeat: every item's id is derived from its WordPress id and every write is conditional on the item
 * not existing, so a second run writes nothing and a run stopped half-way finishes when started again. The writes
 * carry the run's id, so rendering leaves them to the one full rebuild at the end (when something was written, or an
 * earlier run's rebuild never finished).
 */
public final class WordPressImport {
    /** How many posts are converted and written at once (each one's comments in turn). */
    static final int PARALLEL_POSTS = 8;
    /** After this many posts in a row failed on the table (after every retry), the run gives up. */
    static final int GIVE_UP_AFTER = 20;

    private final ImportTarget target;
    private final ImportOptions options;
    private final ImportListener listener;
    private final Clock clock;
    private final Function<Path, WxrStream> files;
    private final PostConversion.Converter converter;

    /**
     * @param target   where it writes
     * @param options  a dry run, the uploads folder, the salt of the comments' hashes
     * @param listener told of the phases and the progress
     * @param clock    for the run's id and the rules' "now" (how far ahead a date may be)
     */
    public WordPressImport(ImportTarget target, ImportOptions options, ImportListener listener, Clock clock) {
        this(target, options, listener, clock, WxrFiles::open, WordPressHtml::convert);
    }

    /** For tests: exports opened by {@code files}, bodies converted by {@code converter}. */
    WordPressImport(ImportTarget target, ImportOptions options, ImportListener listener, Clock clock,
                    Function<Path, WxrStream> files, PostConversion.Converter converter) {
        this.target = target;
        this.options = options;
        this.listener = listener;
        this.clock = clock;
        this.files = files;
        this.converter = converter;
    }

    /**
     * Imports the export at {@code wxrFile} (plain or gzipped).
     *
     * @return what came across, what was left out and why, and what failed (a re-run finishes those)
     * @throws WxrException          when the file is not a readable WXR export; nothing is written then
     * @throws ImportTargetException when the table cannot be reached before the import starts, or stops answering
     *                               during it (a re-run then finishes it)
     */
    public ImportReport run(Path wxrFile) {
        ImportReport report = new ImportReport();
        try {
            target.check();
            SiteIndex index = firstPass(wxrFile);
            String run = ArticleIds.derived(clock.instant(), UUID.randomUUID().toString());
            // An earlier run that wrote and then failed to rebuild left its items unshown (render skips them):
            // this run rebuilds even if it writes nothing.
            boolean rebuildOwed = !options.dryRun() && !target.rebuiltSinceLastImport();
            boolean wrote = secondPass(wxrFile, index, run, report);
            if (!options.dryRun() && (wrote || rebuildOwed)) {
                listener.phase("Bygger om webbplatsen", 1);
                target.rebuild();
                target.rebuilt(run);
                listener.progress(1, 0);
            }
            return report;
        } finally {
            listener.finished();
        }
    }

    /** Reads the whole file once, keeping only what settles slugs and links; a bad file fails here. */
    private SiteIndex firstPass(Path wxrFile) {
        try (WxrStream stream = files.apply(wxrFile)) {
            listener.phase("Läser exporten", stream.size());
            SiteIndex index = new SiteIndex(stream.site());
            long items = 0;
            while (stream.hasNext()) {
                index.add(stream.next());
                listener.progress(stream.bytesRead(), ++items);
            }
            return index;
        }
    }

    /** Converts and writes every post with its comments; whether anything was written. */
    private boolean secondPass(Path wxrFile, SiteIndex index, String run, ImportReport report) {
        AtomicBoolean wrote = new AtomicBoolean();
        AtomicInteger failedInARow = new AtomicInteger();
        AtomicLong written = new AtomicLong();
        PostConversion conversion = new PostConversion(index, converter,
                new UploadedPictures(options.uploads(), target.media(), options.dryRun()), clock);
        PostWriter writer = new PostWriter(target, options.dryRun(), new Hasher(options.hashSalt()),
                new WordPressIds(index.site().baseBlogUrl()), run, report);
        Semaphore slots = new Semaphore(PARALLEL_POSTS);
        RuntimeException gaveUp = null;
        try (WxrStream stream = files.apply(wxrFile);
             ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            listener.phase(options.dryRun() ? "Provkör (skriver inget)" : "Importerar", stream.size());
            long items = 0;
            while (stream.hasNext()) {
                WxrItem item = stream.next();
                listener.progress(stream.bytesRead(), ++items);
                Optional<String> skip = PostKinds.skipReason(item);
                if (skip.isPresent()) {
                    skipped(item, skip.get(), report);
                    continue;
                }
                if (failedInARow.get() >= GIVE_UP_AFTER) {
                    gaveUp = new ImportTargetException("Tabellen har vägrat " + GIVE_UP_AFTER + " nyheter i rad, "
                            + "även efter nya försök; importen avbröts efter " + written.get() + " nyheter. Kör "
                            + "samma import igen när tabellen svarar: den fortsätter där den slutade.", null);
                    break;
                }
                slots.acquireUninterruptibly();
                pool.submit(() -> {
                    try {
                        PostWriter.Done outcome = writer.write(item, conversion);
                        wrote.compareAndSet(false, outcome.wrote());
                        if (outcome.targetFailed()) {
                            failedInARow.incrementAndGet();
                        } else {
                            failedInARow.set(0);
                            written.incrementAndGet();
                        }
                    } finally {
                        slots.release();
                    }
                });
            }
        }
        if (gaveUp != null) {
            throw gaveUp;
        }
        return wrote.get();
    }

    /** An item the import leaves out, counted; every one but an attachment (used as a picture) named with why. */
    private static void skipped(WxrItem item, String reason, ImportReport report) {
        report.count(item.postType(), item.status(), Outcome.SKIPPED);
        if (!"attachment".equals(item.postType())) {
            report.skipped(new Line(item.postType(), item.postId(), item.title(), "Hoppades över: " + reason + "."));
        }
        item.comments().forEach(c -> report.count("comment", "på överhoppat inlägg", Outcome.SKIPPED));
    }
}
