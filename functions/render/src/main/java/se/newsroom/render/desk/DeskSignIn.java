package se.newsroom.render.desk;

import java.net.URI;
import java.util.Optional;

/**
 * Where the editors' desk signs in, as its {@code redaktion/config.json} tells it: Cognito's managed login when the
 * stack has a user pool domain, else the local runner's stand-in endpoints on the same origin.
 *
 * @param authorizeUrl the OAuth 2.0 authorization endpoint the browser is sent to
 * @param tokenUrl     the token endpoint; always on the site's origin (CloudFront forwards {@code /oauth2/*}), so
 *                     the site's {@code connect-src 'self'} holds
 * @param logoutUrl    where signing out goes
 * @param clientId     the public app client (no secret; PKCE)
 * @param local        whether this is the local runner's sign-in, for development only
 */
public record DeskSignIn(String authorizeUrl, String tokenUrl, String logoutUrl, String clientId, boolean local) {
    /** The local runner's client id; its {@code /oauth2/token} hands out the editor token. */
    public static final String LOCAL_CLIENT_ID = "local-desk";

    /** The local runner's endpoints. */
    public static DeskSignIn localRunner() {
        return new DeskSignIn("/oauth2/authorize", "/oauth2/token", "/logout", LOCAL_CLIENT_ID, true);
    }

    /**
     * The user pool domain's endpoints when {@code authUrl} is given (e.g.
     * {@code https://<prefix>.auth.<region>.amazoncognito.com}), else {@link #localRunner()}.
     */
    public static DeskSignIn of(Optional<URI> authUrl, Optional<String> clientId) {
        return authUrl.map(url -> {
            String base = url.toString().replaceAll("/+$", "");
            return new DeskSignIn(base + "/oauth2/authorize", "/oauth2/token", base + "/logout",
                    clientId.orElseThrow(() -> new IllegalArgumentException(
                            "A desk sign-in URL needs its app client id")), false);
        }).orElseGet(DeskSignIn::localRunner);
    }
}
