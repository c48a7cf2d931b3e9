package se.newsroom.articles;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

import se.newsroom.content.ArticleIds;
import se.newsroom.table.DynamoDbArticleStore;
import se.newsroom.table.DynamoDbCommentStore;
import se.newsroom.table.DynamoDbMediaStore;
import se.newsroom.testing.DynamoDbLocal;
import se.newsroom.testing.Tables;

/** SnapStart priming runs every route's hot path without an error and without writing anything. */
class PrimingIT {

    @Test
    void prime_shouldAnswerEachRouteCleanly_andLeaveTheTableAsItWas() {
        DynamoDbClient dynamoDb = DynamoDbLocal.client();
        String table = Tables.fresh(dynamoDb);
        DynamoDbMediaStore media = new DynamoDbMediaStore(dynamoDb, table);
        MediaFiles files = new S3MediaFiles(S3Presigner.builder().region(Region.EU_NORTH_1).credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "example"))).build(), null,
                "newsroom-uploads", "newsroom-site");
        ArticlesFunction function = new ArticlesFunction(new ArticleService(new DynamoDbArticleStore(dynamoDb, table),
                new DynamoDbCommentStore(dynamoDb, table), Optional.of(media), Clock.systemUTC(),
                ArticleIds.generator()), Optional.of(new MediaService(media, files, Clock.systemUTC(),
                ArticleIds.generator())), ZoneId.of("Europe/Stockholm"));

        assertThat(ArticlesPriming.run(function)).containsExactly(404, 200, 200, 200, 404, 200, 404);
        assertThat(Tables.keys(dynamoDb, table)).isEmpty();
    }
}
