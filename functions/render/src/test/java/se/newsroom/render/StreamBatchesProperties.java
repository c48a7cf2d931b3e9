package se.newsroom.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.ToIntFunction;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tuple;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import se.newsroom.content.Article;
import se.newsroom.content.ArticleStatus;
import se.newsroom.content.CategoryEntry;
import se.newsroom.content.Comment;
import se.newsroom.content.CommentStatus;
import se.newsroom.content.ListedArticle;
import se.newsroom.content.Media;
import se.newsroom.content.PrivacyNotice;
import se.newsroom.render.output.Invalidator;
import se.newsroom.render.output.SiteWriter;
import se.newsroom.render.plan.Page;
import se.newsroom.render.plan.PagePlanner;
import se.newsroom.render.site.BatchSiteContent;
import se.newsroom.render.site.RenderedObject;
import se.newsroom.render.site.SiteContent;
import se.newsroom.render.site.SnapshotSiteContent;
import se.newsroom.render.stream.Changes;
import se.newsroom.render.stream.StreamRecord;
import se.newsroom.table.StreamImages;

/**
 * Issue 15's "always correct": after any sequence of editors' and readers' actions, with the stream's records
 * delivered in batches of any size and order that DynamoDB Streams and Lambda allow (each item's records in order,
 * one batch at a time per item; batches of different items side by side, their steps interleaved), and with the
 * indexes lagging, the bucket holds exactly what a full rebuild from the same table writes, byte for byte.
 *
 * <p>The model: an in-memory table whose every write is a stream record (before and after images, in the table's
 * own item layout); two workers that each take a batch and run its pages through the real planner, merge, renderer
 * and guarded write ({@link SitePublisher#prepare}, {@link PageWrite}) one step at a time, as jqwik's choices
 * schedule them; a bucket with S3's conditional writes (If-Match, If-None-Match: *) but one ETag per write (below).
 * List reads answer from an index that lags: for each item, any of its states from the last one another started
 * batch delivered to the current one.
 *
 * <p>The guard's two residuals are left out of the model, as the guard cannot close them:
 * <ul>
 *   <li>an index that has not caught up with a change by the time another batch, started after the change's own
 *       batch, looks at a page;</li>
 *   <li>an identical rewrite does not move the ETag: S3's ETag of a single PUT is the body's MD5, and the body must
 *       equal a rebuild's byte for byte. A batch that looked at a page and read before another item's change
 *       reached the index renders the page without it; that change's own batch renders the page as it already is
 *       and writes it, the ETag stays, and the older render's If-Match still holds, so it lands last. Seeds
 *       -2533732431967966766 (December 2024's page and the 2024 sitemap kept an edited title) and
 *       -6332540491830812157 (the archive's start page said there was no news, as one article was unpublished and
 *       another published in the same month) found it. The model's bucket gives each write an ETag of its own (the
 *       body's MD5 and the write's number), so that a rewrite moves it as the guard assumes.</li>
 * </ul>
 *
 * <p>{@code -Dcorrect.without=merge} or {@code -Dcorrect.without=guard} runs the same property with the merge or the
 * guard taken away (the bucket then ignores conditions, as S3Proxy does): each fails, and jqwik prints the shrunk
 * sequence.
 */
class StreamBatchesProperties {
    private static final String WITHOUT = System.getProperty("correct.without", "");
    private static final List<String> IDS = List.of("01JF0000000000000000000001", "01JF0000000000000000000002",
            "01JF0000000000000000000003", "01JF0000000000000000000004");
    /** Dates in two months of one year and one of the year before: months, years and the sitemap's parts move. */
    private static final List<Instant> DATES = List.of(Instant.parse("2024-12-30T09:00:00Z"),
            Instant.parse("2025-01-10T09:00:00Z"), Instant.parse("2025-01-20T09:00:00Z"),
            Instant.parse("2025-02-03T09:00:00Z"));
    private static final List<List<String>> CATEGORIES = List.of(List.of(), List.of("Kultur"),
            List.of("Skola och förskola"), List.of("Kultur", "Trafik"));
    private static final Instant START = Instant.parse("2025-03-01T08:00:00Z");

    /** An editor's or reader's action on article {@code article} (an index into {@link #IDS}). */
    sealed interface Op {
        int article();
    }

