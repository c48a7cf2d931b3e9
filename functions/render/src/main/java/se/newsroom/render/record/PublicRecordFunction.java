package se.newsroom.render.record;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;

import se.newsroom.config.Env;
import se.newsroom.content.Article;
import se.newsroom.json.Json;
import se.newsroom.record.S3RecordStore;
import se.newsroom.render.RenderWiring;
import se.newsroom.render.stream.StreamEvents;
import se.newsroom.render.stream.StreamRecord;
import se.newsroom.table.ArticleItem;

/**
 * The content table's stream into the public record (issue 17): each published version of an article written once
 * to the records bucket (S3 Object Lock), hash-chained to the one before. Its event source mapping passes only
 * article items whose new image is published; anything else that reaches it is passed over.
 */
public final class PublicRecordFunction implements RequestStreamHandler {
    private final PublicRecordWriter writer;
    private final Consumer<String> log;

    /** Used by the Lambda runtime: builds the S3 client once per container. */
    public PublicRecordFunction() {
        this(RecordConfig.from(Env.system()));
    }

    private PublicRecordFunction(RecordConfig config) {
        this(new PublicRecordWriter(new S3RecordStore(RenderWiring.s3(config.region(), config.s3Endpoint(),
                EnvironmentVariableCredentialsProvider.create()), config.bucketName())), System.out::println);
    }

    /** For tests and the local runner. */
    public PublicRecordFunction(PublicRecordWriter writer, Consumer<String> log) {
        this.writer = writer;
        this.log = log;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        List<String> failed = record(StreamEvents.records(Json.MAPPER.readTree(input)));
        Json.MAPPER.writeValue(output, new StreamsEventResponse(failed.stream()
                .map(StreamsEventResponse.BatchItemFailure::new).toList()));
    }

    /**
     * Records the batch's published versions in order. At the first failure it stops and names that record: Lambda
     * sends the batch again from there, so a later version is never chained past an earlier one it lacks.
     *
     * @return the sequence number of the record that failed, or none
     */
    public List<String> record(List<StreamRecord> records) {
        List<String> failed = new ArrayList<>();
        for (StreamRecord r : records) {
            if (!ArticleItem.isArticle(r.keys())) {
                continue;
            }
            try {
                Optional<Article> article = ArticleItem.fromImage(r.newImage());
                article.flatMap(writer::record).ifPresent(key -> log.accept("Public record: wrote " + key));
            } catch (RuntimeException e) {
                log.accept("Public record: " + r.sequenceNumber() + " failed, the batch is retried from it: "
                        + e.getClass().getSimpleName() + ": " + e.getMessage());
                failed.add(r.sequenceNumber());
                break;
            }
        }
        return failed;
    }
}
