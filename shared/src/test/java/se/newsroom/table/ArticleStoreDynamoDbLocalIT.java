package se.newsroom.table;

import se.newsroom.testing.DynamoDbLocal;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The article store against AWS's DynamoDB Local, in process. */
class ArticleStoreDynamoDbLocalIT extends ArticleStoreContract {
    @Override
    DynamoDbClient client() {
        return DynamoDbLocal.client();
    }
}