    record Create(int article) implements Op {
    }

    record Publish(int article, int date) implements Op {
    }

    record Edit(int article, int variant, int date, int related) implements Op {
    }

    record Rename(int article) implements Op {
    }

    record Recategorize(int article, int categories) implements Op {
    }

    record Unpublish(int article) implements Op {
    }

    record Delete(int article) implements Op {
    }

    record PostComment(int article) implements Op {
    }

    record Moderate(int article, int comment, boolean approve) implements Op {
    }

    @Provide
    Arbitrary<List<Op>> ops() {
        Arbitrary<Integer> article = Arbitraries.integers().between(0, IDS.size() - 1);
        Arbitrary<Integer> date = Arbitraries.integers().between(0, DATES.size() - 1);
        // Weighted towards what puts articles on the site, so that batches overlap on the lists.
        Arbitrary<Op> op = Arbitraries.frequencyOf(
                Tuple.of(3, article.map(Create::new)),
                Tuple.of(4, Combinators.combine(article, date).as(Publish::new)),
                Tuple.of(2, Combinators.combine(article, Arbitraries.integers().between(0, 2), date,
                        Arbitraries.integers().between(-1, IDS.size() - 1)).as(Edit::new)),
                Tuple.of(1, article.map(Rename::new)),
                Tuple.of(1, Combinators.combine(article, Arbitraries.integers().between(0, CATEGORIES.size() - 1))
                        .as(Recategorize::new)),
                Tuple.of(1, article.map(Unpublish::new)),
                Tuple.of(1, article.map(Delete::new)),
                Tuple.of(2, article.map(PostComment::new)),
                Tuple.of(2, Combinators.combine(article, Arbitraries.integers().between(0, 2),
                        Arbitraries.of(true, false)).as(Moderate::new)));
        return op.list().ofMinSize(1).ofMaxSize(24);
    }

    @Provide
    Arbitrary<List<Integer>> schedule() {
        return Arbitraries.integers().between(0, 99).list().ofMaxSize(200);
    }

    @Property(tries = 1000, shrinking = ShrinkingMode.FULL)
    void bucketEqualsAFullRebuild_whateverTheBatchesAndTheirInterleaving(@ForAll("ops") List<Op> ops,
                                                                          @ForAll("schedule") List<Integer> schedule,
                                                                          @ForAll long lagSeed) {
        Simulation sim = new Simulation(ops, schedule, new Random(lagSeed));
        sim.run();

        Bucket rebuilt = new Bucket(true);
        new SiteBuild(Seeds.renderer(), rebuilt, 1, Seeds.STOCKHOLM).run(sim.table.current());
        assertThat(differences(sim.bucket.describe(), rebuilt.describe()))
                .as("how the bucket after the stream differs from a full rebuild's").isEmpty();
    }

    /** Each key whose object differs, with the first line that does (expected: the full rebuild's). */
    private static List<String> differences(Map<String, String> actual, Map<String, String> expected) {
        List<String> differences = new ArrayList<>();
        Set<String> keys = new TreeSet<>(actual.keySet());
        keys.addAll(expected.keySet());
        for (String key : keys) {
            String a = actual.get(key);
            String e = expected.get(key);
            if (a == null) {
                differences.add(key + ": missing");
            } else if (e == null) {
                differences.add(key + ": left behind");
            } else if (!a.equals(e)) {
                List<String> al = a.lines().toList();
                List<String> el = e.lines().toList();
                int line = 0;
                while (line < Math.min(al.size(), el.size()) && al.get(line).equals(el.get(line))) {
                    line++;
                }
                differences.add(key + " line " + (line + 1) + ": expected «"
                        + (line < el.size() ? el.get(line).strip() : "(end)") + "» but was «"
                        + (line < al.size() ? al.get(line).strip() : "(end)") + "»");
            }
        }
        return differences;
    }

    /** The table, the stream's pending records, the two workers and the bucket. */
    private static final class Simulation {
        private final Table table = new Table();
        private final Bucket bucket = new Bucket(!WITHOUT.equals("guard"));
        private final SitePublisher publisher = new SitePublisher(new PagePlanner(Seeds.STOCKHOLM), Seeds.renderer(),
                bucket, Invalidator.none(), line -> { }, 1);
        private final Iterator<Op> ops;
        private final Iterator<Integer> schedule;
        private final Random lag;
        /** Each item's records not yet taken by a batch, by the article they belong to. */
        private final Map<String, Deque<Delivery>> pending = new TreeMap<>();
        /** Each item's last record delivered to a batch that has started: how far the index has caught up. */
        private final Map<String, Integer> started = new TreeMap<>();
        private final Worker[] workers = {new Worker(), new Worker()};
        private int sequence;

