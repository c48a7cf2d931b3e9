package se.newsroom.aws;

import java.net.URI;
import java.util.Optional;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/**
 * Builds the DynamoDB client a function uses: the shared lean HTTP client, region from AWS_REGION, optional endpoint.
 */
public final class DynamoDbClients {
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
        DynamoDbClientBuilder builder = DynamoDbClient.builder()
                .region(region)
                .credentialsProvider(credentials)
                .httpClient(SharedHttpClient.get());
        endpoint.ifPresent(builder::endpointOverride);
        return builder.build();
    }
}
