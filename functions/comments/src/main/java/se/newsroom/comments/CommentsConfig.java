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
 * @param originSecretArn the Secrets Manager secret CloudFront sends in its origin header (deployed)
 * @param originSecret   that secret itself, only for local runs and tests (never in the template)
 */
public record CommentsConfig(String tableName, Region region, Optional<URI> dynamoDbEndpoint,
                             Optional<String> saltParameter, Optional<String> salt, Optional<Integer> closeAfterDays,
                             ZoneId siteZone, Optional<String> originSecretArn, Optional<String> originSecret) {
    public static final String HASH_SALT_PARAMETER = "HASH_SALT_PARAMETER";
    public static final String HASH_SALT = "HASH_SALT";
    public static final String ORIGIN_SECRET_ARN = "ORIGIN_SECRET_ARN";
    public static final String ORIGIN_SECRET = "ORIGIN_SECRET";
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
        Optional<String> originSecretArn = env.optional(ORIGIN_SECRET_ARN);
        Optional<String> originSecret = env.optional(ORIGIN_SECRET);
        if (originSecretArn.isEmpty() && originSecret.isEmpty()) {
            throw new MissingConfigurationException("Environment variable " + ORIGIN_SECRET_ARN + " is not set; "
                    + "template.yaml names the secret CloudFront sends to the API (locally, " + ORIGIN_SECRET
                    + " may hold it).");
        }
        return new CommentsConfig(env.required(EnvNames.TABLE_NAME), Region.of(env.required(EnvNames.AWS_REGION)),
                env.optionalUri(EnvNames.DYNAMODB_ENDPOINT), parameter, salt,
                env.optionalInt(COMMENTS_CLOSE_AFTER_DAYS, 0), env.siteZone(), originSecretArn, originSecret);
    }
}
