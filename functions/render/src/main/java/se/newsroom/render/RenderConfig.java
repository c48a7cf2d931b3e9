package se.newsroom.render;

import java.net.URI;
import java.time.ZoneId;
import java.util.Optional;

import se.newsroom.config.Env;
import se.newsroom.config.EnvNames;
import software.amazon.awssdk.regions.Region;

/**
 * RenderFunction's configuration, read once at start.
 *
 * @param distributionId the CloudFront distribution to invalidate; none locally
 */
public record RenderConfig(String tableName, String bucketName, Optional<String> distributionId, String siteName,
                           URI siteUrl, ZoneId zone, Region region, Optional<URI> dynamoDbEndpoint,
                           Optional<URI> s3Endpoint) {
    public static final String BUCKET_NAME = "BUCKET_NAME";
    public static final String DISTRIBUTION_ID = "DISTRIBUTION_ID";
    public static final String SITE_NAME = "SITE_NAME";
    public static final String SITE_URL = "SITE_URL";
    public static final String S3_ENDPOINT = "S3_ENDPOINT";

    public static RenderConfig from(Env env) {
        return new RenderConfig(
                env.required(EnvNames.TABLE_NAME),
                env.required(BUCKET_NAME),
                env.optional(DISTRIBUTION_ID),
                env.required(SITE_NAME),
                env.optionalUri(SITE_URL).orElseThrow(() -> new se.newsroom.config.MissingConfigurationException(
                        "Environment variable " + SITE_URL + " is not set; template.yaml sets it.")),
                env.zone(EnvNames.SITE_TIME_ZONE, ZoneId.of("Europe/Stockholm")),
                Region.of(env.required(EnvNames.AWS_REGION)),
                env.optionalUri(EnvNames.DYNAMODB_ENDPOINT),
                env.optionalUri(S3_ENDPOINT));
    }
}