        Simulation(List<Op> ops, List<Integer> schedule, Random lag) {
            this.ops = ops.iterator();
            this.schedule = schedule.iterator();
            this.lag = lag;
            // A deploy's rebuild of the empty site first: the static pages.
            new SiteBuild(Seeds.renderer(), bucket, 1, Seeds.STOCKHOLM).run(table.current());
        }

        void run() {
            int steps = 0;
            while (ops.hasNext() || pending.values().stream().anyMatch(q -> !q.isEmpty())
                    || Arrays.stream(workers).anyMatch(Worker::busy)) {
                if (++steps > 100_000) {
                    throw new IllegalStateException("The schedule does not end");
                }
                // After the generated choices, the lag's random numbers go on choosing: the interleaving never ends
                // in an orderly tail that would tidy up what a race left behind.
                int choice = schedule.hasNext() ? schedule.next() : steps < 20_000 ? lag.nextInt(100) : -1;
                if (choice >= 0 && choice < 30 && ops.hasNext()) {
                    apply(ops.next());
                } else if (choice >= 30 && step(workers[choice % 2], choice)) {
                    // A burst: one batch runs on for a few steps while the other waits (a slow S3 call, a GC pause).
                    for (int burst = choice % 7; burst > 0 && workers[choice % 2].busy(); burst--) {
                        workers[choice % 2].step();
                    }
                } else if (!step(workers[0], choice) && !step(workers[1], choice) && ops.hasNext()) {
                    apply(ops.next());
                }
            }
        }

        /** One step of a worker: starts a batch when idle (false if there is none to take), else one page step. */
        private boolean step(Worker w, int choice) {
            if (!w.busy()) {
                return start(w, choice);
            }
            w.step();
            return true;
        }

        private boolean start(Worker w, int choice) {
            Set<String> inFlight = new TreeSet<>();
            for (Worker other : workers) {
                inFlight.addAll(other.articles);
            }
            List<String> ready = pending.entrySet().stream()
                    .filter(e -> !e.getValue().isEmpty() && !inFlight.contains(e.getKey())).map(Map.Entry::getKey)
                    .toList();
            if (ready.isEmpty()) {
                return false;
            }
            // A batch: the first one or more records of one or two articles (what one shard's batch can hold).
            int size = choice < 0 ? 1 : 1 + choice % 3;
            List<String> articles = ready.subList(0, Math.min(ready.size(), choice < 0 ? 1 : 1 + choice % 2));
            List<Delivery> batch = new ArrayList<>();
            for (String article : articles) {
                Deque<Delivery> queue = pending.get(article);
                for (int i = 0; i < size && !queue.isEmpty(); i++) {
                    batch.add(queue.removeFirst());
                }
            }
            w.start(articles, batch);
            return true;
        }

