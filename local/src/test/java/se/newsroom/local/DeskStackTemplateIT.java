package se.newsroom.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

import se.newsroom.emulators.TemplateTable;

/**
 * What template.yaml promises the editors' desk (intrinsic tags read as plain values): a public code-flow client
 * returning to the site's /redaktion/, the API accepting its tokens, the token endpoint on the site's own origin,
 * render told where the desk signs in, and every deploy rebuilding the site.
 */
class DeskStackTemplateIT {
    /** Managed CloudFront policies: CachingDisabled and AllViewerExceptHostHeader. */
    private static final String CACHING_DISABLED = "4135ea2d-6df8-44a3-9df3-4b5a84be39ad";
    private static final String ALL_VIEWER_EXCEPT_HOST = "b689b0a8-53d0-40ab-baf2-68738e2966ac";
    private static final String SIGN_IN_DOMAIN = "${SignInDomain}.auth.${AWS::Region}.amazoncognito.com";

    private final JsonNode resources = read().path("Resources");

    @Test
    void theDesksClient_shouldBePublic_withTheCodeFlow_returningToTheSitesDesk() {
        JsonNode client = resources.path("DeskClient").path("Properties");

        assertThat(client.path("GenerateSecret").asBoolean(true)).isFalse();
        assertThat(client.path("AllowedOAuthFlowsUserPoolClient").asBoolean()).isTrue();
        assertThat(client.path("AllowedOAuthFlows")).extracting(JsonNode::asText).containsExactly("code");
        assertThat(client.path("AllowedOAuthScopes")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("openid", "email", "profile");
        assertThat(client.path("SupportedIdentityProviders")).extracting(JsonNode::asText).containsExactly("COGNITO");
        for (String urls : new String[] {"CallbackURLs", "LogoutURLs"}) {
            // !If [DeskOnDomainToo, [SiteUrl's, the custom domain's], [SiteUrl's]]
            assertThat(client.path(urls).get(1)).extracting(JsonNode::asText)
                    .containsExactly("${SiteUrl}/redaktion/", "https://${DomainName}/redaktion/");
            assertThat(client.path(urls).get(2)).extracting(JsonNode::asText).containsExactly("${SiteUrl}/redaktion/");
        }
        assertThat(client.path("IdTokenValidity").asInt()).isEqualTo(60);
        assertThat(client.path("AccessTokenValidity").asInt()).isEqualTo(60);
        assertThat(client.path("RefreshTokenValidity").asInt()).isEqualTo(720);
        assertThat(client.path("TokenValidityUnits").findValuesAsText("RefreshToken")).containsExactly("minutes");
        assertThat(client.path("PreventUserExistenceErrors").asText()).isEqualTo("ENABLED");
        assertThat(client.path("EnableTokenRevocation").asBoolean()).isTrue();
        assertThat(resources.path("SignInDomain").path("Properties").path("ManagedLoginVersion").asInt())
                .isEqualTo(2);
    }

    @Test
    void theApisAuthorizer_shouldAcceptTheDesksTokens_andTheFirstClientsStill() {
        JsonNode audience = resources.path("HttpApi").path("Properties").path("Auth").path("Authorizers")
                .path("EditorsJwt").path("JwtConfiguration").path("audience");

        assertThat(audience).extracting(JsonNode::asText).containsExactly("UserPoolClient", "DeskClient");
    }

    @Test
    void theTokenEndpoint_shouldBeOnTheSitesOrigin_uncached_withTheFormPassedOn() {
        JsonNode config = resources.path("SiteDistribution").path("Properties").path("DistributionConfig");
        JsonNode behaviour = config.path("CacheBehaviors").findParents("PathPattern").stream()
                .filter(b -> b.path("PathPattern").asText().equals("/oauth2/*")).findFirst().orElseThrow();
        JsonNode origin = config.path("Origins").findParents("Id").stream()
                .filter(o -> o.path("Id").asText().equals(behaviour.path("TargetOriginId").asText())).findFirst()
                .orElseThrow();

        assertThat(origin.path("DomainName").asText()).isEqualTo(SIGN_IN_DOMAIN);
        assertThat(origin.path("CustomOriginConfig").path("OriginProtocolPolicy").asText()).isEqualTo("https-only");
        assertThat(behaviour.path("AllowedMethods")).extracting(JsonNode::asText).contains("POST");
        assertThat(behaviour.path("CachePolicyId").asText()).isEqualTo(CACHING_DISABLED);
        assertThat(behaviour.path("OriginRequestPolicyId").asText()).isEqualTo(ALL_VIEWER_EXCEPT_HOST);
    }

    @Test
    void render_shouldBeToldWhereTheDeskSignsIn_andEveryDeployShouldRebuildTheSite() {
        JsonNode variables = resources.path("RenderFunction").path("Properties").path("Environment")
                .path("Variables");
        JsonNode build = resources.path("SiteBuild");

        assertThat(variables.path("DESK_AUTH_URL").asText()).isEqualTo("https://" + SIGN_IN_DOMAIN);
        assertThat(variables.path("DESK_CLIENT_ID").asText()).isEqualTo("DeskClient");
        assertThat(build.path("Type").asText()).isEqualTo("Custom::SiteBuild");
        assertThat(build.path("Properties").path("ServiceToken").asText()).isEqualTo("RenderFunction.Arn");
        // A new version with every change of render's code (its templates and the desk's files are in the jar), and
        // the desk's sign-in settings that config.json is written from: any of them changing runs the rebuild again.
        assertThat(build.path("Properties").path("RenderVersion").asText()).isEqualTo("RenderFunction.Version");
        assertThat(build.path("Properties").path("DeskAuthUrl").asText())
                .isEqualTo(variables.path("DESK_AUTH_URL").asText());
        assertThat(build.path("Properties").path("DeskClientId").asText()).isEqualTo("DeskClient");
    }

    private static JsonNode read() {
        try {
            return new ObjectMapper(new YAMLFactory()).readTree(TemplateTable.templatePath().toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
