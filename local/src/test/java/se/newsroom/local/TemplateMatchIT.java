package se.newsroom.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.amazonaws.services.dynamodbv2.local.embedded.DynamoDBEmbedded;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

import se.newsroom.emulators.TemplateTable;

/** The runner's table, routes and stream settings are template.yaml's, so the two cannot drift. */
class TemplateMatchIT {
    private final TemplateModel template = new TemplateModel(TemplateTable.templatePath());

    @Test
    void theTable_shouldHaveTheTemplatesKeysIndexesAndStream() {
        var local = DynamoDBEmbedded.create(true);
        try {
            DynamoDbClient dynamoDb = local.dynamoDbClient();
            TemplateTable.create(dynamoDb, LocalRunner.TABLE);
            TableDescription table = dynamoDb.describeTable(r -> r.tableName(LocalRunner.TABLE)).table();
            JsonNode declared = TemplateTable.contentTableProperties();

            assertThat(table.keySchema()).extracting(k -> k.attributeName() + ":" + k.keyTypeAsString())
                    .containsExactly("PK:HASH", "SK:RANGE");
            assertThat(table.globalSecondaryIndexes()).extracting(i -> i.indexName())
                    .containsExactlyInAnyOrderElementsOf(declared.path("GlobalSecondaryIndexes").findValuesAsText(
                            "IndexName"));
            table.globalSecondaryIndexes().forEach(i -> {
                JsonNode index = declared.path("GlobalSecondaryIndexes").findParents("IndexName").stream()
                        .filter(n -> n.path("IndexName").asText().equals(i.indexName())).findFirst().orElseThrow();
                assertThat(i.keySchema()).extracting(k -> k.attributeName())
                        .containsExactlyElementsOf(index.path("KeySchema").findValuesAsText("AttributeName"));
                assertThat(i.projection().projectionTypeAsString())
                        .isEqualTo(index.path("Projection").path("ProjectionType").asText());
            });
            assertThat(table.streamSpecification().streamViewTypeAsString()).isEqualTo(template.streamViewType())
                    .isEqualTo("NEW_AND_OLD_IMAGES");
        } finally {
            local.shutdown();
        }
    }

    @Test
    void theRoutes_shouldBeEveryHttpApiEventOfTheTemplate_withTheOneOpenRoute() {
        List<TemplateModel.Route> routes = template.routes();

        assertThat(routes).extracting(TemplateModel.Route::routeKey).contains("POST /api/articles",
                "GET /api/articles/{id}", "POST /api/articles/{id}/comments", "GET /api/comments");
        assertThat(routes).filteredOn(r -> !r.authorized()).extracting(TemplateModel.Route::routeKey)
                .containsExactly("POST /api/articles/{id}/comments");
        assertThat(template.streamSources()).filteredOn(s -> s.handlerClass().endsWith(".RenderFunction"))
                .singleElement().satisfies(s -> {
                    assertThat(s.batchSize()).isEqualTo(50);
                    assertThat(s.maximumRetryAttempts()).isEqualTo(5);
                });
        // The public record's writer has a mapping of its own on the same stream (issue 17).
        assertThat(template.streamSources()).extracting(TemplateModel.StreamSource::handlerClass)
                .contains("se.newsroom.render.record.PublicRecordFunction");
        // The publishers' review notices read the stream too (issue 17, notifications).
        assertThat(template.streamSources()).extracting(TemplateModel.StreamSource::handlerClass)
                .contains("se.newsroom.notify.ReviewNotifyFunction");
        assertThat(Map.of("site", template.parameterDefault("SiteName"))).containsEntry("site", "Båstads Kommun");
    }

    @Test
    void everyFunction_shouldHaveItsOwnRole_whosePoliciesNameNoWildcardResource() throws Exception {
        JsonNode resources = new ObjectMapper(
                new YAMLFactory()).readTree(TemplateTable.templatePath().toFile())
                .path("Resources");
        List<String> functions = new ArrayList<>();
        resources.properties().forEach(r -> {
            JsonNode resource = r.getValue();
            if (resource.path("Type").asText().equals("AWS::Serverless::Function")) {
                functions.add(r.getKey());
                // A role of our own, so SAM attaches no managed policy (their resources are "*").
                assertThat(resource.path("Properties").has("Role")).as(r.getKey() + " has a Role").isTrue();
                assertThat(resource.path("Properties").has("Policies")).as(r.getKey()).isFalse();
            }
            if (resource.path("Type").asText().equals("AWS::IAM::Role")) {
                assertThat(resource.findValues("Resource")).as(r.getKey())
                        .noneMatch(v -> v.isTextual() && v.asText().equals("*"))
                        .noneMatch(v -> v.isArray() && v.toString().contains("\"*\""));
            }
        });
        assertThat(functions).containsExactlyInAnyOrder("ArticlesFunction", "PublishScheduledFunction",
                "CommentsFunction", "RenderFunction", "PreviewFunction", "MediaFunction",
                "MediaFailureFunction", "PublicRecordFunction", "CommentDigestFunction", "ReviewNotifyFunction");
    }

    @Test
    void theEditorsPool_shouldRequireASecondFactor_anAuthenticatorApp() throws Exception {
        JsonNode pool = new ObjectMapper(new YAMLFactory()).readTree(TemplateTable.templatePath().toFile())
                .path("Resources").path("UserPool").path("Properties");

        assertThat(pool.path("MfaConfiguration").asText()).isEqualTo("ON");
        assertThat(pool.path("EnabledMfas")).extracting(JsonNode::asText).containsExactly("SOFTWARE_TOKEN_MFA");
    }
}