        private void apply(Op op) {
            String id = IDS.get(op.article());
            Optional<Article> now = table.article(id);
            Instant at = START.plusSeconds(60L * (++sequence));
            switch (op) {
                case Create c -> {
                    if (now.isEmpty() && !table.everExisted(id)) {
                        write(id, now, Optional.of(Article.builder().id(id).slug(slug(op.article(), 0))
                                .title("Nyhet " + op.article()).summary("Sammanfattning").body("Text.")
                                .createdAndUpdatedAt(at).author("Redaktionen").build()));
                    }
                }
                case Publish p -> now.filter(a -> a.status() != ArticleStatus.PUBLISHED).ifPresent(a ->
                        write(id, now, Optional.of(next(a, at).status(ArticleStatus.PUBLISHED)
                                .publishedAt(Optional.of(DATES.get(p.date()))).build())));
                case Edit e -> now.ifPresent(a -> {
                    Article.Builder b = next(a, at).title("Nyhet " + e.article() + " version " + e.variant())
                            .summary("Sammanfattning " + e.variant()).body("Text " + e.variant() + ".");
                    if (a.status() == ArticleStatus.PUBLISHED) {
                        b.publishedAt(Optional.of(DATES.get(e.date())));
                    }
                    b.related(e.related() < 0 || e.related() == e.article() ? List.of()
                            : List.of(IDS.get(e.related())));
                    write(id, now, Optional.of(b.build()));
                });
                case Rename r -> now.ifPresent(a -> {
                    List<String> previous = new ArrayList<>(a.previousSlugs());
                    if (a.publishedAt().isPresent()) {
                        previous.add(a.slug());
                    }
                    write(id, now, Optional.of(next(a, at).slug(slug(r.article(), a.version()))
                            .previousSlugs(previous).build()));
                });
                case Recategorize r -> now.ifPresent(a ->
                        write(id, now, Optional.of(next(a, at).categories(CATEGORIES.get(r.categories())).build())));
                case Unpublish u -> now.filter(a -> a.status() == ArticleStatus.PUBLISHED).ifPresent(a ->
                        write(id, now, Optional.of(next(a, at).status(ArticleStatus.DRAFT).build())));
                case Delete d -> now.ifPresent(a -> write(id, now, Optional.empty()));
                case PostComment c -> now.filter(a -> a.status() == ArticleStatus.PUBLISHED).ifPresent(a -> {
                    String commentId = "01JG" + "%022d".formatted(sequence);
                    Comment posted = new Comment(commentId, id, Optional.empty(), "Läsare " + sequence,
                            "Tack för nyheten " + sequence + ".", CommentStatus.PENDING, at, 0);
                    writeComment(id, commentId, Optional.empty(), Optional.of(posted));
                });
                case Moderate m -> {
                    List<Comment> comments = table.comments(id);
                    if (m.comment() < comments.size()) {
                        Comment c = comments.get(m.comment());
                        CommentStatus status = m.approve() ? CommentStatus.APPROVED : CommentStatus.REJECTED;
                        if (c.status() != status) {
                            writeComment(id, c.id(), Optional.of(c), Optional.of(new Comment(c.id(), c.articleId(),
                                    c.parentId(), c.author(), c.body(), status, c.createdAt(), c.depth())));
                        }
                    }
                }
            }
        }

        private static Article.Builder next(Article a, Instant at) {
            return a.toBuilder().version(a.version() + 1).updatedAt(at);
        }

        private static String slug(int article, long version) {
            return "nyhet-" + article + (version == 0 ? "" : "-" + version);
        }

        private void write(String id, Optional<Article> before, Optional<Article> after) {
            int state = table.put("A:" + id, after);
            String event = before.isEmpty() ? "INSERT" : after.isEmpty() ? "REMOVE" : "MODIFY";
            record(id, "A:" + id, state, new StreamRecord(Integer.toString(++sequence), event,
                    StreamImages.articleKeys(id), before.map(StreamImages::article).orElse(Map.of()),
                    after.map(StreamImages::article).orElse(Map.of())));
        }

        private void writeComment(String articleId, String commentId, Optional<Comment> before,
                                  Optional<Comment> after) {
            String item = "C:" + articleId + ":" + commentId;
            int state = table.put(item, after);
            String event = before.isEmpty() ? "INSERT" : "MODIFY";
            Map<String, AttributeValue> none = Map.of();
            record(articleId, item, state, new StreamRecord(Integer.toString(++sequence), event,
                    StreamImages.commentKeys(articleId, commentId), before.map(StreamImages::comment).orElse(none),
                    after.map(StreamImages::comment).orElse(none)));
        }

        private void record(String article, String item, int state, StreamRecord record) {
            pending.computeIfAbsent(article, k -> new ArrayDeque<>()).add(new Delivery(item, state, record));
        }

        /** A record on its way, with the item it changed and which of the item's states it wrote. */
        private record Delivery(String item, int state, StreamRecord record) {
        }

        /**
         * One Lambda invocation's worth of work, as SitePublisher.publish does it: the batch planned, every page
         * looked at (one step each), then each page rendered from the batch's reads (read once, after the looks, and
         * kept for the batch) and committed; a page that loses is looked at, read afresh, rendered and committed
         * again.
         */
        private final class Worker {
            private final List<String> articles = new ArrayList<>();
            private List<Delivery> batch = List.of();
            private final Deque<List<Page>> toLook = new ArrayDeque<>();
            private final Deque<Map.Entry<PageWrite, List<Page>>> toWrite = new ArrayDeque<>();
            private SiteContent batchReads;
            private PageWrite retry;
            private List<Page> retryPages;
            private int phase;
            private int attempts;

