package se.newsroom.render.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import se.newsroom.content.Article;
import se.newsroom.content.AuditAction;
import se.newsroom.content.Change;
import se.newsroom.table.DynamoDbArticleStore;
import se.newsroom.testing.Articles;
import se.newsroom.testing.DynamoDbLocal;
import se.newsroom.testing.Tables;

/**
 * The record kept beside the content (revisions, audit entries) touches no page: their stream records are no change
 * for the site, whether written, or (a revision past the kept 50) removed. Read from the items a real save writes.
 */
class ChangesRecordItemsIT {

    @Test
    void of_shouldSeeNoChange_inARevisionsOrAnAuditEntrysRecord_butOneInItsArticles() {
        // GIVEN a published article saved twice, and deleted: its revisions and audit entries as the table holds them
        DynamoDbClient client = DynamoDbLocal.embedded().dynamoDbClient(); // no HTTP server: Jetty is not on this path
        String table = Tables.fresh(client);
        DynamoDbArticleStore store = new DynamoDbArticleStore(client, table);
        Article v1 = store.create(Articles.published(Articles.draft("Ny idrottshall i Åby"), Articles.T0), false,
                Change.by("sub-anna", "Anna", AuditAction.CREATE));
        Article v2 = store.update(v1, v1.toBuilder().title("Ny idrottshall i Åby – klar 2021").version(2).build(),
                Change.by("sub-anna", "Anna", AuditAction.EDIT));
        store.delete(v2.id(), Optional.of(2L), Change.by("sub-bo", "Bo", AuditAction.DELETE));
        List<Map<String, AttributeValue>> record = Tables.items(client, table);
        assertThat(record).extracting(i -> i.get("type").s()).containsOnly("revision", "audit").hasSize(5);

        // WHEN / THEN each as an insert and as a removal: nothing for the site
        for (Map<String, AttributeValue> item : record) {
            Map<String, AttributeValue> keys = Map.of("PK", item.get("PK"), "SK", item.get("SK"));
            assertThat(Changes.of(new StreamRecord("1", "INSERT", keys, Map.of(), item))).as(keys.toString())
                    .isEmpty();
            assertThat(Changes.of(new StreamRecord("2", "REMOVE", keys, item, Map.of()))).as(keys.toString())
                    .isEmpty();
        }
        // while the article's own record is a change (the check above is not vacuous)
        Map<String, AttributeValue> articleKeys = Map.of("PK", AttributeValue.fromS("ARTICLE#" + v1.id()),
                "SK", AttributeValue.fromS("A"));
        Map<String, AttributeValue> revision = record.stream().filter(i -> i.get("type").s().equals("revision"))
                .findFirst().orElseThrow();
        assertThat(Changes.of(new StreamRecord("3", "INSERT", articleKeys, Map.of(), revision))).isPresent();
    }
}
