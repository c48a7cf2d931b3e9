package se.newsroom.local;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

import se.newsroom.content.Media;
import se.newsroom.http.ApiRequest;

/**
 * The site's {@code /uploads/*} behaviour, locally: a presigned PUT the desk sends to the site is checked as S3
 * checks it, stored in the uploads bucket of S3Proxy, and then, since S3Proxy sends no S3 events, the upload hook is
 * called with the object's key, as S3's ObjectCreated event would invoke the media function.
 *
 * <p>S3Proxy runs without authentication, so the presigned SigV4 signature is verified here: the request is rebuilt
 * as CloudFront hands it to the bucket (the presigner's endpoint, path-style, the headers the URL names as signed
 * with the values this request carries), signed again by the AWS SDK's {@link AwsV4HttpSigner} at the request's own
 * X-Amz-Date, and the two signatures compared in constant time. Another key, Content-Type or Content-Length, or a
 * changed query, answers 403 as S3 does; so does a signature past its X-Amz-Expires.
 */
final class UploadForwarder {
    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    /** The query parameters the signer writes itself; every other one is signed as it came. */
    private static final Set<String> AUTH_QUERY = Set.of("X-Amz-Algorithm", "X-Amz-Credential", "X-Amz-Date",
            "X-Amz-Expires", "X-Amz-SignedHeaders", "X-Amz-Signature", "X-Amz-Security-Token");
    private static final AwsV4HttpSigner SIGNER = AwsV4HttpSigner.create();

    /** What S3 (through CloudFront) answers. */
    record Answer(int status, String body) {
    }

    /** Where and with what the uploads are presigned: the S3 endpoint (path-style), its region, the key pair. */
    record Signing(URI endpoint, Region region, AwsCredentialsIdentity credentials) {
    }

    private final S3Client s3;
    private final String bucket;
    private final Signing signing;
    private final Clock clock;
    private final Consumer<String> hook;
    private volatile Consumer<String> observer = key -> { };

    UploadForwarder(S3Client s3, String bucket, Signing signing, Clock clock, Consumer<String> hook) {
        this.s3 = s3;
        this.bucket = bucket;
        this.signing = signing;
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

    /** {@code headers}: the request's headers, names in any case. */
    Answer handle(String method, String rawPath, String rawQuery, Map<String, List<String>> headers, byte[] body) {
        Map<String, List<String>> query = query(rawQuery);
        if (!method.equals("PUT") || !query.containsKey("X-Amz-Signature")) {
            return new Answer(403, "AccessDenied: only a presigned PUT reaches the uploads bucket");
        }
        Optional<String> key = SiteServer.objectKey(rawPath);
        if (key.isEmpty() || key.get().substring(Media.UPLOAD_PREFIX.length()).contains("/")) {
            return new Answer(403, "AccessDenied: not an upload key");
        }
        Instant signed;
        Duration expires;
        try {
            signed = Instant.from(AMZ_DATE.parse(first(query, "X-Amz-Date")));
            expires = Duration.ofSeconds(Long.parseLong(first(query, "X-Amz-Expires")));
        } catch (DateTimeParseException | NumberFormatException e) {
            return new Answer(403, "AccessDenied: malformed presigned query");
        }
        String accessKey = first(query, "X-Amz-Credential").split("/", 2)[0];
        if (!accessKey.equals(signing.credentials().accessKeyId())) {
            return new Answer(403, "InvalidAccessKeyId: the access key is not known here");
        }
        Optional<String> expected = signature(rawPath, query, headers, body.length, signed, expires);
        if (expected.isEmpty() || !MessageDigest.isEqual(expected.get().getBytes(StandardCharsets.US_ASCII),
                first(query, "X-Amz-Signature").getBytes(StandardCharsets.US_ASCII))) {
            return new Answer(403, "SignatureDoesNotMatch: the request signature we calculated does not match"
                    + " the signature you provided");
        }
        if (clock.instant().isAfter(signed.plus(expires))) {
            return new Answer(403, "AccessDenied: Request has expired");
        }
        String contentType = header(headers, "content-type").orElse(null);
        s3.putObject(r -> r.bucket(bucket).key(key.get()).contentType(contentType)
                .contentLength((long) body.length), RequestBody.fromBytes(body));
        hook.accept(key.get());
        observer.accept(key.get());
        return new Answer(200, "");
    }

    /**
     * The signature S3 would expect of this request at the bucket: the request as it reaches the bucket, presigned
     * again at its own date; empty when it cannot be signed (a duration the signer refuses, say).
     */
    private Optional<String> signature(String rawPath, Map<String, List<String>> query,
            Map<String, List<String>> headers, int contentLength, Instant signed, Duration expires) {
        URI endpoint = signing.endpoint();
        SdkHttpFullRequest.Builder request = SdkHttpFullRequest.builder().method(SdkHttpMethod.PUT)
                .protocol(endpoint.getScheme()).host(endpoint.getHost()).port(endpoint.getPort())
                .encodedPath("/" + bucket + rawPath);
        query.forEach((name, values) -> {
            if (!AUTH_QUERY.contains(name)) {
                request.putRawQueryParameter(name, values);
            }
        });
        for (String name : first(query, "X-Amz-SignedHeaders").split(";")) {
            switch (name) {
                case "host" -> { }
                case "content-length" -> request.putHeader("Content-Length", Integer.toString(contentLength));
                default -> header(headers, name).ifPresent(v -> request.putHeader(name, v));
            }
        }
        try {
            SignedRequest resigned = SIGNER.sign(r -> r.identity(signing.credentials()).request(request.build())
                    .putProperty(AwsV4HttpSigner.REGION_NAME, signing.region().id())
                    .putProperty(AwsV4FamilyHttpSigner.SERVICE_SIGNING_NAME, "s3")
                    .putProperty(AwsV4FamilyHttpSigner.AUTH_LOCATION, AwsV4FamilyHttpSigner.AuthLocation.QUERY_STRING)
                    .putProperty(AwsV4FamilyHttpSigner.EXPIRATION_DURATION, expires)
                    .putProperty(AwsV4FamilyHttpSigner.PAYLOAD_SIGNING_ENABLED, false)
                    .putProperty(AwsV4FamilyHttpSigner.DOUBLE_URL_ENCODE, false)
                    .putProperty(AwsV4FamilyHttpSigner.NORMALIZE_PATH, false)
                    .putProperty(HttpSigner.SIGNING_CLOCK, Clock.fixed(signed, ZoneOffset.UTC)));
            return resigned.request().firstMatchingRawQueryParameter("X-Amz-Signature");
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> header(Map<String, List<String>> headers, String name) {
        return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .flatMap(e -> e.getValue().stream()).findFirst();
    }

    private static String first(Map<String, List<String>> query, String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? "" : values.getFirst();
    }

    private static Map<String, List<String>> query(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return Map.of();
        }
        return Arrays.stream(rawQuery.split("&")).map(pair -> pair.split("=", 2))
                .filter(kv -> ApiRequest.percentDecoded(kv[0], false).isPresent())
                .collect(Collectors.groupingBy(kv -> ApiRequest.percentDecoded(kv[0], false).orElseThrow(),
                        LinkedHashMap::new, Collectors.mapping(kv -> kv.length > 1
                                ? ApiRequest.percentDecoded(kv[1], false).orElse("") : "", Collectors.toList())));
    }
}