            boolean busy() {
                return !articles.isEmpty();
            }

            void start(List<String> batchArticles, List<Delivery> records) {
                articles.addAll(batchArticles);
                batch = records;
                // Planning reads the index as it is when the batch starts; the batch's own records are not in it yet.
                SiteContent reads = table.asRead(floor(), lag);
                records.forEach(d -> started.merge(d.item(), d.state(), Math::max));
                SitePublisher.Work work = publisher.prepare(records.stream().map(Delivery::record).toList(), reads,
                        line -> { }, !WITHOUT.equals("merge"));
                // A batch looks at, renders and writes its pages side by side, so in any order.
                List<List<Page>> planned = new ArrayList<>(work.byKey());
                Collections.shuffle(planned, lag);
                toLook.addAll(planned);
                batchReads = null;
                if (toLook.isEmpty()) {
                    finish();
                }
            }

            void step() {
                if (!toLook.isEmpty()) {
                    List<Page> pages = toLook.removeFirst();
                    PageWrite w = publisher.pageWrite(pages);
                    w.look();
                    toWrite.add(Map.entry(w, pages));
                    return;
                }
                if (retry != null) {
                    stepRetry();
                    return;
                }
                if (batchReads == null) {
                    batchReads = merged(table.asRead(floor(), lag));
                }
                Map.Entry<PageWrite, List<Page>> next = toWrite.peekFirst();
                if (phase == 0) {
                    next.getKey().render(batchReads);
                    phase = 1;
                    return;
                }
                phase = 0;
                toWrite.removeFirst();
                committed(next.getKey(), next.getValue());
            }

            /** A lost page: look, read afresh and render, commit; one step each. */
            private void stepRetry() {
                switch (phase) {
                    case 0 -> {
                        retry = publisher.pageWrite(retryPages);
                        retry.look();
                        phase = 1;
                    }
                    case 1 -> {
                        retry.render(merged(table.asRead(floor(), lag)));
                        phase = 2;
                    }
                    default -> {
                        PageWrite w = retry;
                        retry = null;
                        phase = 0;
                        committed(w, retryPages);
                    }
                }
            }

            private void committed(PageWrite w, List<Page> pages) {
                PageWrite.Result r = w.commit();
                // A created page is looked at, read afresh and rendered once more, as a lost one (PageWrite.Result).
                if (r == PageWrite.Result.LOST || r == PageWrite.Result.CREATED && !WITHOUT.equals("guard")) {
                    if (++attempts > 1_000) {
                        throw new IllegalStateException("A page lost its race 1,000 times");
                    }
                    retry = w;
                    retryPages = pages;
                    return;
                }
                if (toWrite.isEmpty() && retry == null) {
                    finish();
                }
            }

            /**
             * The batch's merged view over these reads: SitePublisher builds it over the table's client, whose
             * reads are made when asked; here the reads are a snapshot made now.
             */
            private SiteContent merged(SiteContent reads) {
                return WITHOUT.equals("merge") ? reads : BatchSiteContent.over(reads, batch.stream()
                        .flatMap(d -> Changes.of(d.record()).stream()).toList(), Seeds.STOCKHOLM);
            }

            /**
             * How far the index has caught up with each item: the last state a started batch other than this one
             * delivered (this batch's own records are what the merge is for).
             */
            private Map<String, Integer> floor() {
                Map<String, Integer> floor = new TreeMap<>(started);
                for (Delivery d : batch) {
                    floor.merge(d.item(), d.state() - 1, Math::min);
                }
                return floor;
            }

            private void finish() {
                articles.clear();
                batch = List.of();
                batchReads = null;
                toWrite.clear();
                retry = null;
            }
        }
    }

    /** Every item's states, oldest first; state 0 is "absent". */
    private static final class Table {
        private final Map<String, List<Optional<?>>> states = new TreeMap<>();

        int put(String item, Optional<?> state) {
            List<Optional<?>> history = states.computeIfAbsent(item, k -> new ArrayList<>(List.of(Optional.empty())));
            history.add(state);
            return history.size() - 1;
        }

