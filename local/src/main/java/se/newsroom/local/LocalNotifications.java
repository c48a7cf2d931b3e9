package se.newsroom.local;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

import se.newsroom.notify.CommentDigest;
import se.newsroom.notify.Notice;
import se.newsroom.notify.Notifier;
import se.newsroom.notify.NotifyWiring;
import se.newsroom.notify.ReviewNotifyFunction;

/**
 * The notifications, locally: the moderators' digest on a timer (the template's five minutes, or
 * {@code NEWSROOM_DIGEST_EVERY}), the publishers' review notices from the stream (a poller of their own, as their own
 * event source mapping is deployed), each notice printed to the console under who would get it by email.
 */
final class LocalNotifications implements AutoCloseable {
    /** How often the digest runs, in seconds or as an ISO-8601 duration (PT30S); the template's rate by default. */
    static final String DIGEST_EVERY = "NEWSROOM_DIGEST_EVERY";
    static final Duration TEMPLATE_RATE = Duration.ofMinutes(5);
    static final String MODERATORS = "e-post till moderatorer";
    static final String PUBLISHERS = "e-post till publicerare";

    private final ScheduledExecutorService timer;
    private final StreamPoller poller;
    private final Thread pollerThread;

    private LocalNotifications(ScheduledExecutorService timer, StreamPoller poller, Thread pollerThread) {
        this.timer = timer;
        this.poller = poller;
        this.pollerThread = pollerThread;
    }

    /**
     * Starts both: the digest over {@code dynamoDb}'s {@code table}, the review notices from {@code streamArn}.
     *
     * @param env where {@link #DIGEST_EVERY} is read
     */
    static LocalNotifications start(TemplateModel template, DynamoDbStreamsClient streams, String streamArn,
                                    DynamoDbClient dynamoDb, String table, String siteUrl, Map<String, String> env,
                                    PrintStream console) {
        Duration every = digestEvery(env);
        CommentDigest digest = NotifyWiring.digest(table, siteUrl, dynamoDb, printing(MODERATORS, console),
                Clock.systemUTC(), line -> System.err.println("digest: " + line));
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform()
                .daemon().name("comment-digest").unstarted(r));
        timer.scheduleAtFixedRate(() -> {
            try {
                digest.run();
            } catch (RuntimeException e) {
                System.err.println("digest: " + e);
            }
        }, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        ReviewNotifyFunction review = NotifyWiring.reviewNotify(siteUrl, printing(PUBLISHERS, console),
                line -> System.err.println("review: " + line));
        TemplateModel.StreamSource source = template.streamSources().stream()
                .filter(s -> s.handlerClass().equals(ReviewNotifyFunction.class.getName())).findFirst()
                .orElseThrow(() -> new IllegalStateException("template.yaml feeds no ReviewNotifyFunction"));
        StreamPoller poller = new StreamPoller(streams, streamArn, review, source, System.err::println, () -> "");
        Thread thread = Thread.ofPlatform().daemon().name("review-poller").start(poller);
        System.err.println("notifications: the comment digest every " + every.toSeconds() + " s (" + DIGEST_EVERY
                + "), review notices from the stream; printed here instead of sent by email");
        return new LocalNotifications(timer, poller, thread);
    }

    /** A notifier that prints each notice, labelled with who would get it. */
    static Notifier printing(String label, PrintStream console) {
        return notice -> console.print(format(label, notice));
    }

    /** How a notice is printed: the label and subject on one line, the text indented under it. */
    static String format(String label, Notice notice) {
        StringBuilder out = new StringBuilder("\n[").append(label).append("] ").append(notice.subject()).append('\n');
        notice.text().lines().forEach(line -> out.append(line.isEmpty() ? "" : "    " + line).append('\n'));
        return out.toString();
    }

    /** The digest's period: {@link #DIGEST_EVERY} in seconds or ISO-8601, else the template's five minutes. */
    static Duration digestEvery(Map<String, String> env) {
        Optional<String> value = Optional.ofNullable(env.get(DIGEST_EVERY)).map(String::strip)
                .filter(v -> !v.isEmpty());
        if (value.isEmpty()) {
            return TEMPLATE_RATE;
        }
        try {
            Duration d = value.get().matches("\\d+") ? Duration.ofSeconds(Long.parseLong(value.get()))
                    : Duration.parse(value.get());
            if (!d.isNegative() && !d.isZero()) {
                return d;
            }
        } catch (DateTimeParseException | NumberFormatException e) {
            // the same answer as a period of zero
        }
        throw new IllegalArgumentException(DIGEST_EVERY + " must be a number of seconds or an ISO-8601 duration "
                + "such as PT30S, above zero; got '" + value.get() + "'");
    }

    @Override
    public void close() throws InterruptedException {
        timer.shutdownNow();
        poller.stop();
        pollerThread.join(5_000);
        pollerThread.interrupt();
    }
}
