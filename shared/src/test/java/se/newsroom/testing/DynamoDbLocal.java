package se.newsroom.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.util.Optional;

import com.amazonaws.services.dynamodbv2.local.embedded.DynamoDBEmbedded;
import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import com.amazonaws.services.dynamodbv2.local.shared.access.AmazonDynamoDBLocal;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import se.newsroom.aws.DynamoDbClients;

/** AWS's DynamoDB Local, in this JVM and in memory, on a free port; started once and shared by a test run. */
public final class DynamoDbLocal {
    private static URI endpoint;
    private static AmazonDynamoDBLocal embedded;

    private DynamoDbLocal() {
    }

    /** The endpoint of the running emulator, starting it on first use. */
    public static synchronized URI endpoint() {
        if (endpoint == null) {
            int port = freePort();
            try {
                DynamoDBProxyServer server = ServerRunner.createServerFromCommandLineArgs(
                        new String[] {"-inMemory", "-port", Integer.toString(port), "-disableTelemetry"});
                server.start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        server.stop();
                    } catch (Exception e) {
                        // the JVM is exiting; nothing left to clean
                    }
                }));
            } catch (Exception e) {
                throw new IllegalStateException("DynamoDB Local did not start", e);
            }
            endpoint = URI.create("http://127.0.0.1:" + port);
        }
        return endpoint;
    }

    /**
     * The same emulator without its HTTP server, for tests whose classpath cannot hold its Jetty (the render
     * tests, where S3Proxy needs another Jetty). Clients of it call the engine directly.
     */
    public static synchronized AmazonDynamoDBLocal embedded() {
        if (embedded == null) {
            embedded = DynamoDBEmbedded.create(true);
        }
        return embedded;
    }

    /** A client of the emulator, built the way the functions build theirs. */
    public static DynamoDbClient client() {
        return DynamoDbClients.create(Region.EU_NORTH_1, Optional.of(endpoint()),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")));
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
