package se.newsroom.comments;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;

import se.newsroom.error.ForbiddenException;
import se.newsroom.http.ApiRequest;

/**
 * Whether a reader's post came through this stack's CloudFront distribution, and from which viewer. CloudFront sends
 * every API request with a custom origin header holding a generated secret (template.yaml: {@code OriginVerifySecret},
 * resolved into the distribution by a dynamic reference, never written in the template), and with the viewer's
 * address in {@code CloudFront-Viewer-Address}. Only a request with the secret is believed about its viewer; the
 * source address API Gateway sees is CloudFront's edge, shared by every reader behind it.
 */
final class CloudFrontOrigin {
    /** The custom origin header CloudFront adds (lower-cased, as the HTTP API's payload 2.0 passes headers). */
    static final String SECRET_HEADER = "x-origin-verify";
    /** The viewer's address and source port, added by CloudFront ("198.51.100.10:46532", "2001:db8::1:46532"). */
    static final String VIEWER_HEADER = "cloudfront-viewer-address";

    private final byte[] secret;

    CloudFrontOrigin(String secret) {
        if (secret == null || secret.length() < 16) {
            throw new IllegalArgumentException("The origin secret must be at least 16 characters");
        }
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Refuses a request that did not come through the distribution (e.g. sent to the execute-api address directly,
     * where a client could claim any viewer address).
     *
     * @throws ForbiddenException when the origin header is missing or wrong
     */
    void verify(ApiRequest request) {
        byte[] given = request.header(SECRET_HEADER).orElse("").getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(given, secret)) {
            throw new ForbiddenException("Kommentarer skickas via webbplatsen.");
        }
    }

    /**
     * The client a verified request is counted as: the viewer's address without its port, an IPv6 address by its
     * /64 network (one subscriber's share, which a client can otherwise rotate through at will); the source address
     * when CloudFront sent no viewer address.
     */
    static String client(ApiRequest request) {
        return request.header(VIEWER_HEADER).flatMap(CloudFrontOrigin::address)
                .orElseGet(() -> request.sourceIp().orElse("unknown"));
    }

    /** The event with the origin header CloudFront adds (for priming, which sends a post through the real path). */
    APIGatewayV2HTTPEvent asCloudFrontSends(APIGatewayV2HTTPEvent event) {
        Map<String, String> headers = new HashMap<>(event.getHeaders() == null ? Map.of() : event.getHeaders());
        headers.put(SECRET_HEADER, new String(secret, StandardCharsets.UTF_8));
        event.setHeaders(headers);
        return event;
    }

    /** The address part of a viewer address, IPv6 cut to its first four groups. */
    static Optional<String> address(String viewer) {
        int port = viewer.lastIndexOf(':');
        String address = (port < 0 ? viewer : viewer.substring(0, port)).strip();
        if (address.isEmpty()) {
            return Optional.empty();
        }
        if (!address.contains(":")) {
            return Optional.of(address);
        }
        String[] groups = expand(address.replace("[", "").replace("]", ""));
        return Optional.of(String.join(":", groups[0], groups[1], groups[2], groups[3]) + "::/64");
    }

    /** The eight groups of an IPv6 address, "::" expanded, each without leading zeros. */
    private static String[] expand(String ipv6) {
        String[] halves = ipv6.split("::", -1);
        String[] head = halves[0].isEmpty() ? new String[0] : halves[0].split(":");
        String[] tail = halves.length < 2 || halves[1].isEmpty() ? new String[0] : halves[1].split(":");
        String[] groups = new String[8];
        for (int i = 0; i < 8; i++) {
            int fromTail = i - (8 - tail.length);
            String group = i < head.length ? head[i] : fromTail >= 0 ? tail[fromTail] : "0";
            String trimmed = group.replaceFirst("^0+(?=.)", "").toLowerCase(Locale.ROOT);
            groups[i] = trimmed;
        }
        return groups;
    }
}
