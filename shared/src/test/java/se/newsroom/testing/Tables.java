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

    /**
     * The partition keys of every item of the live content, e.g. {@code ARTICLE#01…} and {@code SLUG#…}: the record
     * kept beside it (revisions {@code ARTICLE#…}/{@code R#…} and the audit log {@code AUDIT#…}), which stays by
     * design when its article goes, is left out; {@link #record} lists it.
     */
    public static List<String> keys(DynamoDbClient client, String table) {
        return items(client, table).stream().filter(i -> !isRecord(i)).map(i -> i.get("PK").s()).sorted().toList();
    }

    /** The keys ({@code PK SK}) of the record: every revision and audit entry. */
    public static List<String> record(DynamoDbClient client, String table) {
        return items(client, table).stream().filter(Tables::isRecord).map(i -> i.get("PK").s() + " "
                + i.get("SK").s()).sorted().toList();
    }

    private static boolean isRecord(Map<String, AttributeValue> item) {
        return item.get("PK").s().startsWith("AUDIT#") || item.get("SK").s().startsWith("R#");
    }
}
