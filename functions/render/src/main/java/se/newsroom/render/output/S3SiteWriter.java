package se.newsroom.render.output;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;

import se.newsroom.render.site.RenderedObject;

/** Writes the site into its S3 bucket, with each object's content type and cache headers. */
public final class S3SiteWriter implements SiteWriter {
    /** A key render never writes: pages end in .html, .xml, .txt, .css or .js. */
    public static final String PROBE_KEY = "priming/absent";

    private final S3Client s3;
    private final String bucket;

    public S3SiteWriter(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    @Override
    public void put(RenderedObject object) {
        PutObjectRequest.Builder request = PutObjectRequest.builder().bucket(bucket).key(object.key())
                .contentType(object.contentType()).cacheControl(object.cacheControl());
        object.redirectLocation().ifPresent(request::websiteRedirectLocation);
        s3.putObject(request.build(), RequestBody.fromBytes(object.body()));
    }

    @Override
    public void delete(String key) {
        s3.deleteObject(r -> r.bucket(bucket).key(key));
    }

    /**
     * The write paths without the writes: a put and a delete of a key render never writes, each stopped by the SDK
     * just before it would be sent; then a read of that key, which must answer 404. Returns whether it did.
     */
    @Override
    public boolean probe() {
        stopped(() -> s3.putObject(r -> r.bucket(bucket).key(PROBE_KEY).contentType("text/html; charset=utf-8")
                .cacheControl("no-store").overrideConfiguration(o -> o.addPlugin(StopBeforeSending.PLUGIN)),
                RequestBody.fromString("<!doctype html><title>priming</title>")));
        stopped(() -> s3.deleteObject(r -> r.bucket(bucket).key(PROBE_KEY)
                .overrideConfiguration(o -> o.addPlugin(StopBeforeSending.PLUGIN))));
        try {
            s3.getObjectAsBytes(r -> r.bucket(bucket).key(PROBE_KEY));
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return true;
            }
            throw e;
        }
    }

    private static void stopped(Runnable request) {
        try {
            request.run();
        } catch (RuntimeException e) {
            if (StopBeforeSending.stopped(e)) {
                return;
            }
            throw e;
        }
        throw new IllegalStateException("A priming request was sent; it should have been stopped before sending.");
    }
}
