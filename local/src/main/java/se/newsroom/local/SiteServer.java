package se.newsroom.local;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

import se.newsroom.http.ApiRequest;

/**
 * What CloudFront does, locally: one origin for the site and the API. Paths under /api/ go to the API; every other
 * path is an object of the site bucket, a path ending in / served from its index.html, a page render left as a
 * redirect answered with 301, and anything missing with 404.html; a WordPress site's old addresses are answered
 * first as the CDN's viewer-request function answers them ({@link LegacyAddresses}). Every answer carries the security
 * headers of the distribution's response headers policy, so the site and the desk run under the real
 * Content-Security-Policy. The user pool domain's sign-in addresses ({@code /oauth2/…}, {@code /logout}) are answered
 * by {@link LocalSignIn}, and the editors' presigned uploads ({@code /uploads/…}) by {@link UploadForwarder}.
 */
public final class SiteServer {
    private final HttpServer server;
    private final Map<String, String> securityHeaders;

    /**
     * {@code forwardedViewers}: a request's viewer address is the first of its X-Forwarded-For, as a trusted proxy in
     * front would set it, rather than the connection's (a load test's many readers come from one address).
     */
    SiteServer(int port, ApiGateway api, CloudFrontHeaders cloudFront, S3Client s3, String bucket,
            boolean forwardedViewers, Map<String, String> securityHeaders, LocalSignIn signIn, UploadForwarder uploads)
            throws IOException {
        this.securityHeaders = Map.copyOf(securityHeaders);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 128);
        server.setExecutor(Executors.newFixedThreadPool(16));
        server.createContext("/", exchange -> {
            try {
                String path = exchange.getRequestURI().getRawPath();
                if (path.startsWith("/api/")) {
                    byte[] body = exchange.getRequestBody().readAllBytes();
                    InetSocketAddress viewer = exchange.getRemoteAddress();
                    String address = viewer.getAddress().getHostAddress();
                    String forwarded = exchange.getRequestHeaders().getFirst("x-forwarded-for");
                    if (forwardedViewers && forwarded != null && !forwarded.isBlank()) {
                        address = forwarded.split(",")[0].strip();
                    }
                    ApiGateway.Response r = api.handle(exchange.getRequestMethod(), path,
                            exchange.getRequestURI().getRawQuery(),
                            cloudFront.forViewer(exchange.getRequestHeaders(), address, viewer.getPort()), body,
                            address);
                    send(exchange, r.status(), r.headers(), r.body());
                } else if (UploadForwarder.serves(path)) {
                    UploadForwarder.Answer r = uploads.handle(exchange.getRequestMethod(), path,
                            exchange.getRequestURI().getRawQuery(),
                            exchange.getRequestHeaders(), exchange.getRequestBody().readAllBytes());
                    send(exchange, r.status(), Map.of("content-type", "text/plain; charset=utf-8"),
                            r.body().getBytes(StandardCharsets.UTF_8));
                } else if (LocalSignIn.serves(path)) {
                    String host = Optional.ofNullable(exchange.getRequestHeaders().getFirst("host"))
                            .orElse("localhost:" + port());
                    ApiGateway.Response r = signIn.handle(exchange.getRequestMethod(), path,
                            exchange.getRequestURI().getRawQuery(), exchange.getRequestBody().readAllBytes(),
                            "http://" + host);
                    send(exchange, r.status(), r.headers(), r.body());
                } else {
                    site(exchange, path, s3, bucket);
                }
            } catch (RuntimeException | IOException e) {
                // Whatever went wrong, the client gets an answer, never an empty reply (the exchange is still open
                // here: closing it first, as try-with-resources did, left nothing to answer on).
                System.err.println("Local server: " + e);
                try {
                    send(exchange, 500, Map.of("content-type", "text/plain; charset=utf-8"),
                            "Internal error in the local runner".getBytes(StandardCharsets.UTF_8));
                } catch (IOException | RuntimeException again) {
                    System.err.println("Local server: could not answer: " + again);
                }
            } finally {
                exchange.close();
            }
        });
    }

    public void start() {
        server.start();
    }

    public void stop() {
        server.stop(0);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void site(HttpExchange exchange, String path, S3Client s3, String bucket) throws IOException {
        if (!exchange.getRequestMethod().equals("GET") && !exchange.getRequestMethod().equals("HEAD")) {
            send(exchange, 405, Map.of("allow", "GET, HEAD"), new byte[0]);
            return;
        }
        // A malformed path is refused before anything else, so it is never redirected (echoed) either.
        Optional<String> decoded = objectKey(path);
        if (decoded.isPresent()) {
            // A WordPress site's old addresses, as the CDN's viewer-request function answers them.
            LegacyAddresses.Answer answer = LegacyAddresses.route(path, exchange.getRequestURI().getRawQuery());
            if (answer instanceof LegacyAddresses.Answer.Moved moved) {
                send(exchange, 301, Map.of("location", moved.location(), "cache-control", "public, max-age=3600"),
                        new byte[0]);
                return;
            }
            decoded = objectKey(((LegacyAddresses.Answer.Serve) answer).uri());
        }
        if (decoded.isEmpty()) {
            send(exchange, 400, Map.of("content-type", "text/plain; charset=utf-8"),
                    "Bad request: the path is malformed".getBytes(StandardCharsets.UTF_8));
            return;
        }
        String key = decoded.get();
        if (key.isEmpty() || key.endsWith("/")) {
            key += "index.html";
        }
        Optional<ResponseBytes<GetObjectResponse>> object = get(s3, bucket, key);
        if (object.isEmpty()) {
            byte[] notFound = get(s3, bucket, "404.html").map(ResponseBytes::asByteArray).orElse(new byte[0]);
            send(exchange, 404, Map.of("content-type", "text/html; charset=utf-8"), notFound);
            return;
        }
        GetObjectResponse meta = object.get().response();
        if (meta.websiteRedirectLocation() != null) {
            send(exchange, 301, Map.of("location", meta.websiteRedirectLocation()), new byte[0]);
            return;
        }
        send(exchange, 200, Map.of("content-type", meta.contentType(),
                "cache-control", meta.cacheControl() == null ? "no-cache" : meta.cacheControl()),
                exchange.getRequestMethod().equals("HEAD") ? new byte[0] : object.get().asByteArray());
    }

    /**
     * The bucket key a raw path names, or empty when no object could be meant: a broken %-escape, bytes that are not
     * UTF-8, a control character, a backslash, or a "." or ".." segment, however it is encoded. CloudFront and S3
     * never map such a path to another object either; locally it is a 400, not an S3 error or a file.
     */
    static Optional<String> objectKey(String rawPath) {
        if (!rawPath.startsWith("/")) {
            return Optional.empty();
        }
        Optional<String> key = ApiRequest.percentDecoded(rawPath.substring(1), false);
        if (key.isEmpty() || key.get().chars().anyMatch(c -> c < 0x20 || c == 0x7F || c == '\\')) {
            return Optional.empty();
        }
        for (String segment : key.get().split("/", -1)) {
            if (segment.equals(".") || segment.equals("..")) {
                return Optional.empty();
            }
        }
        return key;
    }

    private static Optional<ResponseBytes<GetObjectResponse>> get(S3Client s3, String bucket, String key) {
        try {
            return Optional.of(s3.getObjectAsBytes(r -> r.bucket(bucket).key(key)));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private void send(HttpExchange exchange, int status, Map<String, String> headers, byte[] body)
            throws IOException {
        headers.forEach((k, v) -> exchange.getResponseHeaders().put(k, List.of(v)));
        // After the origin's own: the policy's headers all say Override: true.
        securityHeaders.forEach((k, v) -> exchange.getResponseHeaders().put(k, List.of(v)));
        boolean empty = body.length == 0 || exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, empty ? -1 : body.length);
        if (!empty) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
