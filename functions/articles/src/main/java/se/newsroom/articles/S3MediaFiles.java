package se.newsroom.articles;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.PresignedPutObjectRequest;

import se.newsroom.content.Media;
import se.newsroom.content.MediaVariant;

/**
 * The media files on S3. Uploads are presigned for the uploads bucket's own (regional, virtual-hosted) address and
 * handed to the browser as a path on the site: CloudFront's {@code /uploads/*} behaviour sends them to that bucket
 * with the query string and the viewer's headers untouched and no signing of its own (README, "Pictures"), so the
 * signature S3 checks is this one, Host included.
 */
public final class S3MediaFiles implements MediaFiles {
    /** How long a presigned upload works. */
    static final Duration UPLOAD_TIME = Duration.ofMinutes(15);

    private final S3Presigner presigner;
    private final S3Client s3;
    private final String uploadsBucket;
    private final String siteBucket;

    public S3MediaFiles(S3Presigner presigner, S3Client s3, String uploadsBucket, String siteBucket) {
        this.presigner = presigner;
        this.s3 = s3;
        this.uploadsBucket = uploadsBucket;
        this.siteBucket = siteBucket;
    }

    @Override
    public Upload presignUpload(Media media, Instant now) {
        // Content-Type and Content-Length are signed: S3 refuses a PUT of another type or size.
        PresignedPutObjectRequest presigned = presigner.presignPutObject(p -> p.signatureDuration(UPLOAD_TIME)
                .putObjectRequest(r -> r.bucket(uploadsBucket).key(media.uploadKey())
                        .contentType(media.contentType()).contentLength(media.size())));
        URI signed = URI.create(presigned.url().toString());
        return new Upload("/" + media.uploadKey() + "?" + signed.getRawQuery(), "PUT",
                Map.of("Content-Type", media.contentType()), presigned.expiration());
    }

    @Override
    public void deleteVariants(Media media) {
        if (media.variants().isEmpty()) {
            return;
        }
        var response = s3.deleteObjects(r -> r.bucket(siteBucket).delete(d -> d.quiet(true).objects(media.variants()
                .stream().map(MediaVariant::key).map(k -> ObjectIdentifier.builder().key(k).build()).toList())));
        if (response.hasErrors() && !response.errors().isEmpty()) {
            throw new IllegalStateException("S3 kept " + response.errors().size() + " variants of " + media.id()
                    + ", e.g. " + response.errors().get(0).key() + ": " + response.errors().get(0).code());
        }
    }
}
