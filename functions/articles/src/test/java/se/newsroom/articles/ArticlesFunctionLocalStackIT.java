package se.newsroom.articles;

import se.newsroom.testing.LocalStack;
import se.newsroom.testing.RequiresDocker;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The article API against LocalStack through Testcontainers; skipped, with the reason, without Docker. */
@RequiresDocker
class ArticlesFunctionLocalStackIT extends ArticlesFunctionContract {
    @Override
    DynamoDbClient client() {
        return LocalStack.dynamoDb();
    }
}
