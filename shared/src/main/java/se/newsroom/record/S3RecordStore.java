package se.newsroom.record;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The public record in an S3 bucket. In AWS the bucket has Object Lock (COMPLIANCE retention, template.yaml), so
 * a stored version cannot be deleted or overwritten in place by anyone, the account's root included, until its
 * retention ends; the put also says {@code If-None-Match: *}, so a second write of a version is refused (412) rather
 * than stored as a newer object version. An emulator without either (S3Proxy) still never sees an overwrite from
 * here: {@link #writeOnce} looks before it writes, and a record's writer is one stream consumer per article.
 */
public final class S3RecordStore implements RecordStore {
    private static final int PRECONDITION_FAILED = 412;
    private static final int CONFLICT = 409;

    private final S3Client s3;
    private final String bucket;

    public S3RecordStore(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    @Override
    public List<String> keys(String prefix) {
        return s3.listObjectsV2Paginator(r -> r.bucket(bucket).prefix(prefix)).contents().stream()
                .map(S3Object::key).sorted().toList();
    }

    @Override
    public Optional<byte[]> read(String key) {
        try {
            return Optional.of(s3.getObjectAsBytes(r -> r.bucket(bucket).key(key)).asByteArray());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }

    @Override
    public boolean writeOnce(String key, byte[] bytes) {
        if (exists(key)) {
            return false;
        }
        try {
            // Content-MD5: S3 requires an integrity check on every put into a bucket with a default retention, and
            // the emulators' clients send no SDK checksum (WHEN_REQUIRED); every S3 and emulator checks this one.
            s3.putObject(r -> r.bucket(bucket).key(key).contentType("application/json").contentMD5(md5(bytes))
                    .ifNoneMatch("*"), RequestBody.fromBytes(bytes));
            return true;
        } catch (S3Exception e) {
            // 412: written meanwhile; 409: a concurrent write of the same key (S3 says to retry: the next look sees it)
            if (e.statusCode() == PRECONDITION_FAILED) {
                return false;
            }
            if (e.statusCode() == CONFLICT) {
                return !exists(key) && writeOnce(key, bytes);
            }
            throw e;
        }
    }

    private static String md5(byte[] bytes) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has MD5", e);
        }
    }

    private boolean exists(String key) {
        try {
            s3.headObject(r -> r.bucket(bucket).key(key));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }
}
