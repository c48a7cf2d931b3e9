package se.newsroom.table;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import se.newsroom.testing.LocalStack;
import se.newsroom.testing.RequiresDocker;

/** Revisions and the audit log against LocalStack through Testcontainers; skipped, with the reason, without Docker. */
@RequiresDocker
class RevisionsLocalStackIT extends RevisionsContract {
    @Override
    DynamoDbClient client() {
        return LocalStack.dynamoDb();
    }
}
