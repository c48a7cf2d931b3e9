package se.newsroom.notify;

import java.time.Clock;
import java.util.Map;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

import se.newsroom.config.Env;
import se.newsroom.config.SnapStartPriming;

/**
 * Every five minutes (an EventBridge schedule): tells the moderators, in one notice to ModerationTopic, of the
 * comments that have come into the queue since the last notice; nothing when none has.
 */
public final class CommentDigestFunction implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    private final CommentDigest digest;

    /** Used by the Lambda runtime: builds the clients once per container. */
    public CommentDigestFunction() {
        this(NotifyConfig.from(Env.system()));
    }

    private CommentDigestFunction(NotifyConfig config) {
        this(NotifyWiring.digest(config.tableName(), config.siteUrl(), NotifyWiring.dynamoDb(config),
                NotifyWiring.sns(config), Clock.systemUTC(), System.out::println));
        SnapStartPriming.register("CommentDigestFunction", digest::prime);
    }

    /** For tests and the local runner: any digest. */
    public CommentDigestFunction(CommentDigest digest) {
        this.digest = digest;
    }

    /** Answers {@code {"sent": true|false, "subject": …}} (the subject only when a notice went). */
    @Override
    public Map<String, Object> handleRequest(Map<String, Object> scheduledEvent, Context context) {
        return digest.run().<Map<String, Object>>map(n -> Map.of("sent", true, "subject", n.subject()))
                .orElseGet(() -> Map.of("sent", false));
    }
}
