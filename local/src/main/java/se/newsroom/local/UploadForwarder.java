package se.newsroom.local;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

import se.newsroom.content.Media;
import se.newsroom.http.ApiRequest;

/**
 * The site's {@code /uploads/*} behaviour, locally: a presigned PUT the desk sends to the site is stored in the
 * uploads bucket of S3Proxy, and then, since S3Proxy sends no S3 events, the upload hook is called with the object's
 * key, as S3's ObjectCreated event would invoke the media function. S3Proxy runs without authentication, so the
 * signature itself is not checked here; its expiry, the media key and the declared size (the signed Content-Length
 * is the size POST /api/media was given, which S3 holds the upload to) are.
 */
final class UploadForwarder {
    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    /** What S3 (through CloudFront) answers. */
    record Answer(int status, String body) {
    }

    private final S3Client s3;
    private final String bucket;
    private final Clock clock;
    private final Consumer<String> hook;
    private volatile Consumer<String> observer = key -> { };

    UploadForwarder(S3Client s3, String bucket, Clock clock, Consumer<String> hook) {
        this.s3 = s3;
        this.bucket = bucket;
        this.clock = clock;
        this.hook = hook;
    }

    static boolean serves(String rawPath) {
        return rawPath.startsWith("/" + Media.UPLOAD_PREFIX);
    }

    /** Told each upload's key after the hook has run (a test's eyes). */
    void onUpload(Consumer<String> newObserver) {
        observer = newObserver;
    }

    Answer handle(String method, String rawPath, String rawQuery, Optional<String> contentType, byte[] body) {
        Map<String, String> query = query(rawQuery);
        if (!method.equals("PUT") || !query.containsKey("X-Amz-Signature")) {
            return new Answer(403, "AccessDenied: only a presigned PUT reaches the uploads bucket");
        }
        Optional<String> key = SiteServer.objectKey(rawPath);
        if (key.isEmpty() || key.get().substring(Media.UPLOAD_PREFIX.length()).contains("/")) {
            return new Answer(403, "AccessDenied: not an upload key");
        }
        try {
            Instant signed = Instant.from(AMZ_DATE.parse(query.getOrDefault("X-Amz-Date", "")));
            long seconds = Long.parseLong(query.getOrDefault("X-Amz-Expires", "0"));
            if (clock.instant().isAfter(signed.plus(Duration.ofSeconds(seconds)))) {
                return new Answer(403, "AccessDenied: Request has expired");
            }
        } catch (DateTimeParseException | NumberFormatException e) {
            return new Answer(403, "AccessDenied: malformed presigned query");
        }
        s3.putObject(r -> r.bucket(bucket).key(key.get()).contentType(contentType.orElse(null))
                .contentLength((long) body.length), RequestBody.fromBytes(body));
        hook.accept(key.get());
        observer.accept(key.get());
        return new Answer(200, "");
    }

    private static Map<String, String> query(String rawQuery) {
        Map<String, String> values = new HashMap<>();
        if (rawQuery == null) {
            return values;
        }
        for (String pair : rawQuery.split("&")) {
            String[] kv = pair.split("=", 2);
            ApiRequest.percentDecoded(kv[0], false).ifPresent(k -> values.put(k, kv.length > 1
                    ? ApiRequest.percentDecoded(kv[1], false).orElse("") : ""));
        }
        return values;
    }
}
