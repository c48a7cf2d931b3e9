package se.newsroom.notify;

import java.time.Clock;
import java.util.function.Consumer;

import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import se.newsroom.aws.DynamoDbClients;
import se.newsroom.aws.SharedHttpClient;
import se.newsroom.aws.SignedCall;
import se.newsroom.table.DynamoDbArticleStore;
import se.newsroom.table.DynamoDbCommentDigestStore;

/** How the notification functions are put together, for Lambda and for the local runner (with its own notifier). */
public final class NotifyWiring {
    private NotifyWiring() {
    }

    /** The table's client, from the configuration. */
    static DynamoDbClient dynamoDb(NotifyConfig config) {
        return DynamoDbClients.create(config.region(), config.dynamoDbEndpoint());
    }

    /** The configured topic, reached with the Lambda runtime's credentials. */
    static Notifier sns(NotifyConfig config) {
        return new SnsNotifier(new SignedCall(SharedHttpClient.get(), EnvironmentVariableCredentialsProvider.create()),
                config.snsEndpoint().orElseGet(() -> SnsNotifier.endpoint(config.region().id())),
                config.region().id(), config.topicArn());
    }

    /** The moderators' digest over the table, telling {@code notifier}. */
    public static CommentDigest digest(String tableName, String siteUrl, DynamoDbClient dynamoDb, Notifier notifier,
                                       Clock clock, Consumer<String> log) {
        return new CommentDigest(new DynamoDbCommentDigestStore(dynamoDb, tableName),
                new DynamoDbArticleStore(dynamoDb, tableName), notifier, new DigestText(siteUrl), clock, log);
    }

    /** The publishers' review notices, telling {@code notifier}. */
    public static ReviewNotifyFunction reviewNotify(String siteUrl, Notifier notifier, Consumer<String> log) {
        return new ReviewNotifyFunction(new ReviewNotices(notifier, new ReviewText(siteUrl), log));
    }
}
