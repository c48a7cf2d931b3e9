package se.newsroom.testing;

import java.util.Optional;

import org.testcontainers.containers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import se.newsroom.aws.DynamoDbClients;

/** LocalStack through Testcontainers, started once per test run where Docker exists. */
public final class LocalStack {
    private static LocalStackContainer container;

    private LocalStack() {
    }

    /** The running container, starting it on first use. */
    public static synchronized LocalStackContainer container() {
        if (container == null) {
            container = new LocalStackContainer(DockerImageName.parse("localstack/localstack:4.4"))
                    .withServices(LocalStackContainer.Service.DYNAMODB, LocalStackContainer.Service.S3);
            container.start();
        }
        return container;
    }

    /** A DynamoDB client of the container, built the way the functions build theirs. */
    public static DynamoDbClient dynamoDb() {
        LocalStackContainer c = container();
        return DynamoDbClients.create(Region.of(c.getRegion()), Optional.of(c.getEndpoint()),
                StaticCredentialsProvider.create(AwsBasicCredentials.create(c.getAccessKey(), c.getSecretKey())));
    }
}
