package se.newsroom.local;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
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

/**
 * What CloudFront does, locally: one origin for the site and the API. Paths under /api/ go to the API; every other
 * path is an object of the site bucket, a path ending in / served from its index.html, a page render left as a
 * redirect answered with 301, and anything missing with 404.html.
 */
public final class SiteServer {
    private final HttpServer server;

    public SiteServer(int port, ApiGateway api, S3Client s3, String bucket) throws IOException {
        this(port, api, s3, bucket, false);
    }

    /**
     * {@code forwardedViewers}: a request's viewer address is the first of its X-Forwarded-For, as a trusted proxy in
     * front would set it, rather than the connection's (a load test's many readers come from one address).
     */
    public SiteServer(int port, ApiGateway api, S3Client s3, String bucket, boolean forwardedViewers)
            throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 128);
        server.setExecutor(Executors.newFixedThreadPool(16));
        server.createContext("/", exchange -> {
            try (exchange) {
                String path = exchange.getRequestURI().getRawPath();
                if (path.startsWith("/api/")) {
                    byte[] body = exchange.getRequestBody().readAllBytes();
                    String viewer = exchange.getRemoteAddress().getAddress().getHostAddress();
                    String forwarded = exchange.getRequestHeaders().getFirst("x-forwarded-for");
                    if (forwardedViewers && forwarded != null && !forwarded.isBlank()) {
                        viewer = forwarded.split(",")[0].strip();
                    }
                    ApiGateway.Response r = api.handle(exchange.getRequestMethod(), path,
                            exchange.getRequestURI().getRawQuery(), exchange.getRequestHeaders(), body, viewer);
                    send(exchange, r.status(), r.headers(), r.body());
                } else {
                    site(exchange, path, s3, bucket);
                }
            } catch (RuntimeException e) {
                System.err.println("Local server: " + e);
                send(exchange, 500, Map.of("content-type", "text/plain; charset=utf-8"),
                        "Internal error in the local runner".getBytes(StandardCharsets.UTF_8));
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

    private static void site(HttpExchange exchange, String path, S3Client s3, String bucket) throws IOException {
        if (!exchange.getRequestMethod().equals("GET") && !exchange.getRequestMethod().equals("HEAD")) {
            send(exchange, 405, Map.of("allow", "GET, HEAD"), new byte[0]);
            return;
        }
        if (path.contains("..")) {
            send(exchange, 400, Map.of(), new byte[0]);
            return;
        }
        String key = URLDecoder.decode(path.substring(1), StandardCharsets.UTF_8);
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

    private static void send(HttpExchange exchange, int status, Map<String, String> headers, byte[] body)
            throws IOException {
        headers.forEach((k, v) -> exchange.getResponseHeaders().put(k, List.of(v)));
        boolean empty = body.length == 0 || exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, empty ? -1 : body.length);
        if (!empty) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
