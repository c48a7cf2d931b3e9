package se.newsroom.aws;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/**
 * Builds the DynamoDB client a function uses: the shared lean HTTP client, region from AWS_REGION, optional endpoint.
 */
public final class DynamoDbClients {
    /**
     * A call's whole time, the SDK's retries included. Without it, DynamoDB's retries under throttling back off for
     * up to about 40 s, and the function's 20 s timeout would end first: API Gateway would then answer a bare 503
     * with no request id. With it, the function answers its own 503 problem (see AwsFaults).
     */
    public static final Duration API_CALL_TIMEOUT = Duration.ofSeconds(8);
    private DynamoDbClients() {
    }

    /**
     * A client for the Lambda runtime (credentials from its environment variables, which is the fastest
     * provider there), or for the local emulators when {@code endpoint} is present.
     */
    public static DynamoDbClient create(Region region, Optional<URI> endpoint) {
        return create(region, endpoint, EnvironmentVariableCredentialsProvider.create());
    }

    /** As {@link #create(Region, Optional)} with the given credentials (the emulators accept any). */
    public static DynamoDbClient create(Region region, Optional<URI> endpoint, AwsCredentialsProvider credentials) {
        return create(region, endpoint, credentials, SharedHttpClient.get());
    }

    /** As {@link #create(Region, Optional, AwsCredentialsProvider)} over {@code http} (tests inject faults there). */
    public static DynamoDbClient create(Region region, Optional<URI> endpoint, AwsCredentialsProvider credentials,
                                        SdkHttpClient http) {
        DynamoDbClientBuilder builder = DynamoDbClient.builder()
                .region(region)
                .credentialsProvider(credentials)
                .overrideConfiguration(c -> c.apiCallTimeout(API_CALL_TIMEOUT))
                .httpClient(http);
        endpoint.ifPresent(builder::endpointOverride);
        return builder.build();
    }
}
