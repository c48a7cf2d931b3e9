package se.newsroom.notify;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;

import se.newsroom.aws.SignedCall;

/**
 * Publishes each notice to one SNS topic (its email subscribers get the subject and the text), as one SigV4-signed
 * call of SNS's Publish action (the query protocol: a form post). One call a run does not earn the SNS module of the
 * SDK its place in the jar (as with CloudFront's invalidation and Parameter Store's salt, {@link SignedCall}).
 */
public final class SnsNotifier implements Notifier {
    /** The API version SNS's query protocol names in every call. */
    static final String API_VERSION = "2010-03-31";
    private static final Pattern ERROR_CODE = Pattern.compile("<Code>([^<]*)</Code>");

    private final SignedCall call;
    private final URI endpoint;
    private final String region;
    private final String topicArn;

    /** {@code endpoint}: SNS's in the region ({@link #endpoint(String)}), or an emulator's. */
    public SnsNotifier(SignedCall call, URI endpoint, String region, String topicArn) {
        this.call = call;
        this.endpoint = endpoint;
        this.region = region;
        this.topicArn = topicArn;
    }

    /** SNS's endpoint in a region. */
    public static URI endpoint(String region) {
        return URI.create("https://sns." + region + ".amazonaws.com/");
    }

    @Override
    public void send(Notice notice) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("Action", "Publish");
        form.put("Version", API_VERSION);
        form.put("TopicArn", topicArn);
        form.put("Subject", notice.subject());
        form.put("Message", notice.text());
        SignedCall.Answer answer = call.send(SdkHttpRequest.builder().method(SdkHttpMethod.POST).uri(endpoint)
                .putHeader("Content-Type", "application/x-www-form-urlencoded; charset=utf-8").build(),
                formBody(form), "sns", region);
        if (!answer.ok()) {
            // SNS's error code (e.g. AuthorizationError, NotFound) and status; never the notice itself.
            Matcher code = ERROR_CODE.matcher(answer.body());
            throw new IllegalStateException("SNS refused the notice to " + topicArn + " (" + answer.status() + " "
                    + (code.find() ? code.group(1) : "without an error code") + ")");
        }
    }

    /** A form body, every name and value percent-encoded as UTF-8. */
    static byte[] formBody(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&")).getBytes(StandardCharsets.UTF_8);
    }
}