        Optional<Article> article(String id) {
            return latest("A:" + id).map(Article.class::cast);
        }

        boolean everExisted(String id) {
            return states.containsKey("A:" + id);
        }

        List<Comment> comments(String articleId) {
            List<Comment> comments = new ArrayList<>();
            states.forEach((item, history) -> {
                if (item.startsWith("C:" + articleId + ":")) {
                    history.getLast().map(Comment.class::cast).ifPresent(comments::add);
                }
            });
            return comments;
        }

        private Optional<?> latest(String item) {
            return states.getOrDefault(item, List.of(Optional.empty())).getLast();
        }

        /** The table now, as a full rebuild reads it. */
        SnapshotSiteContent current() {
            return snapshot(item -> states.get(item).size() - 1);
        }

        /**
         * What a batch reads: point reads of the table now, list reads of an index at least at {@code floor}, each
         * item at a random state between that and now.
         */
        SiteContent asRead(Map<String, Integer> floor, Random lag) {
            SnapshotSiteContent index = snapshot(item -> {
                int newest = states.get(item).size() - 1;
                int oldest = Math.min(newest, floor.getOrDefault(item, 0));
                // As far behind as allowed half the time, any state up to now otherwise.
                return lag.nextBoolean() ? oldest : oldest + lag.nextInt(newest - oldest + 1);
            });
            return new IndexedReads(current(), index);
        }

        private SnapshotSiteContent snapshot(ToIntFunction<String> stateOf) {
            List<Article> articles = new ArrayList<>();
            Map<String, List<Comment>> approved = new TreeMap<>();
            states.forEach((item, history) -> {
                Optional<?> state = history.get(stateOf.applyAsInt(item));
                if (item.startsWith("A:")) {
                    state.map(Article.class::cast).ifPresent(articles::add);
                } else {
                    state.map(Comment.class::cast).filter(c -> c.status() == CommentStatus.APPROVED)
                            .ifPresent(c -> approved.computeIfAbsent(c.articleId(), k -> new ArrayList<>()).add(c));
                }
            });
            approved.values().forEach(list -> list.sort(Comparator.comparing(Comment::createdAt)));
            return new SnapshotSiteContent(articles, approved, Seeds.STOCKHOLM);
        }
    }

    /**
     * Reads as DynamoDbSiteContent makes them: articles, media and "Läs mer" by id and category entries (the base
     * table, consistently); the latest articles, a period's list, the years and the approved comments from the
     * indexes, the latest articles' bodies then read by id.
     */
    private record IndexedReads(SnapshotSiteContent table, SnapshotSiteContent index) implements SiteContent {
        @Override
        public Optional<Article> article(String id) {
            return table.article(id);
        }

        @Override
        public Optional<PrivacyNotice> privacyNotice() {
            return table.privacyNotice(); // read by its key, consistently
        }

        @Override
        public List<Article> latest(int count) {
            return index.latest(count).stream().flatMap(a -> table.article(a.id()).stream()).toList();
        }

        @Override
        public List<ListedArticle> publishedBetween(Instant from, Instant to) {
            return index.publishedBetween(from, to);
        }

        @Override
        public List<ListedArticle> publishedBetweenWithImages(Instant from, Instant to) {
            return index.publishedBetweenWithImages(from, to);
        }

        @Override
        public List<CategoryEntry> inCategory(String categorySlug) {
            return table.inCategory(categorySlug);
        }

        @Override
        public List<ListedArticle> published(Collection<String> ids) {
            return table.published(ids);
        }

        @Override
        public List<Comment> approvedComments(String articleId) {
            return index.approvedComments(articleId);
        }

        @Override
        public Map<String, Media> media(Collection<String> ids) {
            return table.media(ids);
        }

        @Override
        public List<Integer> years() {
            return index.years();
        }

        @Override
        public List<Page.ArticlePage> pagesListing(String articleId) {
            return table.pagesListing(articleId);
        }

        @Override
        public List<Article> publishedUsing(String mediaId) {
            return table.publishedUsing(mediaId);
        }

        @Override
        public Optional<Page.ArticlePage> publishedPage(String articleId) {
            return table.publishedPage(articleId);
        }

