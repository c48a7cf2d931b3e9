package se.newsroom.comments;

import java.net.URI;
import java.time.Clock;

import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import se.newsroom.aws.DynamoDbClients;
import se.newsroom.aws.SharedHttpClient;
import se.newsroom.aws.SignedCall;
import se.newsroom.content.ArticleIds;
import se.newsroom.content.Hasher;
import se.newsroom.table.DynamoDbArticleStore;
import se.newsroom.table.DynamoDbCommentStore;

/**
 * Puts CommentsFunction together from its configuration and the table's client: the one place that does, for the
 * Lambda runtime's no-arg constructor and for the local runner alike.
 */
public final class CommentsWiring {
    private CommentsWiring() {
    }

    /** The table's client as the deployed function builds it. */
    static DynamoDbClient dynamoDb(CommentsConfig config) {
        return DynamoDbClients.create(config.region(), config.dynamoDbEndpoint());
    }

    /** The comment service on the content table; the salt is read here, once (from Parameter Store if need be). */
    public static CommentService service(CommentsConfig config, DynamoDbClient dynamoDb) {
        return new CommentService(new DynamoDbArticleStore(dynamoDb, config.tableName()),
                new DynamoDbCommentStore(dynamoDb, config.tableName()), new Hasher(salt(config)), Clock.systemUTC(),
                ArticleIds.generator(), config.closeAfterDays());
    }

    /** The comments function. */
    public static CommentsFunction comments(CommentsConfig config, DynamoDbClient dynamoDb) {
        return new CommentsFunction(service(config, dynamoDb), originSecret(config), config.siteZone());
    }

    /** The secret CloudFront sends in its origin header, read here, once (from Secrets Manager if need be). */
    static String originSecret(CommentsConfig config) {
        return config.originSecret().orElseGet(() -> Salts.fromSecretsManager(
                new SignedCall(SharedHttpClient.get(), EnvironmentVariableCredentialsProvider.create()),
                URI.create("https://secretsmanager." + config.region().id() + ".amazonaws.com/"),
                config.region().id(), config.originSecretArn().orElseThrow()));
    }

    private static String salt(CommentsConfig config) {
        return config.salt().orElseGet(() -> Salts.fromParameterStore(
                new SignedCall(SharedHttpClient.get(), EnvironmentVariableCredentialsProvider.create()),
                URI.create("https://ssm." + config.region().id() + ".amazonaws.com/"), config.region().id(),
                config.saltParameter().orElseThrow()));
    }
}
