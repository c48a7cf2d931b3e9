package se.newsroom.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

import se.newsroom.emulators.TemplateTable;

/**
 * local/sam-env.json, what {@code sam local --env-vars} gives the functions, against template.yaml: SAM CLI passes a
 * function only the variables its template declares, so a variable the file sets and the template omits never
 * reaches the function (it would then talk to AWS, or fail at start, under {@code sam local}).
 */
class SamEnvTest {
    private static final Path TEMPLATE = TemplateTable.templatePath();

    @Test
    void everyVariableOfSamEnv_shouldBeDeclaredForItsFunctions_inTheTemplate() throws IOException {
        JsonNode env = new ObjectMapper().readTree(TEMPLATE.resolveSibling("local/sam-env.json").toFile());
        JsonNode template = new ObjectMapper(new YAMLFactory()).readTree(TEMPLATE.toFile());
        JsonNode globals = template.path("Globals").path("Function").path("Environment").path("Variables");
        List<String> functions = new ArrayList<>();
        template.path("Resources").properties().forEach(r -> {
            if (r.getValue().path("Type").asText().equals("AWS::Serverless::Function")) {
                functions.add(r.getKey());
            }
        });

        List<String> undeclared = new ArrayList<>();
        for (Map.Entry<String, JsonNode> section : env.properties()) {
            List<String> targets = section.getKey().equals("Parameters") ? functions : List.of(section.getKey());
            assertThat(functions).as("functions of the template").containsAll(targets);
            for (String function : targets) {
                JsonNode declared = template.path("Resources").path(function).path("Properties").path("Environment")
                        .path("Variables");
                section.getValue().fieldNames().forEachRemaining(name -> {
                    if (!declared.has(name) && !globals.has(name)) {
                        undeclared.add(function + " " + name);
                    }
                });
            }
        }
        assertThat(undeclared).isEmpty();
    }

    @Test
    void theVariablesDeclaredOnlyForSamLocal_shouldBeEmptyInTheTemplate_soDeployedFunctionsUseAws() throws IOException {
        JsonNode template = new ObjectMapper(new YAMLFactory()).readTree(TEMPLATE.toFile());
        JsonNode globals = template.path("Globals").path("Function").path("Environment").path("Variables");
        JsonNode comments = template.path("Resources").path("CommentsFunction").path("Properties")
                .path("Environment").path("Variables");

        assertThat(globals.path("DYNAMODB_ENDPOINT").asText("unset")).isEmpty();
        assertThat(globals.path("S3_ENDPOINT").asText("unset")).isEmpty();
        assertThat(globals.path("SAM_LOCAL_EDITOR_TOKEN").asText("unset")).isEmpty();
        assertThat(comments.path("HASH_SALT").asText("unset")).isEmpty();
        assertThat(comments.path("ORIGIN_SECRET").asText("unset")).isEmpty();
    }
}