        @Override
        public List<CategoryEntry> inCategoryBetween(String categorySlug, Instant from, Instant to) {
            return table.inCategoryBetween(categorySlug, from, to);
        }

        @Override
        public Optional<ListedArticle> newestBefore(Instant at) {
            return index.newestBefore(at);
        }

        @Override
        public Optional<ListedArticle> oldestAtOrAfter(Instant at) {
            return index.oldestAtOrAfter(at);
        }

        @Override
        public Optional<CategoryEntry> newestInCategoryBefore(String categorySlug, Instant at) {
            return table.newestInCategoryBefore(categorySlug, at);
        }

        @Override
        public Optional<CategoryEntry> oldestInCategoryAtOrAfter(String categorySlug, Instant at) {
            return table.oldestInCategoryAtOrAfter(categorySlug, at);
        }

        @Override
        public List<CategoryEntry> latestInCategory(String categorySlug, int count) {
            return table.latestInCategory(categorySlug, count);
        }

        @Override
        public Map<YearMonth, Integer> monthCounts() {
            return index.monthCounts();
        }

        @Override
        public List<ListedArticle> withImages(List<ListedArticle> listed) {
            return table.withImages(listed);
        }

        @Override
        public List<Article> latestArticlesInCategory(String categorySlug, int count) {
            return table.latestArticlesInCategory(categorySlug, count);
        }

        @Override
        public Optional<ListedArticle> publishedBefore(Instant publishedAt, String id) {
            return index.publishedBefore(publishedAt, id);
        }

        @Override
        public Optional<ListedArticle> publishedAfter(Instant publishedAt, String id) {
            return index.publishedAfter(publishedAt, id);
        }

        @Override
        public List<Article> publishedArticlesBetween(Instant from, Instant to) {
            // The index's ids, each article then read by id and kept while it is still published in the period.
            return index.publishedBetween(from, to).stream().flatMap(a -> table.article(a.id()).stream())
                    .filter(a -> a.status() == ArticleStatus.PUBLISHED && a.publishedAt()
                            .filter(t -> !t.isBefore(from) && t.isBefore(to)).isPresent()).toList();
        }

        @Override
        public List<YearMonth> months() {
            return index.months();
        }
    }

    /**
     * A bucket with S3's conditional writes (or, {@code honoursConditions} false, S3Proxy's: none), whose ETag moves
     * on every write (S3's does not when the body is the same: the class javadoc's residual).
     */
    static final class Bucket implements SiteWriter {
        private final boolean honoursConditions;
        private final Map<String, RenderedObject> objects = new TreeMap<>();
        private final Map<String, Instant> written = new TreeMap<>();
        /** Each object's ETag: one of its own per write, even of the same body (the class javadoc's residual). */
        private final Map<String, String> etags = new TreeMap<>();
        private long clock;

        Bucket(boolean honoursConditions) {
            this.honoursConditions = honoursConditions;
        }

        @Override
        public void put(RenderedObject object) {
            objects.put(object.key(), object);
            written.put(object.key(), Instant.ofEpochSecond(++clock));
            etags.put(object.key(), "\"" + etag(object) + "-" + clock + "\"");
        }

        @Override
        public void delete(String key) {
            objects.remove(key);
            written.remove(key);
            etags.remove(key);
        }

        @Override
        public Optional<String> version(String key) {
            return Optional.ofNullable(etags.get(key));
        }

        @Override
        public boolean put(RenderedObject object, Optional<String> seen) {
            if (honoursConditions && !version(object.key()).equals(seen)) {
                return false; // 412
            }
            put(object);
            return true;
        }

        @Override
        public boolean delete(String key, String seen) {
            if (honoursConditions && !version(key).equals(Optional.of(seen))) {
                return false; // 412, or 404
            }
            delete(key);
            return true;
        }

        @Override
        public Map<String, Instant> keys() {
            return Map.copyOf(written);
        }

        /** Each object's key, type, redirect and body, for a readable comparison. */
        Map<String, String> describe() {
            Map<String, String> described = new LinkedHashMap<>();
            objects.forEach((key, o) -> described.put(key, o.contentType() + " " + o.cacheControl() + " "
                    + o.redirectLocation().orElse("-") + "\n" + new String(o.body(), StandardCharsets.UTF_8)));
            return described;
        }

        private static String etag(RenderedObject o) {
            try {
                return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(o.body()));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
