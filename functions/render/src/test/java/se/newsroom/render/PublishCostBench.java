package se.newsroom.render;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import se.newsroom.content.Article;
import se.newsroom.content.ArticleStatus;
import se.newsroom.render.plan.Change;
import se.newsroom.render.plan.Page;
import se.newsroom.render.plan.PagePlan;
import se.newsroom.render.plan.PagePlanner;
import se.newsroom.render.site.RenderedObject;
import se.newsroom.render.site.SiteContent;
import se.newsroom.render.site.SiteRenderer;
import se.newsroom.render.site.SnapshotSiteContent;

/**
 * What one publish costs on the bench's 10,000-article site (issue 15; not a test): the objects it writes or
 * deletes, and what its planning and rendering read, counted at the {@link SiteContent} interface. Bytes read are the
 * UTF-8 size of each record the reads return (its {@code toString()}: every attribute's text), a stand-in for the
 * DynamoDB item sizes a read is charged by; the archive's month counts are charged as DynamoDB charges their one
 * query, by every published article's index item. Uses only methods main has too, so the same class measures
 * "before". Run: {@code java -cp <render test classpath> se.newsroom.render.PublishCostBench}.
 */
public final class PublishCostBench {
    /** The reads {@code DynamoDbSiteContent.forBatch} keeps for a batch. */
    private static final Set<String> PERIOD_READS = Set.of("publishedBetween", "inCategoryBetween", "newestBefore",
            "oldestAtOrAfter", "newestInCategoryBefore", "oldestInCategoryAtOrAfter", "latestInCategory",
            "monthCounts");

    private PublishCostBench() {
    }

    public static void main(String[] args) {
        List<Article> site = RenderBench.generate(10_000);
        SiteRenderer renderer = Seeds.renderer();
        PagePlanner planner = new PagePlanner(Seeds.STOCKHOLM);
        System.out.println("| publish | objects written | deleted | reads | items read | bytes read (approx.) |");
        System.out.println("|---|---:|---:|---:|---:|---:|");
        // An article dated in the middle of the site (June 2015, in "Kategori 1" and "Område 1"), and one newer
        // than all (what most publishes are).
        measure("dated June 2015 (mid-site)", site, Instant.parse("2015-06-15T08:00:00Z"), planner, renderer);
        measure("newest (front page)", site, Instant.parse("2019-12-30T08:00:00Z"), planner, renderer);
        // An editor's fix of an old article's title (June 2015): it stays in its periods.
        Article old = site.get(4_000);
        Article retitled = new Article(old.id(), old.slug(), old.title() + " (rättad)", old.summary(), old.body(),
                old.categories(), old.related(), old.status(), old.publishAt(), old.publishedAt(), old.createdAt(),
                old.updatedAt(), old.author(), old.commentsOpen(), old.version() + 1, old.previousSlugs());
        measure("title edit of an old article", site, old, retitled, planner, renderer);
    }

    private static void measure(String name, List<Article> site, Instant at, PagePlanner planner,
                                SiteRenderer renderer) {
        measure(name, site, RenderBench.article(10_001, at, ArticleStatus.DRAFT),
                RenderBench.article(10_001, at, ArticleStatus.PUBLISHED), planner, renderer);
    }

    private static void measure(String name, List<Article> site, Article draft, Article published,
                                PagePlanner planner, SiteRenderer renderer) {
        List<Article> after = new ArrayList<>(site.stream().filter(a -> !a.id().equals(published.id())).toList());
        after.add(published);
        SnapshotSiteContent snapshot = new SnapshotSiteContent(after, Map.of(), Seeds.STOCKHOLM);
        Counter counter = new Counter(snapshot);
        SiteContent content = counter.proxy();
        PagePlan plan = planner.plan(new Change.ArticleChanged(Optional.of(draft), Optional.of(published)), content);
        int written = 0;
        int deleted = 0;
        for (Page page : plan.pages()) {
            Optional<RenderedObject> object = renderer.render(page, content);
            if (object.isPresent()) {
                written++;
            } else {
                deleted++;
            }
        }
        System.out.printf("| %s | %d | %d | %d | %d | %,d |%n", name, written, deleted, counter.calls, counter.items,
                counter.bytes);
        System.out.println("<!-- bytes by method: " + counter.byMethod + " -->");
    }

    /** Counts what the renderer and planner read through {@link SiteContent}. */
    private static final class Counter {
        private final SnapshotSiteContent delegate;
        private final Map<String, Long> byMethod = new TreeMap<>();
        private final Map<List<Object>, Object> batch = new HashMap<>();
        private long calls;
        private long items;
        private long bytes;

        Counter(SnapshotSiteContent delegate) {
            this.delegate = delegate;
        }

        SiteContent proxy() {
            return (SiteContent) Proxy.newProxyInstance(SiteContent.class.getClassLoader(),
                    new Class<?>[] {SiteContent.class}, (proxy, method, args) -> {
                        List<Object> key = new ArrayList<>();
                        key.add(method.getName());
                        key.addAll(args == null ? List.of() : Arrays.asList(args));
                        if (PERIOD_READS.contains(method.getName()) && batch.containsKey(key)) {
                            return batch.get(key); // read once a batch, as DynamoDbSiteContent.forBatch keeps it
                        }
                        Object result;
                        try {
                            result = method.invoke(delegate, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                        batch.put(key, result);
                        calls++;
                        long was = bytes;
                        if (method.getName().equals("monthCounts")) {
                            // One query of the index: DynamoDB charges every published article's index item.
                            count(delegate.publishedBetween(Instant.EPOCH, Instant.parse("9999-01-01T00:00:00Z")));
                        } else if (!method.getName().equals("withImages")) {
                            count(result); // withImages reads only id and image: counted below, by its input
                        } else {
                            items += ((Collection<?>) result).size();
                            bytes += ((Collection<?>) result).size() * 60L;
                        }
                        byMethod.merge(method.getName(), bytes - was, Long::sum);
                        return result;
                    });
        }

        private void count(Object result) {
            if (result instanceof Optional<?> o) {
                o.ifPresent(this::count);
            } else if (result instanceof Collection<?> c) {
                c.forEach(this::count);
            } else if (result instanceof Map<?, ?> m) {
                m.values().forEach(this::count);
            } else if (result != null) {
                items++;
                bytes += String.valueOf(result).getBytes(StandardCharsets.UTF_8).length;
            }
        }
    }
}
