package se.newsroom.articles;

import java.util.Map;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

import se.newsroom.config.Env;

/**
 * Scheduled publishing that does not wait for traffic: invoked every minute by an EventBridge schedule, it
 * publishes the scheduled articles whose publishAt has come; the stream then renders them.
 */
public final class PublishScheduledFunction implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    private final ArticleService service;

    /** Used by the Lambda runtime. */
    public PublishScheduledFunction() {
        this(ArticlesConfig.from(Env.system()));
    }

    private PublishScheduledFunction(ArticlesConfig config) {
        this(ArticlesWiring.service(config, ArticlesWiring.dynamoDb(config)));
    }

    /** For tests and {@link ArticlesWiring}: a service with any store and clock. */
    public PublishScheduledFunction(ArticleService service) {
        this.service = service;
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> scheduledEvent, Context context) {
        return Map.of("published", service.publishDue());
    }
}
