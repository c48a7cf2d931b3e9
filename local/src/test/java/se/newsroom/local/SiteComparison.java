package se.newsroom.local;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Two buckets compared object by object, as a reader would see them: the same keys, and for each the same bytes,
 * content type, cache control and redirect. Nothing is ignored: the renderer puts no build time in any page.
 */
final class SiteComparison {
    private SiteComparison() {
    }

    /** One object as served. */
    private record Served(byte[] body, String contentType, String cacheControl, String redirect) {
        boolean sameAs(Served other) {
            return Arrays.equals(body, other.body) && Objects.equals(contentType, other.contentType)
                    && Objects.equals(cacheControl, other.cacheControl) && Objects.equals(redirect, other.redirect);
        }
    }

    /** How many objects {@code expected} holds, and every difference of {@code actual} from it, one line each. */
    record Result(int objects, List<String> differences) {
    }

    static Result compare(S3Client s3, String actual, String expected) {
        Map<String, Served> got = objects(s3, actual);
        Map<String, Served> want = objects(s3, expected);
        List<String> differences = new ArrayList<>();
        want.forEach((key, served) -> {
            Served other = got.get(key);
            if (other == null) {
                differences.add("missing: " + key);
            } else if (!other.sameAs(served)) {
                differences.add("differs: " + key);
            }
        });
        got.keySet().stream().filter(k -> !want.containsKey(k)).forEach(k -> differences.add("extra: " + k));
        return new Result(want.size(), differences);
    }

    private static Map<String, Served> objects(S3Client s3, String bucket) {
        Map<String, Served> objects = new TreeMap<>();
        for (S3Object object : s3.listObjectsV2Paginator(r -> r.bucket(bucket)).contents()) {
            ResponseBytes<GetObjectResponse> bytes = s3.getObjectAsBytes(r -> r.bucket(bucket).key(object.key()));
            GetObjectResponse meta = bytes.response();
            objects.put(object.key(), new Served(bytes.asByteArray(), meta.contentType(), meta.cacheControl(),
                    meta.websiteRedirectLocation()));
        }
        return objects;
    }
}
