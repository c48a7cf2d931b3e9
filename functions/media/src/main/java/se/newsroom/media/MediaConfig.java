package se.newsroom.media;

import java.net.URI;
import java.util.Optional;

import software.amazon.awssdk.regions.Region;

import se.newsroom.config.Env;
import se.newsroom.config.EnvNames;

/**
 * MediaFunction's configuration, read once at start.
 *
 * @param siteBucket    the site's bucket, where the variants go ({@code media/<media id>/<width>.<ext>})
 * @param uploadsBucket the one bucket whose events it takes (template.yaml names it from the stack's id, so the
 *                      function can know it without referring to the bucket that refers to the function)
 * @param s3Endpoint    an endpoint override, only for a local S3 emulator
 */
public record MediaConfig(String tableName, String siteBucket, String uploadsBucket, Region region,
                          Optional<URI> dynamoDbEndpoint, Optional<URI> s3Endpoint) {
    public static final String BUCKET_NAME = "BUCKET_NAME";
    public static final String UPLOADS_BUCKET = "UPLOADS_BUCKET";
    public static final String S3_ENDPOINT = "S3_ENDPOINT";

    /** Reads the variables template.yaml sets; fails naming the first one missing. */
    public static MediaConfig from(Env env) {
        return new MediaConfig(
                env.required(EnvNames.TABLE_NAME),
                env.required(BUCKET_NAME),
                env.required(UPLOADS_BUCKET),
                Region.of(env.required(EnvNames.AWS_REGION)),
                env.optionalUri(EnvNames.DYNAMODB_ENDPOINT),
                env.optionalUri(S3_ENDPOINT));
    }
}
