package se.newsroom.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;

import se.newsroom.http.HttpApiFunction;
import se.newsroom.json.Json;

/**
 * An HTTP API function called the way Lambda calls it, JSON in and out, held against the Lambda runtime's own
 * serializer (aws-lambda-java-serialization), which is what would read the event and write the response had the
 * function left that to the runtime.
 */
public final class LambdaCalls {
    private static final PojoSerializer<APIGatewayV2HTTPEvent> EVENTS =
            LambdaEventSerializers.serializerFor(APIGatewayV2HTTPEvent.class, LambdaCalls.class.getClassLoader());
    private static final PojoSerializer<APIGatewayV2HTTPResponse> RESPONSES =
            LambdaEventSerializers.serializerFor(APIGatewayV2HTTPResponse.class, LambdaCalls.class.getClassLoader());

    private LambdaCalls() {
    }

    /** Asserts that the function reads {@code event} exactly as the runtime's serializer does. */
    public static APIGatewayV2HTTPEvent assertReadAsTheRuntimeReads(byte[] event) throws IOException {
        APIGatewayV2HTTPEvent ours = HttpApiFunction.readEvent(new ByteArrayInputStream(event));
        assertThat(ours).as("the event as the function reads it")
                .isEqualTo(EVENTS.fromJson(new ByteArrayInputStream(event)));
        return ours;
    }

    /**
     * Calls the function's Lambda entry point with {@code event}, asserts that the runtime's serializer reads the
     * answer as the same response, and returns the answer's JSON.
     */
    public static JsonNode invoke(HttpApiFunction function, byte[] event) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        function.handleRequest(new ByteArrayInputStream(event), out, null);
        JsonNode response = Json.MAPPER.readTree(out.toByteArray());
        APIGatewayV2HTTPResponse read = RESPONSES.fromJson(new ByteArrayInputStream(out.toByteArray()));
        assertThat(read.getStatusCode()).isEqualTo(response.path("statusCode").asInt());
        assertThat(read.getBody()).isEqualTo(response.path("body").asText(null));
        assertThat(read.getIsBase64Encoded()).isEqualTo(response.path("isBase64Encoded").asBoolean());
        assertThat(read.getHeaders()).isEqualTo(Json.MAPPER.convertValue(response.path("headers"),
                new TypeReference<Map<String, String>>() { }));
        return response;
    }
}
