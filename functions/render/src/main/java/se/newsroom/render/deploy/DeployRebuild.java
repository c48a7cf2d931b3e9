package se.newsroom.render.deploy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;

import se.newsroom.render.output.Invalidator;

/**
 * A deploy's rebuild: the stack's {@code Custom::SiteBuild} resource asks, on create and on every update, for every
 * page and the desk's files to be written again; this does it and answers CloudFormation. Delete touches nothing (the
 * site outlives a failed stack update's clean-up). Every answer is sent before the function's own timeout: a rebuild
 * still running when only {@link #RESERVE} is left is answered FAILED, so no stack waits an hour for an answer.
 */
public final class DeployRebuild {
    /** Time kept back from the function's timeout to answer in (a PUT to S3, with its retries). */
    public static final Duration RESERVE = Duration.ofSeconds(20);
    /** Everything cached at the edge: a deploy may have changed every page's template. */
    static final List<String> EVERYTHING = List.of("/*");

    private final IntSupplier rebuild;
    private final Invalidator invalidator;
    private final Supplier<StackResponse> response;
    private final Consumer<String> log;

    /**
     * @param rebuild     writes every page and the desk's files; returns how many objects
     * @param invalidator told that everything changed once the rebuild is written
     * @param response    the way answers are sent (built only when a request comes)
     */
    public DeployRebuild(IntSupplier rebuild, Invalidator invalidator, Supplier<StackResponse> response,
                         Consumer<String> log) {
        this.rebuild = rebuild;
        this.invalidator = invalidator;
        this.response = response;
        this.log = log;
    }

    /** The answer sent. */
    public record Answer(String status, String reason) {
    }

    /**
     * Handles a request {@link StackEvent#isOne} accepted and answers it on its ResponseURL.
     *
     * @param remainingMillis the invocation's remaining time (the Lambda context's)
     * @param logStream       where the details are, named in a failure's reason
     */
    public Answer handle(JsonNode json, LongSupplier remainingMillis, String logStream) {
        StackEvent event = StackEvent.of(json);
        Answer answer = switch (event.requestType()) {
            case "Delete" -> new Answer("SUCCESS", "Nothing to undo: the site's pages stay in the bucket.");
            case "Create", "Update" -> rebuild(remainingMillis, logStream);
            default -> new Answer("FAILED", "Unknown RequestType \"" + event.requestType()
                    + "\"; a custom resource is created, updated or deleted.");
        };
        log.accept("Custom::SiteBuild " + event.requestType() + " " + event.logicalResourceId() + ": "
                + answer.status() + " (" + answer.reason() + ")");
        response.get().send(event, answer.status(), answer.reason());
        return answer;
    }

    private Answer rebuild(LongSupplier remainingMillis, String logStream) {
        long budget = remainingMillis.getAsLong() - RESERVE.toMillis();
        if (budget <= 0) {
            return new Answer("FAILED", "No time left to rebuild in; raise RenderFunction's Timeout.");
        }
        ExecutorService worker = Executors.newSingleThreadExecutor(Thread.ofVirtual().name("deploy-rebuild")
                .factory());
        Future<Integer> pages = worker.submit(rebuild::getAsInt);
        worker.shutdown();
        try {
            int written = pages.get(budget, TimeUnit.MILLISECONDS);
            try {
                invalidator.invalidate(EVERYTHING);
            } catch (RuntimeException e) {
                // Pages are kept at the edge for minutes, not days: a lost invalidation only delays the new look.
                log.accept("The deploy's invalidation of /* failed (the edge keeps pages for at most 300 s): " + e);
            }
            return new Answer("SUCCESS", "Rebuilt the site: " + written + " objects written.");
        } catch (TimeoutException e) {
            pages.cancel(true);
            return new Answer("FAILED", "The rebuild did not finish within RenderFunction's timeout (it had "
                    + budget / 1000 + " s); raise the Timeout, or rebuild by hand with {\"action\":\"rebuild\"}. Log: "
                    + logStream);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            log.accept("The deploy's rebuild failed: " + stackTrace(cause));
            return new Answer("FAILED", "The rebuild failed: " + cause + ". Log: " + logStream);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer("FAILED", "The rebuild was interrupted. Log: " + logStream);
        }
    }

    private static String stackTrace(Throwable e) {
        StringWriter out = new StringWriter();
        e.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
