package se.newsroom.articles;

import java.net.URI;
import java.time.ZoneId;
import java.util.Optional;

import software.amazon.awssdk.regions.Region;

import se.newsroom.config.Env;
import se.newsroom.config.EnvNames;

/**
 * ArticlesFunction's (and PublishScheduledFunction's) configuration, read once at start.
 *
 * @param tableName        the content table
 * @param region           the AWS region of the table
 * @param dynamoDbEndpoint an endpoint override, only for the local emulators
 * @param siteZone         the zone in which dates are given back to editors
 * @param privacyContact   who readers ask to have their comments erased, for the default privacy notice; "" for none
 */
public record ArticlesConfig(String tableName, Region region, Optional<URI> dynamoDbEndpoint, ZoneId siteZone,
                             String privacyContact) {

    /** Reads the variables template.yaml sets; fails naming the first one missing. */
    public static ArticlesConfig from(Env env) {
        return new ArticlesConfig(
                env.required(EnvNames.TABLE_NAME),
                Region.of(env.required(EnvNames.AWS_REGION)),
                env.optionalUri(EnvNames.DYNAMODB_ENDPOINT),
                env.siteZone(),
                env.optional(EnvNames.PRIVACY_CONTACT).orElse(""));
    }
}
