package se.newsroom.articles;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import se.newsroom.content.ArticleIds;
import se.newsroom.table.DynamoDbArticleStore;
import se.newsroom.table.DynamoDbCommentStore;
import se.newsroom.testing.DynamoDbLocal;
import se.newsroom.testing.Tables;

/** SnapStart priming runs every route's hot path without an error and without writing anything. */
class PrimingIT {

    @Test
    void prime_shouldAnswerEachRouteCleanly_andLeaveTheTableAsItWas() {
        DynamoDbClient dynamoDb = DynamoDbLocal.client();
        String table = Tables.fresh(dynamoDb);
        ArticlesFunction function = new ArticlesFunction(new ArticleService(new DynamoDbArticleStore(dynamoDb, table),
                new DynamoDbCommentStore(dynamoDb, table), Clock.systemUTC(), ArticleIds.generator()),
                ZoneId.of("Europe/Stockholm"));

        assertThat(ArticlesPriming.run(function)).containsExactly(404, 200, 200, 200, 404);
        assertThat(Tables.keys(dynamoDb, table)).isEmpty();
    }
}
