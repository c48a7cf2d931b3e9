package se.newsroom.comments;

import static org.assertj.core.api.Assertions.assertThat;
import static se.newsroom.comments.CommentCalls.fields;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import se.newsroom.aws.DynamoDbClients;
import se.newsroom.content.Article;
import se.newsroom.content.ArticleIds;
import se.newsroom.content.Hasher;
import se.newsroom.emulators.Fault;
import se.newsroom.emulators.FaultInjector;
import se.newsroom.table.DynamoDbArticleStore;
import se.newsroom.table.DynamoDbCommentStore;
import se.newsroom.testing.Articles;
import se.newsroom.testing.DynamoDbLocal;
import se.newsroom.testing.Tables;

/** A reader's form post while DynamoDB fails beyond the SDK's retries: a Swedish page, not a JSON problem. */
class CommentFormFaultsIT {

    @Test
    void formPost_whileDynamoDbFailsBeyondTheRetries_answers503WithRetryAfter_asASwedishPageBackToTheForm() {
        FaultInjector faults = new FaultInjector(3, Duration.ofMillis(50));
        DynamoDbClient dynamoDb = DynamoDbClients.create(Region.EU_NORTH_1, Optional.of(DynamoDbLocal.endpoint()),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")),
                faults.httpClient("dynamodb", UrlConnectionHttpClient.create()));
        String table = Tables.fresh(dynamoDb);
        DynamoDbArticleStore articles = new DynamoDbArticleStore(dynamoDb, table);
        Article article = articles.create(Articles.published(Articles.draft("Politiska styrningen utreds"),
                Instant.parse("2019-12-04T15:30:00Z")), false, Articles.SAVE);
        CommentCalls api = new CommentCalls(new CommentsFunction(new CommentService(articles,
                new DynamoDbCommentStore(dynamoDb, table), new Hasher("test-salt-of-sufficient-length"),
                new TestClock(Instant.parse("2019-12-05T08:00:00Z")), ArticleIds.generator(), Optional.empty()),
                CommentCalls.ORIGIN_SECRET, ZoneId.of("Europe/Stockholm")));
        faults.next(1000, Fault.SERVER_ERROR, "dynamodb", "PutItem");

        APIGatewayV2HTTPResponse response = api.form(article.id(), "198.51.100.7",
                fields("Karin i Torekov", "karin@example.se", "Bra att det utreds."));

        assertThat(response.getStatusCode()).isEqualTo(503);
        assertThat(response.getHeaders()).containsEntry("Retry-After", "1")
                .containsEntry("Content-Type", "text/html; charset=utf-8");
        assertThat(response.getBody()).contains("lang=\"sv\"", "Försök igen om en stund",
                article.url() + "#kommentera");
        assertThat(Tables.keys(dynamoDb, table)).noneMatch(k -> k.startsWith("RATE#") || k.startsWith("EMAIL#"));
    }
}
