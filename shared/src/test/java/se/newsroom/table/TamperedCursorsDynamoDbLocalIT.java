package se.newsroom.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import se.newsroom.content.ArticleList;
import se.newsroom.content.ArticleStatus;
import se.newsroom.error.InvalidCursorException;
import se.newsroom.testing.Articles;
import se.newsroom.testing.DynamoDbLocal;
import se.newsroom.testing.Tables;

/** A cursor a client changed is a 400 (InvalidCursorException), never a query DynamoDB refuses (a 500). */
class TamperedCursorsDynamoDbLocalIT {
    private static final String ID = "01DVZ8Y3C4S0K9QH7N2M5X6B1A";
    private DynamoDbClient client;
    private String table;

    @BeforeEach
    void freshTable() {
        client = DynamoDbLocal.client();
        table = Tables.fresh(client);
        new DynamoDbArticleStore(client, table).create(Articles.published(Articles.draft("Nyhet"), Articles.T0),
                false, Articles.SAVE);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"PK\": \"\", \"SK\": \"A\", \"statusKey\": \"published\", \"statusSort\": \"2019#x\"}",
        "{\"PK\": \"ARTICLE#" + ID + "\", \"SK\": \"A\", \"statusKey\": \"published\", \"statusSort\": \"\"}",
        "{\"PK\": \"ARTICLE#" + ID + "\", \"SK\": \"\", \"statusKey\": \"published\", \"statusSort\": \"2019#x\"}",
        "{\"PK\": \"SLUG#nyhet\", \"SK\": \"A\", \"statusKey\": \"published\", \"statusSort\": \"2019#x\"}",
        "{\"PK\": \"ARTICLE#\", \"SK\": \"A\", \"statusKey\": \"published\", \"statusSort\": \"2019#x\"}",
        "{\"PK\": \"ARTICLE#" + ID + "\", \"SK\": \"A\", \"statusKey\": \"\", \"statusSort\": \"2019#x\"}",
        "{\"PK\": \"ARTICLE#" + ID + "\", \"SK\": \"A\", \"statusKey\": \"published\", \"statusSort\": null}",
    })
    void articleList_shouldRefuseACursorWithAnEmptyOrForeignKey(String key) {
        DynamoDbArticleStore store = new DynamoDbArticleStore(client, table);

        assertThatThrownBy(() -> store.list(Optional.of(ArticleStatus.PUBLISHED), 10, Optional.of(cursor("published",
                key)))).isInstanceOf(InvalidCursorException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"PK\": \"ARTICLE#" + ID + "\", \"SK\": \"C#" + ID + "\", \"queueKey\": \"pending\", \"queueSort\": \"\"}",
        "{\"PK\": \"ARTICLE#" + ID + "\", \"SK\": \"\", \"queueKey\": \"pending\", \"queueSort\": \"" + ID + "\"}",
        "{\"PK\": \"ARTICLE#" + ID + "\", \"SK\": \"C#" + ID + "\", \"queueKey\": \"approved\", \"queueSort\": \"x\"}",
        "{\"PK\": \"\", \"SK\": \"C#" + ID + "\", \"queueKey\": \"pending\", \"queueSort\": \"" + ID + "\"}",
        "{\"PK\": \"ARTICLE#" + ID + "\", \"SK\": \"A\", \"queueKey\": \"pending\", \"queueSort\": \"" + ID + "\"}",
    })
    void moderationQueue_shouldRefuseACursorWithAnEmptyOrForeignKey(String key) {
        DynamoDbCommentStore store = new DynamoDbCommentStore(client, table);

        assertThatThrownBy(() -> store.pending(10, Optional.of(cursor("", key))))
                .isInstanceOf(InvalidCursorException.class);
    }

    @Test
    void articleList_shouldAcceptACursorItMade() {
        DynamoDbArticleStore store = new DynamoDbArticleStore(client, table);
        store.create(Articles.published(Articles.draft("Nyhet två"), Articles.T0.plusSeconds(60)), false,
                Articles.SAVE);

        ArticleList first = store.list(Optional.of(ArticleStatus.PUBLISHED), 1, Optional.empty());

        assertThat(store.list(Optional.of(ArticleStatus.PUBLISHED), 1, first.nextCursor()).items()).hasSize(1);
    }

    private static String cursor(String part, String keyJson) {
        String json = "{\"s\": \"" + part + "\", \"k\": " + keyJson + "}";
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
