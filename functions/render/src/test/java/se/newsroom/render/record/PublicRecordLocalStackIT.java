package se.newsroom.render.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.localstack.LocalStackContainer;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ObjectLockMode;
import software.amazon.awssdk.services.s3.model.ObjectLockRetentionMode;
import software.amazon.awssdk.services.s3.model.S3Exception;

import se.newsroom.content.Article;
import se.newsroom.content.ArticleStatus;
import se.newsroom.record.PublicRecord;
import se.newsroom.record.RecordChain;
import se.newsroom.record.S3RecordStore;
import se.newsroom.render.RenderWiring;
import se.newsroom.render.Seeds;
import se.newsroom.testing.LocalStack;
import se.newsroom.testing.RequiresDocker;

/**
 * The public record in a bucket made as template.yaml makes RecordsBucket (Object Lock, versioning, a default
 * COMPLIANCE retention), in LocalStack's S3: a record written there cannot be deleted, and its chain verifies;
 * skipped, with the reason, without Docker.
 */
@RequiresDocker
class PublicRecordLocalStackIT {
    private S3Client s3;
    private String bucket;

    @BeforeEach
    void lockedBucket() {
        LocalStackContainer c = LocalStack.container();
        s3 = RenderWiring.s3(Region.of(c.getRegion()), Optional.of(c.getEndpoint()), LocalStack.credentials());
        bucket = "records-" + Long.toString(System.nanoTime(), 36);
        // Object Lock is set when a bucket is made (it turns versioning on), as the template's ObjectLockEnabled.
        s3.createBucket(r -> r.bucket(bucket).objectLockEnabledForBucket(true));
        s3.putObjectLockConfiguration(r -> r.bucket(bucket).objectLockConfiguration(l -> l.objectLockEnabled("Enabled")
                .rule(rule -> rule.defaultRetention(d -> d.mode(ObjectLockRetentionMode.COMPLIANCE).days(1)))));
    }

    @Test
    void aRecordedVersion_shouldBeLockedAgainstDeletion_andItsChainVerify() {
        // GIVEN a published version written by the record's writer
        Article published = Seeds.articles().getLast();
        S3RecordStore store = new S3RecordStore(s3, bucket);
        assertThat(new PublicRecordWriter(store).record(published)).isPresent();
        String key = PublicRecord.key(published.id(), published.version());

        // THEN it carries the bucket's default COMPLIANCE retention
        var head = s3.headObject(r -> r.bucket(bucket).key(key));
        assertThat(head.objectLockMode()).isEqualTo(ObjectLockMode.COMPLIANCE);
        assertThat(head.objectLockRetainUntilDate()).isAfter(Instant.now());

        // AND deleting that version is refused, and a second write of it is not made
        assertThatThrownBy(() -> s3.deleteObject(r -> r.bucket(bucket).key(key).versionId(head.versionId())))
                .isInstanceOf(S3Exception.class);
        assertThat(store.writeOnce(key, PublicRecord.of(published.toBuilder().title("Annan").build(), "").bytes()))
                .isFalse();
        assertThat(s3.listObjectVersions(r -> r.bucket(bucket).prefix(key)).versions()).hasSize(1);

        // AND its chain verifies
        RecordChain.Check check = new RecordChain(store).verify(published.id());
        assertThat(check.verified()).isTrue();
        assertThat(check.versions()).hasSize(1);
        assertThat(published.status()).isEqualTo(ArticleStatus.PUBLISHED);
    }
}
