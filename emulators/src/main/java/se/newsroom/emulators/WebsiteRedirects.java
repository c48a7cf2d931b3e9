package se.newsroom.emulators;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * S3's website redirect for S3Proxy, which answers 501 Not Implemented to a PutObject carrying
 * {@code x-amz-website-redirect-location} (S3Proxy 2.6 accepts only the x-amz- headers it implements): an HTTP
 * client for the emulator's S3 clients that sends the header as the object's user metadata
 * ({@code x-amz-meta-website-redirect-location}, which S3Proxy keeps) and gives it back under its own name when the
 * object is read. The SDK client above it, and so render's S3SiteWriter and the local CloudFront's reads, see S3's
 * behaviour; what render sends to S3 on AWS is unchanged. S3Proxy runs without authentication, so the renamed header
 * not matching the request's signature is not checked.
 */
public final class WebsiteRedirects implements SdkHttpClient {
    /** S3's header. */
    public static final String HEADER = "x-amz-website-redirect-location";
    /** The user metadata it is kept as in the emulator. */
    public static final String KEPT_AS = "x-amz-meta-website-redirect-location";

    private final SdkHttpClient delegate;

    private WebsiteRedirects(SdkHttpClient delegate) {
        this.delegate = delegate;
    }

    /** {@code delegate} with S3's website redirect kept as user metadata. */
    public static SdkHttpClient over(SdkHttpClient delegate) {
        return new WebsiteRedirects(delegate);
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        SdkHttpRequest http = request.httpRequest();
        Optional<String> location = header(http.headers(), HEADER);
        if (location.isPresent()) {
            SdkHttpRequest.Builder renamed = http.toBuilder();
            http.headers().keySet().stream().filter(HEADER::equalsIgnoreCase).toList().forEach(renamed::removeHeader);
            http = renamed.putHeader(KEPT_AS, location.get()).build();
            request = HttpExecuteRequest.builder().request(http)
                    .contentStreamProvider(request.contentStreamProvider().orElse(null))
                    .metricCollector(request.metricCollector().orElse(null)).build();
        }
        ExecutableHttpRequest call = delegate.prepareRequest(request);
        return new ExecutableHttpRequest() {
            @Override
            public HttpExecuteResponse call() throws IOException {
                HttpExecuteResponse response = call.call();
                SdkHttpResponse http = response.httpResponse();
                Optional<String> kept = header(http.headers(), KEPT_AS);
                if (kept.isEmpty()) {
                    return response;
                }
                return HttpExecuteResponse.builder().response(http.toBuilder().putHeader(HEADER, kept.get()).build())
                        .responseBody(response.responseBody().orElse(null)).build();
            }

            @Override
            public void abort() {
                call.abort();
            }
        };
    }

    @Override
    public String clientName() {
        return delegate.clientName();
    }

    @Override
    public void close() {
        delegate.close();
    }

    private static Optional<String> header(Map<String, List<String>> headers, String name) {
        return headers.entrySet().stream().filter(e -> e.getKey().toLowerCase(Locale.ROOT).equals(name))
                .flatMap(e -> e.getValue().stream()).findFirst();
    }
}
