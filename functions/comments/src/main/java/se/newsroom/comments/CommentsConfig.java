package se.newsroom.comments;

import java.net.URI;
import java.time.ZoneId;
import java.util.Optional;

import software.amazon.awssdk.regions.Region;

import se.newsroom.config.Env;
import se.newsroom.config.EnvNames;
import se.newsroom.config.MissingConfigurationException;

/**
 * CommentsFunction's configuration, read once at start.
 *
 * @param saltParameter  the Parameter Store name of the hashing salt (deployed)
 * @param salt           the salt itself, only for local runs and tests (never in the template)
 * @param closeAfterDays comments close this many days after publication, when set
 * @param siteZone       the zone in which dates are given back to editors
 */
public record CommentsConfig(String tableName, Region region, Optional<URI> dynamoDbEndpoint,
                             Optional<String> saltParameter, Optional<String> salt, Optional<Integer> closeAfterDays,
                             ZoneId siteZone) {
    public static final String HASH_SALT_PARAMETER = "HASH_SALT_PARAMETER";
    public static final String HASH_SALT = "HASH_SALT";
    public static final String COMMENTS_CLOSE_AFTER_DAYS = "COMMENTS_CLOSE_AFTER_DAYS";

    /** Reads the variables template.yaml sets; fails naming the first one missing. */
    public static CommentsConfig from(Env env) {
        Optional<String> parameter = env.optional(HASH_SALT_PARAMETER);
        Optional<String> salt = env.optional(HASH_SALT);
        if (parameter.isEmpty() && salt.isEmpty()) {
            throw new MissingConfigurationException("Environment variable " + HASH_SALT_PARAMETER + " is not set; "
                    + "template.yaml names the Parameter Store parameter holding the hashing salt (locally, "
                    + HASH_SALT + " may hold the salt itself).");
        }
        return new CommentsConfig(env.required(EnvNames.TABLE_NAME), Region.of(env.required(EnvNames.AWS_REGION)),
                env.optionalUri(EnvNames.DYNAMODB_ENDPOINT), parameter, salt,
                env.optionalInt(COMMENTS_CLOSE_AFTER_DAYS, 0), env.siteZone());
    }
}
