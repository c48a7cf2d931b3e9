package se.newsroom.comments;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import se.newsroom.content.ArticleIds;
import se.newsroom.content.Hasher;
import se.newsroom.table.DynamoDbArticleStore;
import se.newsroom.table.DynamoDbCommentStore;
import se.newsroom.testing.DynamoDbLocal;
import se.newsroom.testing.Tables;

/** SnapStart priming runs the comment routes' hot paths without an error and without writing anything. */
class PrimingIT {

    @Test
    void prime_shouldAnswerEachRouteCleanly_andLeaveTheTableAsItWas() {
        DynamoDbClient dynamoDb = DynamoDbLocal.client();
        String table = Tables.fresh(dynamoDb);
        CommentsFunction function = new CommentsFunction(new CommentService(new DynamoDbArticleStore(dynamoDb, table),
                new DynamoDbCommentStore(dynamoDb, table), new Hasher("priming-salt-long-enough"), Clock.systemUTC(),
                ArticleIds.generator(), Optional.empty()), CommentCalls.ORIGIN_SECRET, CommentsFunctionIT.STOCKHOLM);

        assertThat(CommentsPriming.run(function)).containsExactly(200, 404, 404);
        assertThat(Tables.keys(dynamoDb, table)).isEmpty();
    }
}
