package se.newsroom.articles;

import java.time.Clock;
import java.util.Map;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

import se.newsroom.article.ArticleIds;
import se.newsroom.article.dynamodb.DynamoDbArticleStore;
import se.newsroom.config.Env;
import se.newsroom.dynamodb.DynamoDbClients;

/**
 * Scheduled publishing that does not wait for traffic: invoked every minute by an EventBridge schedule, it
 * publishes the scheduled articles whose publishAt has come; the stream then renders them.
 */
public final class PublishScheduledFunction implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    private final ArticleService service;

    /** Used by the Lambda runtime. */
    public PublishScheduledFunction() {
        this(service(ArticlesConfig.from(Env.system())));
    }

    /** For tests and the local runner: a service with any store and clock. */
    public PublishScheduledFunction(ArticleService service) {
        this.service = service;
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> scheduledEvent, Context context) {
        return Map.of("published", service.publishDue());
    }

    private static ArticleService service(ArticlesConfig config) {
        return new ArticleService(new DynamoDbArticleStore(DynamoDbClients.create(config.region(),
                config.dynamoDbEndpoint()), config.tableName()), Clock.systemUTC(), ArticleIds.generator());
    }
}
