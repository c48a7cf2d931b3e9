package se.newsroom.articles;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import se.newsroom.testing.LocalStack;
import se.newsroom.testing.RequiresDocker;

/** The article API against LocalStack through Testcontainers; skipped, with the reason, without Docker. */
@RequiresDocker
class ArticlesFunctionLocalStackIT extends ArticlesFunctionContract {
    @Override
    DynamoDbClient client() {
        return LocalStack.dynamoDb();
    }
}
