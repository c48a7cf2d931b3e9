package se.newsroom.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.localstack.LocalStackContainer;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import se.newsroom.aws.SharedHttpClient;
import se.newsroom.aws.SignedCall;
import se.newsroom.content.ArticleIds;
import se.newsroom.content.Comment;
import se.newsroom.content.CommentStatus;
import se.newsroom.content.CommentStore.Hashes;
import se.newsroom.content.CommentStore.Limits;
import se.newsroom.json.Json;
import se.newsroom.table.DynamoDbArticleStore;
import se.newsroom.table.DynamoDbCommentStore;
import se.newsroom.testing.Articles;
import se.newsroom.testing.LocalStack;
import se.newsroom.testing.RequiresDocker;
import se.newsroom.testing.Tables;

/**
 * The digest through a real SNS topic (LocalStack's) to a subscriber: an SQS queue stands for the moderators' inbox
 * and receives what an email subscription would be sent, subject and text, Swedish intact.
 */
@RequiresDocker
class CommentDigestLocalStackIT {
    private static final Pattern TOPIC_ARN = Pattern.compile("<TopicArn>([^<]+)</TopicArn>");

    @Test
    void theDigest_shouldReachTheTopicsSubscriber_onceWithItsSubjectAndText() {
        // GIVEN a topic with a queue subscribed, and a pending comment on a published article
        LocalStackContainer c = LocalStack.container();
        String region = c.getRegion();
        URI endpoint = c.getEndpoint();
        SignedCall call = new SignedCall(SharedHttpClient.get(), LocalStack.credentials());
        String topicArn = topic(call, endpoint, region, "moderation-" + UUID.randomUUID().toString().substring(0, 8));
        SqsClient sqs = SqsClient.builder().region(Region.of(region)).endpointOverride(endpoint)
                .credentialsProvider(LocalStack.credentials()).httpClient(SharedHttpClient.get()).build();
        String queueUrl = sqs.createQueue(r -> r.queueName("inbox-" + UUID.randomUUID())).queueUrl();
        String queueArn = sqs.getQueueAttributes(r -> r.queueUrl(queueUrl)
                .attributeNames(QueueAttributeName.QUEUE_ARN)).attributes().get(QueueAttributeName.QUEUE_ARN);
        query(call, endpoint, region, Map.of("Action", "Subscribe", "TopicArn", topicArn, "Protocol", "sqs",
                "Endpoint", queueArn));
        DynamoDbClient dynamoDb = LocalStack.dynamoDb();
        String table = Tables.fresh(dynamoDb);
        var article = new DynamoDbArticleStore(dynamoDb, table).create(Articles.published(
                Articles.draft("Öppet hus på Individ och familj – välkommen"), Articles.T0), false, Articles.SAVE);
        Clock later = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(2));
        Instant posted = later.instant().minus(Duration.ofMinutes(7));
        new DynamoDbCommentStore(dynamoDb, table).post(new Comment(ArticleIds.generator().get(), article.id(),
                        Optional.empty(), "Läsare", "Tack!", CommentStatus.PENDING, posted, 1),
                new Hashes("e", "c", "d"), new Limits(0, 100), posted);
        CommentDigest digest = NotifyWiring.digest(table, "https://www.bastad.se", dynamoDb,
                new SnsNotifier(call, endpoint, region, topicArn), later, line -> { });

        // WHEN it runs twice
        assertThat(digest.run()).isPresent();
        assertThat(digest.run()).isEmpty();

        // THEN the subscriber has the one notice
        List<Message> received = sqs.receiveMessage(r -> r.queueUrl(queueUrl).waitTimeSeconds(10)
                .maxNumberOfMessages(10)).messages();
        assertThat(received).hasSize(1);
        JsonNode envelope = read(received.getFirst().body());
        assertThat(envelope.path("Subject").asText()).isEqualTo("1 ny kommentar väntar på granskning");
        assertThat(envelope.path("Message").asText())
                .contains("Öppet hus på Individ och familj – välkommen: 1", "väntat i 7 minuter",
                        "https://www.bastad.se/redaktion/#/kommentarer");
    }

    private static String topic(SignedCall call, URI endpoint, String region, String name) {
        Matcher arn = TOPIC_ARN.matcher(query(call, endpoint, region, Map.of("Action", "CreateTopic", "Name", name)));
        assertThat(arn.find()).isTrue();
        return arn.group(1);
    }

    /** One call of SNS's query protocol, as SnsNotifier makes Publish. */
    private static String query(SignedCall call, URI endpoint, String region, Map<String, String> parameters) {
        Map<String, String> form = new LinkedHashMap<>(parameters);
        form.put("Version", SnsNotifier.API_VERSION);
        SignedCall.Answer answer = call.send(SdkHttpRequest.builder().method(SdkHttpMethod.POST).uri(endpoint)
                .putHeader("Content-Type", "application/x-www-form-urlencoded; charset=utf-8").build(),
                SnsNotifier.formBody(form), "sns", region);
        assertThat(answer.ok()).as(answer.body()).isTrue();
        return answer.body();
    }

    private static JsonNode read(String json) {
        try {
            return Json.MAPPER.readTree(json.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
