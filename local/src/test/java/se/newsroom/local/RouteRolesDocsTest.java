package se.newsroom.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

import se.newsroom.emulators.TemplateTable;
import se.newsroom.http.RouteRoles;

/**
 * No route forgotten: every route template.yaml declares is in the role table (public exactly where the template
 * has no authorizer), and openapi.yaml and the README say for each what the table says.
 */
class RouteRolesDocsTest {
    private static final Path REPOSITORY = TemplateTable.templatePath().getParent();

    @Test
    void everyRouteOfTheTemplate_shouldBeInTheRoleTable_publicExactlyWhereNoTokenIsAsked() {
        for (TemplateModel.Route route : new TemplateModel(TemplateTable.templatePath()).routes()) {
            assertThat(RouteRoles.of(route.routeKey())).as(route.routeKey()).isPresent();
            assertThat(RouteRoles.of(route.routeKey()).get() == RouteRoles.Access.PUBLIC).as(route.routeKey())
                    .isEqualTo(!route.authorized());
        }
    }

    @Test
    void everyOperationOfOpenApi_shouldNameTheRoleTheTableGives_andItsRefusal() throws IOException {
        JsonNode paths = new ObjectMapper(new YAMLFactory()).readTree(REPOSITORY.resolve("openapi.yaml").toFile())
                .path("paths");
        Map<String, String> documented = new HashMap<>();
        paths.fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation -> {
            if (operation.getValue().has("operationId")) {
                String key = operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey();
                documented.put(key, operation.getValue().path("x-required-role").asText());
                if (RouteRoles.of(key).filter(a -> a != RouteRoles.Access.PUBLIC).isPresent()) {
                    assertThat(operation.getValue().path("responses").path("403").path("$ref").asText()).as(key)
                            .isEqualTo("#/components/responses/Forbidden");
                }
            }
        }));

        assertThat(documented).isNotEmpty();
        documented.forEach((route, role) -> assertThat(role).as(route).isEqualTo(RouteRoles.of(route)
                .map(RouteRolesDocsTest::documentedName).orElse("(not in the role table)")));
    }

    @Test
    void theReadme_shouldNameEveryRouteOfTheTable_inWhoMayDoWhat() throws IOException {
        String readme = Files.readString(REPOSITORY.resolve("README.md"));
        String section = readme.substring(readme.indexOf("### Who may do what"), readme.indexOf("### Routes"));

        RouteRoles.all().keySet().forEach(route -> assertThat(section).contains("`" + route + "`"));
    }

    /** The access as openapi.yaml's x-required-role spells it: a group, or any, or public. */
    private static String documentedName(RouteRoles.Access access) {
        return switch (access) {
            case PUBLIC -> "public";
            case ANY_ROLE -> "any";
            default -> access.role().orElseThrow().group();
        };
    }
}
