package se.newsroom.comments;

import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ssm.SsmClient;

/** The hashing salt, read once at start from a SecureString in Parameter Store. */
final class Salts {
    private Salts() {
    }

    static String fromParameterStore(Region region, String name) {
        try (SsmClient ssm = SsmClient.builder().region(region)
                .credentialsProvider(EnvironmentVariableCredentialsProvider.create())
                .httpClient(UrlConnectionHttpClient.create()).build()) {
            return ssm.getParameter(r -> r.name(name).withDecryption(true)).parameter().value();
        }
    }
}
