package se.newsroom.articles;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import se.newsroom.testing.DynamoDbLocal;

/** The article API against AWS's DynamoDB Local, in process. */
class ArticlesFunctionDynamoDbLocalIT extends ArticlesFunctionContract {
    @Override
    DynamoDbClient client() {
        return DynamoDbLocal.client();
    }
}
