package se.newsroom.emulators;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;

/**
 * The content table exactly as template.yaml declares it, created in an emulator (DynamoDB Local, LocalStack): no
 * second copy to drift. Used by the local runner and by the tests.
 */
public final class TemplateTable {
    /** The table's logical id in template.yaml. */
    public static final String CONTENT_TABLE = "ContentTable";

    private TemplateTable() {
    }

    /** template.yaml at the repository's root, found from the module a test runs in. */
    public static Path templatePath() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolve("template.yaml");
            if (Files.exists(candidate)) {
                return candidate;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("template.yaml not found above " + Path.of("").toAbsolutePath());
    }

    /** The ContentTable resource's Properties from template.yaml (CloudFormation tags are read as plain values). */
    public static JsonNode contentTableProperties() {
        try {
            JsonNode template = new ObjectMapper(new YAMLFactory()).readTree(templatePath().toFile());
            return template.path("Resources").path(CONTENT_TABLE).path("Properties");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The create request for a table named {@code name} with the template's keys, indexes and stream. */
    public static CreateTableRequest createRequest(String name) {
        JsonNode p = contentTableProperties();
        List<AttributeDefinition> attributes = new ArrayList<>();
        p.path("AttributeDefinitions").forEach(a -> attributes.add(AttributeDefinition.builder()
                .attributeName(a.path("AttributeName").asText())
                .attributeType(a.path("AttributeType").asText()).build()));
        List<GlobalSecondaryIndex> indexes = new ArrayList<>();
        p.path("GlobalSecondaryIndexes").forEach(i -> {
            Projection.Builder projection = Projection.builder()
                    .projectionType(i.path("Projection").path("ProjectionType").asText());
            List<String> included = new ArrayList<>();
            i.path("Projection").path("NonKeyAttributes").forEach(n -> included.add(n.asText()));
            if (!included.isEmpty()) {
                projection.nonKeyAttributes(included);
            }
            indexes.add(GlobalSecondaryIndex.builder()
                    .indexName(i.path("IndexName").asText())
                    .keySchema(keys(i.path("KeySchema")))
                    .projection(projection.build()).build());
        });
        return CreateTableRequest.builder()
                .tableName(name)
                .billingMode(BillingMode.fromValue(p.path("BillingMode").asText()))
                .attributeDefinitions(attributes)
                .keySchema(keys(p.path("KeySchema")))
                .globalSecondaryIndexes(indexes)
                .streamSpecification(StreamSpecification.builder().streamEnabled(true)
                        .streamViewType(p.path("StreamSpecification").path("StreamViewType").asText()).build())
                .build();
    }

    /** Creates the table and waits until it is active. */
    public static void create(DynamoDbClient client, String name) {
        client.createTable(createRequest(name));
        client.waiter().waitUntilTableExists(r -> r.tableName(name));
    }

    private static List<KeySchemaElement> keys(JsonNode keySchema) {
        List<KeySchemaElement> keys = new ArrayList<>();
        keySchema.forEach(k -> keys.add(KeySchemaElement.builder()
                .attributeName(k.path("AttributeName").asText())
                .keyType(k.path("KeyType").asText()).build()));
        return keys;
    }
}
