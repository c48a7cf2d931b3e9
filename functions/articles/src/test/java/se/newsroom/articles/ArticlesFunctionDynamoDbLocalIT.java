package se.newsroom.articles;

import se.newsroom.testing.DynamoDbLocal;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The article API against AWS's DynamoDB Local, in process. */
class ArticlesFunctionDynamoDbLocalIT extends ArticlesFunctionContract {
    @Override
    DynamoDbClient client() {
        return DynamoDbLocal.client();
    }
}
