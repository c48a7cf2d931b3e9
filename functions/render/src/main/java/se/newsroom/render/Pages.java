package se.newsroom.render;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Runs page work on a bounded pool of platform threads. Rendering a page is mostly waiting for DynamoDB and S3, so
 * a batch's pages are written side by side even on one vCPU; platform threads because the SDK's URL-connection
 * client blocks inside monitors, which would pin a Java 21 virtual thread to its carrier.
 */
final class Pages {
    private Pages() {
    }

    /** {@code work} applied to every item, at most {@code parallelism} at once; results in the items' order. */
    static <T, R> List<R> each(List<T> items, int parallelism, Function<T, R> work) {
        if (items.size() <= 1 || parallelism <= 1) {
            return items.stream().map(work).toList();
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelism, items.size()));
        try {
            List<Future<R>> futures = new ArrayList<>();
            for (T item : items) {
                futures.add(pool.submit(() -> work.apply(item)));
            }
            List<R> results = new ArrayList<>();
            for (Future<R> future : futures) {
                results.add(future.get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while writing pages", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r
                    : new IllegalStateException("Writing a page failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
