package se.newsroom.table;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import se.newsroom.testing.LocalStack;
import se.newsroom.testing.RequiresDocker;

/** The article store against LocalStack through Testcontainers; skipped, with the reason, without Docker. */
@RequiresDocker
class ArticleStoreLocalStackIT extends ArticleStoreContract {
    @Override
    DynamoDbClient client() {
        return LocalStack.dynamoDb();
    }
}
