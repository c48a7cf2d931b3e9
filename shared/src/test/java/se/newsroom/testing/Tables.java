package se.newsroom.testing;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import se.newsroom.emulators.TemplateTable;

/** Test helpers over a content table: fresh tables, and what is really in one. */
public final class Tables {
    private Tables() {
    }

    /** A new, empty content table with a unique name, as template.yaml declares it. */
    public static String fresh(DynamoDbClient client) {
        String name = "content-" + UUID.randomUUID();
        TemplateTable.create(client, name);
        return name;
    }

    /** Every item in the table (tests use small tables). */
    public static List<Map<String, AttributeValue>> items(DynamoDbClient client, String table) {
        return client.scanPaginator(r -> r.tableName(table).consistentRead(true)).items().stream().toList();
    }

    /** The partition keys of every item, e.g. {@code ARTICLE#01…} and {@code SLUG#…}. */
    public static List<String> keys(DynamoDbClient client, String table) {
        return items(client, table).stream().map(i -> i.get("PK").s()).sorted().toList();
    }
}
