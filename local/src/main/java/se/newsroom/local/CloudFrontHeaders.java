package se.newsroom.local;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What CloudFront adds to every request it sends to the API: its origin header with the stack's secret, and the
 * viewer's address; both replace any a client sent. The local stand-in for the distribution's api origin.
 */
final class CloudFrontHeaders {
    private final String originSecret;

    CloudFrontHeaders(String originSecret) {
        this.originSecret = originSecret;
    }

    /** The secret the comment function is configured with, to believe the viewer addresses given here. */
    String originSecret() {
        return originSecret;
    }

    /** The viewer's request headers as the API receives them from CloudFront. */
    Map<String, List<String>> forViewer(Map<String, List<String>> viewerHeaders, String address, int port) {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.putAll(viewerHeaders);
        headers.put("X-Origin-Verify", List.of(originSecret));
        headers.put("CloudFront-Viewer-Address", List.of((address.contains(":") ? "[" + address + "]" : address)
                + ":" + port));
        return headers;
    }
}
