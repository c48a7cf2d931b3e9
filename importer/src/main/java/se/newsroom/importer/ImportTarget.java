package se.newsroom.importer;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

import se.newsroom.aws.SharedHttpClient;
import se.newsroom.content.Article;
import se.newsroom.content.Comment;
import se.newsroom.content.CommentStore.Hashes;
import se.newsroom.table.ImportWrites.ArticleWrite;
import se.newsroom.table.ImportWrites.Result;

/**
 * Where an import writes: the content table, through the {@code shared} module's import writes (the table's one
 * owner), not through the editors' API, which rightly refuses what a move must keep (old dates, comment states,
 * WordPress's ids and slugs). Every write is conditional on the item not existing, so a re-run writes nothing twice.
 */
public interface ImportTarget {
    /** How many attempts the SDK makes of one call under throttling and 5xx (its default is 3). */
    int SDK_ATTEMPTS = 10;

    /**
     * Checks that the target can be written, before anything is.
     *
     * @throws ImportTargetException when it cannot (no table, no credentials, no answer)
     */
    void check();

    /** Whether the article exists (for a dry run). */
    boolean articleExists(String id);

    /** Whether the comment exists (for a dry run). */
    boolean commentExists(String articleId, String commentId);

    /** Writes an article unless it exists; see {@link se.newsroom.table.ImportWrites#createArticle}. */
    ArticleWrite writeArticle(Article article, String importRun);

    /** Writes a comment unless it exists; see {@link se.newsroom.table.ImportWrites#createComment}. */
    Result writeComment(Comment comment, Hashes hashes, String uniqueDuplicate, String importRun);

    /** Where pictures go, when the site has a media path. */
    Optional<MediaImport> media();

    /**
     * Renders the whole site once: at the end of a run that wrote something, or of a run after one whose rebuild
     * never finished (see {@link #rebuildNeeded}).
     */
    void rebuild();

    /** Whether the site was rebuilt after the last import that wrote anything. */
    boolean rebuiltSinceLastImport();

    /** Notes, before a run writes anything, that the site must be rebuilt before it shows what the run writes. */
    void rebuildNeeded();

    /** Notes that the site was rebuilt at the end of the run {@code importRun}. */
    void rebuilt(String importRun);

    /**
     * The content table {@code tableName}.
     *
     * @param client  best made by {@link #client}, whose retries outlast a throttled table
     * @param media   where pictures go, if anywhere
     * @param rebuild the one full rebuild at the end (deployed: the render function invoked with
     *                {@code {"action":"rebuild"}}; locally: the runner's own)
     */
    static ImportTarget dynamoDb(DynamoDbClient client, String tableName, Optional<MediaImport> media,
                                 Runnable rebuild) {
        return new DynamoDbImportTarget(client, tableName, media, rebuild);
    }

    /**
     * A DynamoDB client for an import: the SDK's adaptive retry mode (exponential backoff with jitter, and a client
     * side rate that slows down while the table throttles) with {@value #SDK_ATTEMPTS} attempts instead of 3, and
     * a call timeout long enough for them: an import of thousands of items meets throttling on an on-demand table
     * that has not scaled up yet, and should slow down rather than fail.
     */
    static DynamoDbClient client(Region region, Optional<URI> endpoint, AwsCredentialsProvider credentials) {
        DynamoDbClientBuilder builder = DynamoDbClient.builder().region(region).credentialsProvider(credentials)
                .httpClient(SharedHttpClient.get())
                .overrideConfiguration(c -> c.apiCallTimeout(Duration.ofMinutes(2))
                        .retryStrategy(AwsRetryStrategy.adaptiveRetryStrategy().toBuilder()
                                .maxAttempts(SDK_ATTEMPTS).build()));
        endpoint.ifPresent(builder::endpointOverride);
        return builder.build();
    }
}
