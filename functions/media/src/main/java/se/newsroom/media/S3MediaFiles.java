package se.newsroom.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Object;

import se.newsroom.content.Media;

/** The media pipeline's files in S3: the private uploads bucket and the site bucket. */
public final class S3MediaFiles implements MediaFiles {
    private final S3Client s3;
    private final String siteBucket;

    public S3MediaFiles(S3Client s3, String siteBucket) {
        this.s3 = s3;
        this.siteBucket = siteBucket;
    }

    @Override
    public Optional<byte[]> upload(String bucket, String key, long maxBytes) throws UnusableImageException {
        ResponseInputStream<GetObjectResponse> in;
        try {
            in = s3.getObject(b -> b.bucket(bucket).key(key));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
        try (in) {
            Long length = in.response().contentLength();
            if (length != null && length > maxBytes) {
                in.abort();
                throw new UnusableImageException("Filen är för stor: högst 20 MB.");
            }
            return Optional.of(in.readNBytes((int) Math.min(maxBytes + 1, Integer.MAX_VALUE - 8)));
        } catch (IOException e) {
            throw new UncheckedIOException("Reading " + key + " from " + bucket + " failed", e);
        }
    }

    @Override
    public void deleteUpload(String bucket, String key) {
        s3.deleteObject(b -> b.bucket(bucket).key(key));
    }

    @Override
    public void putVariant(String key, String contentType, byte[] bytes) {
        s3.putObject(b -> b.bucket(siteBucket).key(key).contentType(contentType).cacheControl(VARIANT_CACHE_CONTROL),
                RequestBody.fromBytes(bytes));
    }

    @Override
    public void deleteVariant(String key) {
        s3.deleteObject(b -> b.bucket(siteBucket).key(key));
    }

    @Override
    public int deleteVariants(String mediaId) {
        String prefix = Media.VARIANT_PREFIX + mediaId + "/";
        int deleted = 0;
        for (S3Object object : s3.listObjectsV2Paginator(b -> b.bucket(siteBucket).prefix(prefix)).contents()) {
            deleteVariant(object.key());
            deleted++;
        }
        return deleted;
    }
}
