package se.newsroom.render;

import java.net.URI;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import software.amazon.awssdk.regions.Region;

import se.newsroom.config.Env;
import se.newsroom.config.EnvNames;
import se.newsroom.config.MissingConfigurationException;

/**
 * PreviewFunction's configuration, read once at start: what a page needs (the site's name, address and zone) and the
 * table it reads; no bucket, since a preview writes nothing.
 *
 * @param dynamoDbEndpoint an endpoint override, only for the local emulators
 * @param mainCategories   the categories in the navigation, as on the site ({@link RenderConfig#SITE_MAIN_CATEGORIES})
 */
public record PreviewConfig(String tableName, String siteName, URI siteUrl, ZoneId zone, Region region,
                            Optional<URI> dynamoDbEndpoint, List<String> mainCategories) {

    /** Reads the variables template.yaml sets; fails naming the first one missing. */
    public static PreviewConfig from(Env env) {
        return new PreviewConfig(
                env.required(EnvNames.TABLE_NAME),
                env.required(RenderConfig.SITE_NAME),
                env.optionalUri(RenderConfig.SITE_URL).orElseThrow(() -> new MissingConfigurationException(
                        "Environment variable " + RenderConfig.SITE_URL + " is not set; template.yaml sets it.")),
                env.siteZone(),
                Region.of(env.required(EnvNames.AWS_REGION)),
                env.optionalUri(EnvNames.DYNAMODB_ENDPOINT),
                RenderConfig.mainCategories(env));
    }
}
