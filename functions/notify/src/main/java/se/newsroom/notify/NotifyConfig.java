package se.newsroom.notify;

import java.net.URI;
import java.util.Optional;

import software.amazon.awssdk.regions.Region;

import se.newsroom.config.Env;
import se.newsroom.config.EnvNames;

/**
 * The configuration of the two notification functions, read once at start.
 *
 * @param topicArn    the SNS topic this function publishes to (ModerationTopic or ReviewTopic)
 * @param siteUrl     the site's public address, for the desk's links (no trailing slash)
 * @param snsEndpoint an emulator's SNS, only for local runs and tests (never in the template)
 */
public record NotifyConfig(String tableName, Region region, Optional<URI> dynamoDbEndpoint, String topicArn,
                           String siteUrl, Optional<URI> snsEndpoint) {
    public static final String TOPIC_ARN = "TOPIC_ARN";
    public static final String SITE_URL = "SITE_URL";
    public static final String SNS_ENDPOINT = "SNS_ENDPOINT";

    /** Reads the variables template.yaml sets; fails naming the first one missing. */
    public static NotifyConfig from(Env env) {
        return new NotifyConfig(env.required(EnvNames.TABLE_NAME), Region.of(env.required(EnvNames.AWS_REGION)),
                env.optionalUri(EnvNames.DYNAMODB_ENDPOINT), env.required(TOPIC_ARN),
                env.required(SITE_URL).replaceAll("/+$", ""), env.optionalUri(SNS_ENDPOINT));
    }
}
