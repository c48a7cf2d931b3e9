package se.newsroom.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Optional;

import org.testcontainers.containers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

import se.newsroom.aws.DynamoDbClients;
import se.newsroom.aws.SharedHttpClient;

/**
 * LocalStack through Testcontainers, started once per test run where Docker exists. The image is the last
 * LocalStack that starts without an account (later ones need an auth token); where no registry answers,
 * docker/images.sh builds a stand-in of the same version under the same name, and Testcontainers uses the local
 * image without pulling.
 */
public final class LocalStack {
    /** The image Testcontainers asks for; docker/localstack/build.sh makes it where it cannot be pulled. */
    public static final String IMAGE = "localstack/localstack:4.14.0";
    /** The first call starts DynamoDB Local and kinesis-mock (the table's stream) inside the container. */
    private static final Duration WARM_UP = Duration.ofMinutes(2);
    private static LocalStackContainer container;

    private LocalStack() {
    }

    /** The running container, starting it on first use. */
    public static synchronized LocalStackContainer container() {
        if (container == null) {
            LocalStackContainer c = new LocalStackContainer(DockerImageName.parse(IMAGE))
                    .withServices(LocalStackContainer.Service.DYNAMODB, LocalStackContainer.Service.S3,
                            LocalStackContainer.Service.SNS, LocalStackContainer.Service.SQS);
            // No Docker socket inside: only LocalStack's Lambda would use it, and mounting it first makes
            // Testcontainers test file mounts with a helper image (alpine), which cannot be pulled where no
            // registry answers (three minutes of retries before every run).
            c.setBinds(new ArrayList<>());
            c.start();
            warmUp(c);
            container = c;
        }
        return container;
    }

    /** A DynamoDB client of the container, built the way the functions build theirs. */
    public static DynamoDbClient dynamoDb() {
        LocalStackContainer c = container();
        return DynamoDbClients.create(Region.of(c.getRegion()), Optional.of(c.getEndpoint()), credentials(c));
    }

    /** A DynamoDB Streams client of the container (LocalStack serves the table's stream from kinesis-mock). */
    public static DynamoDbStreamsClient dynamoDbStreams() {
        LocalStackContainer c = container();
        return DynamoDbStreamsClient.builder().region(Region.of(c.getRegion())).endpointOverride(c.getEndpoint())
                .credentialsProvider(credentials(c)).httpClient(SharedHttpClient.get()).build();
    }

    /** The container's credentials (LocalStack accepts any), for the clients a module builds itself. */
    public static StaticCredentialsProvider credentials() {
        return credentials(container());
    }

    /** One table made with a patient client, so that no test's 8 s call budget pays for the emulators' start. */
    private static void warmUp(LocalStackContainer c) {
        try (DynamoDbClient patient = DynamoDbClient.builder().region(Region.of(c.getRegion()))
                .endpointOverride(c.getEndpoint()).credentialsProvider(credentials(c))
                .httpClient(SharedHttpClient.get()).overrideConfiguration(o -> o.apiCallTimeout(WARM_UP)).build()) {
            Tables.fresh(patient);
        }
    }

    private static StaticCredentialsProvider credentials(LocalStackContainer c) {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(c.getAccessKey(), c.getSecretKey()));
    }
}
