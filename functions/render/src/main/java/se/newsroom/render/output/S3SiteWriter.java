package se.newsroom.render.output;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;

import se.newsroom.render.site.RenderedObject;

/**
 * Writes the site into its S3 bucket, with each object's content type and cache headers. Guarded writes are S3's
 * conditional requests: PutObject with If-Match (the ETag seen) or If-None-Match: * (nothing seen), DeleteObject
 * with If-Match; S3 answers 412 when the object changed since, or 409 when a conflicting write raced this one.
 */
public final class S3SiteWriter implements SiteWriter {
    /** A key render never writes: pages end in .html, .xml, .txt, .css or .js. */
    public static final String PROBE_KEY = "priming/absent";

    private final S3Client s3;
    private final String bucket;
    /** Whether the S3 compares If-Match on DeleteObject; false once it answered 501 (not implemented). */
    private volatile boolean conditionalDeletes = true;

    public S3SiteWriter(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    @Override
    public void put(RenderedObject object) {
        s3.putObject(request(object).build(), RequestBody.fromBytes(object.body()));
    }

    @Override
    public void delete(String key) {
        s3.deleteObject(r -> r.bucket(bucket).key(key));
    }

    @Override
    public Optional<String> version(String key) {
        try {
            return Optional.of(s3.headObject(r -> r.bucket(bucket).key(key)).eTag());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public Map<String, String> metadata(String key) {
        try {
            return s3.headObject(r -> r.bucket(bucket).key(key)).metadata();
        } catch (NoSuchKeyException e) {
            return Map.of();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Map.of();
            }
            throw e;
        }
    }

    @Override
    public boolean put(RenderedObject object, Optional<String> seen) {
        PutObjectRequest.Builder request = request(object);
        seen.ifPresentOrElse(request::ifMatch, () -> request.ifNoneMatch("*"));
        try {
            s3.putObject(request.build(), RequestBody.fromBytes(object.body()));
            return true;
        } catch (S3Exception e) {
            if (lostRace(e)) {
                return false;
            }
            throw e;
        }
    }

    /**
     * Deletes the object if it is still the version seen. S3 has compared If-Match on DeleteObject since September
     * 2025; an S3 that answers 501 to it (LocalStack 4.14) gets a look and then a plain delete instead: the same
     * refusal of a replaced version, with a window of one round trip in which another writer's page could be lost
     * until the next change of it.
     */
    @Override
    public boolean delete(String key, String seen) {
        if (!conditionalDeletes) {
            return version(key).filter(seen::equals).map(v -> {
                delete(key);
                return true;
            }).orElse(false);
        }
        try {
            s3.deleteObject(r -> r.bucket(bucket).key(key).ifMatch(seen));
            return true;
        } catch (S3Exception e) {
            // 404: another writer deleted it since; the caller looks again.
            if (lostRace(e) || e.statusCode() == 404) {
                return false;
            }
            if (e.statusCode() == 501) {
                conditionalDeletes = false;
                return delete(key, seen);
            }
            throw e;
        }
    }

    @Override
    public Map<String, Instant> keys() {
        Map<String, Instant> keys = new HashMap<>();
        s3.listObjectsV2Paginator(r -> r.bucket(bucket)).contents().forEach(o -> keys.put(o.key(), o.lastModified()));
        return keys;
    }

    private PutObjectRequest.Builder request(RenderedObject object) {
        PutObjectRequest.Builder request = PutObjectRequest.builder().bucket(bucket).key(object.key())
                .contentType(object.contentType()).cacheControl(object.cacheControl());
        object.redirectLocation().ifPresent(request::websiteRedirectLocation);
        if (!object.metadata().isEmpty()) {
            request.metadata(object.metadata());
        }
        return request;
    }

    /** Whether S3 refused a conditional request because another writer changed the object first. */
    private static boolean lostRace(S3Exception e) {
        return e.statusCode() == 412 || e.statusCode() == 409;
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
