package se.newsroom.table;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import se.newsroom.testing.DynamoDbLocal;

/** The article store against AWS's DynamoDB Local, in process. */
class ArticleStoreDynamoDbLocalIT extends ArticleStoreContract {
    @Override
    DynamoDbClient client() {
        return DynamoDbLocal.client();
    }
}
