package se.newsroom.table;

import se.newsroom.testing.LocalStack;
import se.newsroom.testing.RequiresDocker;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The article store against LocalStack through Testcontainers; skipped, with the reason, without Docker. */
@RequiresDocker
class ArticleStoreLocalStackIT extends ArticleStoreContract {
    @Override
    DynamoDbClient client() {
        return LocalStack.dynamoDb();
    }
}
