package se.newsroom.articles;

import java.net.URI;
import java.util.Optional;

import software.amazon.awssdk.regions.Region;

import se.newsroom.config.Env;
import se.newsroom.config.EnvNames;

/**
 * The media API's configuration, read once at start (ArticlesFunction only; the scheduled publisher needs none).
 *
 * @param uploadsBucket the private bucket editors upload to, through the site's {@code /uploads/*} behaviour
 * @param siteBucket    the site bucket, whose {@code media/<id>/} variants a delete removes
 * @param region        the buckets' region
 * @param s3Endpoint    an endpoint override, only for the local emulators
 */
public record MediaApiConfig(String uploadsBucket, String siteBucket, Region region, Optional<URI> s3Endpoint) {
    public static final String UPLOADS_BUCKET = "UPLOADS_BUCKET";
    public static final String BUCKET_NAME = "BUCKET_NAME";
    public static final String S3_ENDPOINT = "S3_ENDPOINT";

    /** Reads the variables template.yaml sets; fails naming the first one missing. */
    public static MediaApiConfig from(Env env) {
        return new MediaApiConfig(env.required(UPLOADS_BUCKET), env.required(BUCKET_NAME),
                Region.of(env.required(EnvNames.AWS_REGION)), env.optionalUri(S3_ENDPOINT));
    }
}
