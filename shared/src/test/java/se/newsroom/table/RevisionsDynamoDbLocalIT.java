package se.newsroom.table;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import se.newsroom.testing.DynamoDbLocal;

/** Revisions and the audit log against AWS's DynamoDB Local, in process. */
class RevisionsDynamoDbLocalIT extends RevisionsContract {
    @Override
    DynamoDbClient client() {
        return DynamoDbLocal.client();
    }
}
