package se.newsroom.render.record;

import java.net.URI;
import java.util.Optional;

import software.amazon.awssdk.regions.Region;

import se.newsroom.config.Env;
import se.newsroom.config.EnvNames;
import se.newsroom.render.RenderConfig;

/**
 * PublicRecordFunction's configuration, read once at start: the records bucket and nothing else (the stream's images
 * carry the whole article, so it reads no table).
 *
 * @param s3Endpoint an endpoint override, only for a local S3 emulator
 */
public record RecordConfig(String bucketName, Region region, Optional<URI> s3Endpoint) {

    /** Reads the variables template.yaml sets; fails naming the first one missing. */
    public static RecordConfig from(Env env) {
        return new RecordConfig(env.required(EnvNames.RECORDS_BUCKET), Region.of(env.required(EnvNames.AWS_REGION)),
                env.optionalUri(RenderConfig.S3_ENDPOINT));
    }
}
