package se.newsroom.render;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.fasterxml.jackson.databind.JsonNode;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;

import se.newsroom.config.Env;
import se.newsroom.config.SnapStartPriming;
import se.newsroom.json.Json;
import se.newsroom.render.deploy.DeployRebuild;
import se.newsroom.render.deploy.StackEvent;
import se.newsroom.render.deploy.StackResponse;
import se.newsroom.render.site.DynamoDbSiteContent;
import se.newsroom.render.stream.StreamEvents;

/**
 * The content table's stream into the static site: a batch of records in, partial batch failures out. Invoked
 * directly with {@code {"action":"rebuild"}} it renders every page; by the stack's {@code Custom::SiteBuild} resource,
 * it does the same and answers CloudFormation ({@link DeployRebuild}).
 */
public final class RenderFunction implements RequestStreamHandler {
    private final SitePublisher publisher;
    private final DynamoDbSiteContent content;
    private final Rebuilder rebuilder;
    private final DeployRebuild deployRebuild;

    /** Used by the Lambda runtime: builds the clients and templates once per container. */
    public RenderFunction() {
        this(RenderConfig.from(Env.system()));
    }

    private RenderFunction(RenderConfig config) {
        this(RenderWiring.parts(config, RenderWiring.dynamoDb(config),
                RenderWiring.s3(config.region(), config.s3Endpoint(),
                        EnvironmentVariableCredentialsProvider.create()), System.out::println));
    }

    private RenderFunction(RenderWiring.Parts parts) {
        this(parts.publisher(), parts.content(), parts.rebuilder());
        SnapStartPriming.register("RenderFunction",
                () -> RenderPriming.run(this, parts.publisher(), parts.content(), parts.renderer()));
    }

    /** For tests and {@link RenderWiring}: a deploy's rebuild is invalidated through the publisher, as a batch is. */
    public RenderFunction(SitePublisher publisher, DynamoDbSiteContent content, Rebuilder rebuilder) {
        this(publisher, content, rebuilder,
                new DeployRebuild(rebuilder::rebuild, publisher::invalidate, StackResponse::jdk, System.out::println));
    }

    /** For tests: with the deploy's rebuild given. */
    public RenderFunction(SitePublisher publisher, DynamoDbSiteContent content, Rebuilder rebuilder,
                          DeployRebuild deployRebuild) {
        this.publisher = publisher;
        this.content = content;
        this.rebuilder = rebuilder;
        this.deployRebuild = deployRebuild;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        JsonNode event = Json.MAPPER.readTree(input);
        if (StackEvent.isOne(event)) {
            DeployRebuild.Answer answer = context != null
                    ? deployRebuild.handle(event, context::getRemainingTimeInMillis, context.getLogStreamName())
                    : deployRebuild.handle(event, () -> Long.MAX_VALUE, "(no Lambda context)");
            Json.MAPPER.writeValue(output, Map.of("Status", answer.status()));
            return;
        }
        if (event != null && event.has("action")) {
            if (!"rebuild".equals(event.path("action").asText())) {
                throw new IllegalArgumentException("Unknown action " + event.path("action") + "; the one action is "
                        + "\"rebuild\".");
            }
            Json.MAPPER.writeValue(output, Map.of("pages", rebuilder.rebuild()));
            return;
        }
        // On Lambda the invocation's logger writes JSON lines carrying the request id (LogFormat: JSON).
        // One batch's reads: each period list read once, however many of its pages the batch renders.
        DynamoDbSiteContent batch = content.forBatch();
        SitePublisher.Outcome outcome = context != null && context.getLogger() != null
                ? publisher.publish(StreamEvents.records(event), batch, context.getLogger()::log)
                : publisher.publish(StreamEvents.records(event), batch);
        StreamsEventResponse response = new StreamsEventResponse(outcome.failedSequenceNumbers().stream()
                .map(StreamsEventResponse.BatchItemFailure::new).toList());
        Json.MAPPER.writeValue(output, response);
    }

    /** Renders the whole site; returns how many pages. */
    @FunctionalInterface
    public interface Rebuilder {
        int rebuild();
    }
}
