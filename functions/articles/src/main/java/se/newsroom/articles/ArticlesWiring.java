package se.newsroom.articles;

import java.time.Clock;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import se.newsroom.aws.DynamoDbClients;
import se.newsroom.content.ArticleIds;
import se.newsroom.table.DynamoDbArticleStore;
import se.newsroom.table.DynamoDbCommentStore;

/**
 * Puts the articles jar's functions together from their configuration and the table's client: the one place that
 * does, for the Lambda runtime's no-arg constructors and for the local runner alike.
 */
public final class ArticlesWiring {
    private ArticlesWiring() {
    }

    /** The table's client as a deployed function builds it. */
    static DynamoDbClient dynamoDb(ArticlesConfig config) {
        return DynamoDbClients.create(config.region(), config.dynamoDbEndpoint());
    }

    /** The article service on the content table, with the system clock and ULIDs. */
    public static ArticleService service(ArticlesConfig config, DynamoDbClient dynamoDb) {
        return new ArticleService(new DynamoDbArticleStore(dynamoDb, config.tableName()),
                new DynamoDbCommentStore(dynamoDb, config.tableName()), Clock.systemUTC(), ArticleIds.generator());
    }

    /** The editors' article API. */
    public static ArticlesFunction articles(ArticlesConfig config, DynamoDbClient dynamoDb) {
        return new ArticlesFunction(service(config, dynamoDb), config.siteZone());
    }

    /** The every-minute publisher of scheduled articles. */
    public static PublishScheduledFunction publishScheduled(ArticlesConfig config, DynamoDbClient dynamoDb) {
        return new PublishScheduledFunction(service(config, dynamoDb));
    }
}
