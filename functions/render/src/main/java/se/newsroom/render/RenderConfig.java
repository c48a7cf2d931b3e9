package se.newsroom.render;

import java.net.URI;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import software.amazon.awssdk.regions.Region;

import se.newsroom.config.Env;
import se.newsroom.config.EnvNames;
import se.newsroom.config.MissingConfigurationException;
import se.newsroom.render.desk.DeskSignIn;

/**
 * RenderFunction's configuration, read once at start.
 *
 * @param distributionId  the CloudFront distribution to invalidate; none locally
 * @param pageParallelism how many pages are rendered and written at once, in a stream batch and in a rebuild
 * @param s3Endpoint      an endpoint override, only for a local S3 emulator
 * @param deskSignIn      where the editors' desk signs in (its config.json): the user pool domain, or locally the
 *                        runner's stand-in when {@code DESK_AUTH_URL} is empty
 * @param mainCategories  the categories every page's navigation links to ({@link #SITE_MAIN_CATEGORIES})
 * @param privacyContact  who readers ask to have their comments erased, named by the default privacy notice; "" for
 *                        none ({@link EnvNames#PRIVACY_CONTACT})
 */
public record RenderConfig(String tableName, String bucketName, Optional<String> distributionId, String siteName,
                           URI siteUrl, ZoneId zone, Region region, Optional<URI> dynamoDbEndpoint,
                           Optional<URI> s3Endpoint, int pageParallelism, DeskSignIn deskSignIn,
                           List<String> mainCategories, String privacyContact) {
    public static final String BUCKET_NAME = "BUCKET_NAME";
    public static final String DISTRIBUTION_ID = "DISTRIBUTION_ID";
    public static final String SITE_NAME = "SITE_NAME";
    public static final String SITE_URL = "SITE_URL";
    public static final String S3_ENDPOINT = "S3_ENDPOINT";
    public static final String PAGE_PARALLELISM = "PAGE_PARALLELISM";
    /** The user pool domain's base URL ({@code https://<prefix>.auth.<region>.amazoncognito.com}); empty locally. */
    public static final String DESK_AUTH_URL = "DESK_AUTH_URL";
    /** The desk's public app client; needed when {@link #DESK_AUTH_URL} is set. */
    public static final String DESK_CLIENT_ID = "DESK_CLIENT_ID";
    /**
     * The categories in every page's navigation, by name, comma-separated ("Kommunen,Politik"); unset or empty for
     * none. A setting, not content: every page carries the navigation, so it must not change when articles do.
     */
    public static final String SITE_MAIN_CATEGORIES = "SITE_MAIN_CATEGORIES";
    /** Rendering a page is mostly waiting for DynamoDB and S3, so 8 at once pay even on one vCPU. */
    public static final int DEFAULT_PAGE_PARALLELISM = 8;

    /** Reads the variables template.yaml sets; fails naming the first one missing. */
    public static RenderConfig from(Env env) {
        return new RenderConfig(
                env.required(EnvNames.TABLE_NAME),
                env.required(BUCKET_NAME),
                env.optional(DISTRIBUTION_ID),
                env.required(SITE_NAME),
                env.optionalUri(SITE_URL).orElseThrow(() -> new MissingConfigurationException(
                        "Environment variable " + SITE_URL + " is not set; template.yaml sets it.")),
                env.siteZone(),
                Region.of(env.required(EnvNames.AWS_REGION)),
                env.optionalUri(EnvNames.DYNAMODB_ENDPOINT),
                env.optionalUri(S3_ENDPOINT),
                env.optionalInt(PAGE_PARALLELISM, 1).orElse(DEFAULT_PAGE_PARALLELISM),
                deskSignIn(env),
                mainCategories(env),
                env.optional(EnvNames.PRIVACY_CONTACT).orElse(""));
    }

    /** The {@link #SITE_MAIN_CATEGORIES}, trimmed, empty names left out. */
    static List<String> mainCategories(Env env) {
        return env.optional(SITE_MAIN_CATEGORIES).stream().flatMap(v -> Arrays.stream(v.split(",")))
                .map(String::strip).filter(n -> !n.isEmpty()).distinct().toList();
    }

    private static DeskSignIn deskSignIn(Env env) {
        Optional<URI> authUrl = env.optionalUri(DESK_AUTH_URL);
        if (authUrl.isPresent() && env.optional(DESK_CLIENT_ID).isEmpty()) {
            throw new MissingConfigurationException("Environment variable " + DESK_CLIENT_ID + " is not set but "
                    + DESK_AUTH_URL + " is; template.yaml sets both.");
        }
        return DeskSignIn.of(authUrl, env.optional(DESK_CLIENT_ID));
    }
}
