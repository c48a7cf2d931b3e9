package se.newsroom.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import se.newsroom.config.Env;
import se.newsroom.config.EnvNames;

/** The render and preview functions' settings as template.yaml gives them. */
class RenderConfigTest {
    private static Map<String, String> variables() {
        Map<String, String> variables = new HashMap<>();
        variables.put(EnvNames.TABLE_NAME, "content");
        variables.put(EnvNames.AWS_REGION, "eu-north-1");
        variables.put(RenderConfig.BUCKET_NAME, "site");
        variables.put(RenderConfig.SITE_NAME, "Båstads Kommun");
        variables.put(RenderConfig.SITE_URL, "https://www.bastad.se");
        return variables;
    }

    @Test
    void mainCategories_shouldBeTheCommaSeparatedNames_trimmed_withoutEmptyOrRepeatedOnes() {
        Map<String, String> variables = variables();
        variables.put(RenderConfig.SITE_MAIN_CATEGORIES, " Kommunen, Individ och familj,,Politik ,Kommunen");

        assertThat(RenderConfig.from(new Env(variables)).mainCategories())
                .containsExactly("Kommunen", "Individ och familj", "Politik");
        assertThat(PreviewConfig.from(new Env(variables)).mainCategories())
                .containsExactly("Kommunen", "Individ och familj", "Politik");
    }

    @Test
    void mainCategories_shouldBeNone_whenTheVariableIsUnsetOrEmpty() {
        Map<String, String> variables = variables();
        assertThat(RenderConfig.from(new Env(variables)).mainCategories()).isEmpty();

        variables.put(RenderConfig.SITE_MAIN_CATEGORIES, "");
        assertThat(RenderConfig.from(new Env(variables)).mainCategories()).isEmpty();
    }
}
