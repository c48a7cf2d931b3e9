package se.newsroom.local;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.regions.Region;

/**
 * The one rebuild after an import into a deployed stack: Lambda's Invoke ({@code POST
 * /2015-03-31/functions/<name>/invocations}, synchronous) of the render function with {@code {"action":"rebuild"}},
 * signed with the SDK's own SigV4 signer and sent with the lean HTTP client, as the functions call a service they
 * use once ({@code se.newsroom.aws.SignedCall}), instead of the Lambda client module. A function error (Lambda's
 * {@code X-Amz-Function-Error} header) or a refused call is the target's refusal.
 */
final class LambdaRebuild implements Runnable {
    static final String REBUILD = "{\"action\":\"rebuild\"}";

    private final SdkHttpClient http;
    private final AwsCredentialsProvider credentials;
    private final Region region;
    private final URI endpoint;
    private final String function;

    /**
     * @param endpoint Lambda's endpoint, empty for the region's own
     * @param function the function's name or ARN, with its alias (the stack's RenderFunctionAlias output)
     */
    LambdaRebuild(SdkHttpClient http, AwsCredentialsProvider credentials, Region region, Optional<URI> endpoint,
                  String function) {
        this.http = http;
        this.credentials = credentials;
        this.region = region;
        this.endpoint = endpoint.orElseGet(() -> URI.create("https://lambda." + region.id() + ".amazonaws.com"));
        this.function = function;
    }

    @Override
    public void run() {
        String path = "/2015-03-31/functions/" + URLEncoder.encode(function, StandardCharsets.UTF_8)
                + "/invocations";
        byte[] body = REBUILD.getBytes(StandardCharsets.UTF_8);
        SdkHttpRequest request = SdkHttpRequest.builder().method(SdkHttpMethod.POST).uri(endpoint.resolve(path))
                .putHeader("Content-Type", "application/json").build();
        int status;
        Optional<String> functionError;
        String answer = "";
        try {
            SignedRequest signed = AwsV4HttpSigner.create().sign(r -> r.identity(credentials.resolveCredentials())
                    .request(request).payload(ContentStreamProvider.fromByteArray(body))
                    .putProperty(AwsV4FamilyHttpSigner.SERVICE_SIGNING_NAME, "lambda")
                    .putProperty(AwsV4HttpSigner.REGION_NAME, region.id()));
            HttpExecuteResponse response = http.prepareRequest(HttpExecuteRequest.builder().request(signed.request())
                    .contentStreamProvider(signed.payload().orElse(null)).build()).call();
            status = response.httpResponse().statusCode();
            functionError = response.httpResponse().firstMatchingHeader("X-Amz-Function-Error");
            if (response.responseBody().isPresent()) {
                try (InputStream in = response.responseBody().get()) {
                    answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new ImportSession.TargetException("Renderingsfunktionen " + function + " kunde inte anropas: "
                    + e.getMessage(), e);
        }
        if (status < 200 || status >= 300) {
            throw new ImportSession.TargetException("Lambda vägrade anropet av " + function + " (" + status + "): "
                    + answer, null);
        }
        if (functionError.isPresent()) {
            throw new ImportSession.TargetException("Renderingsfunktionen " + function + " misslyckades med"
                    + " ombyggnaden (" + functionError.get() + "): " + answer, null);
        }
    }
}
