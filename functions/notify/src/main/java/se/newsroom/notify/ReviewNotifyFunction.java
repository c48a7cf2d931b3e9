package se.newsroom.notify;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import se.newsroom.config.Env;
import se.newsroom.config.SnapStartPriming;
import se.newsroom.json.Json;
import se.newsroom.table.ContentTable;

/**
 * The content table's stream, filtered by the template to articles whose status has just become {@code review}: one
 * notice to ReviewTopic for each, so the publishers hear of it. A notice that cannot be sent is reported as a
 * failed record (partial batch response), and the mapping tries again from it.
 */
public final class ReviewNotifyFunction implements RequestStreamHandler {
    private final ReviewNotices notices;

    /** Used by the Lambda runtime. */
    public ReviewNotifyFunction() {
        this(NotifyConfig.from(Env.system()));
    }

    private ReviewNotifyFunction(NotifyConfig config) {
        this(new ReviewNotices(NotifyWiring.sns(config), new ReviewText(config.siteUrl()), System.out::println));
        // SnapStart priming: a record that is no submission, through the whole check; nothing is sent.
        SnapStartPriming.register("ReviewNotifyFunction", () -> notices.handle(List.of(new StreamRecords.Change("0",
                Map.of(ContentTable.PK, AttributeValue.fromS("PRIMING")), Map.of(), Map.of()))));
    }

    /** For tests and {@link NotifyWiring}. */
    public ReviewNotifyFunction(ReviewNotices notices) {
        this.notices = notices;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        List<String> failed = notices.handle(StreamRecords.of(Json.MAPPER.readTree(input)));
        Json.MAPPER.writeValue(output, Map.of("batchItemFailures",
                failed.stream().map(s -> Map.of("itemIdentifier", s)).toList()));
    }
}
