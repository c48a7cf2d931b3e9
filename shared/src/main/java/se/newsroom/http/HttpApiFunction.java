package se.newsroom.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;

import se.newsroom.aws.AwsFaults;
import se.newsroom.config.Env;
import se.newsroom.error.NewsroomException;
import se.newsroom.json.Json;

/**
 * An HTTP API (payload 2.0) function as Lambda calls it: the event's JSON in, the response's JSON out, read and
 * written here rather than by the runtime's serializer. That way SnapStart priming, which sends its events through
 * {@link PrimingRequests#send}, covers the mapping too; left to the runtime, the first request after a restore would
 * still pay for it (about 150 ms of a cold JVM's time).
 */
public abstract class HttpApiFunction implements RequestStreamHandler {
    /** Lenient like the runtime's own: API Gateway adds fields over time. Bodies are read strictly elsewhere. */
    private static final ObjectReader EVENTS = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build()
            .readerFor(APIGatewayV2HTTPEvent.class);

    private final SamLocalEditor samLocalEditor;

    /** A function configured from the process environment (under {@code sam local}, see {@link SamLocalEditor}). */
    protected HttpApiFunction() {
        this(SamLocalEditor.from(Env.system()));
    }

    /** A function with the given stand-in for the JWT authorizer under {@code sam local}. */
    protected HttpApiFunction(SamLocalEditor samLocalEditor) {
        this.samLocalEditor = samLocalEditor;
    }

    /**
     * Answers one request: its route's answer; a {@link NewsroomException} as its problem document; anything else
     * logged with the request id and answered without its details: 503 when an AWS service's fault may pass
     * ({@link AwsFaults}), 500 otherwise.
     */
    public final APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event, Context context) {
        ApiRequest request = new ApiRequest(samLocalEditor.authorize(event));
        try {
            return route(request);
        } catch (NewsroomException e) {
            return Problems.response(e, request.requestId());
        } catch (RuntimeException e) {
            HandlerLog.unexpected(context, e);
            return AwsFaults.isPassing(e) ? Problems.unavailable(request.requestId())
                    : Problems.unexpected(request.requestId());
        }
    }

    /** The answer of the request's route (by its route key); throws for anything a client should be told. */
    protected abstract APIGatewayV2HTTPResponse route(ApiRequest request);

    /** The Lambda entry point. */
    @Override
    public final void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        Json.MAPPER.writeValue(output, handle(readEvent(input), context));
    }

    /** An HTTP API event from its JSON, as API Gateway sends it (and as the files under events/ hold it). */
    public static APIGatewayV2HTTPEvent readEvent(InputStream json) throws IOException {
        return EVENTS.readValue(json);
    }
}
