package se.newsroom.emulators;

import java.net.URI;
import java.util.Properties;

import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** S3Proxy with jclouds' in-memory blob store: an S3 API in this JVM, started once per test run. */
public final class S3Emulator {
    private static URI endpoint;

    private S3Emulator() {
    }

    public static synchronized URI endpoint() {
        if (endpoint == null) {
            try {
                BlobStoreContext context = ContextBuilder.newBuilder("transient").credentials("local", "local")
                        .overrides(new Properties()).build(BlobStoreContext.class);
                S3Proxy proxy = S3Proxy.builder().blobStore(context.getBlobStore())
                        .endpoint(URI.create("http://127.0.0.1:0"))
                        .awsAuthentication(AuthenticationType.NONE, null, null).build();
                proxy.start();
                while (!"STARTED".equals(proxy.getState())) {
                    Thread.sleep(10);
                }
                endpoint = URI.create("http://127.0.0.1:" + proxy.getPort());
            } catch (Exception e) {
                throw new IllegalStateException("S3Proxy did not start", e);
            }
        }
        return endpoint;
    }

    public static S3Client client() {
        return S3Client.builder().region(Region.US_EAST_1).endpointOverride(endpoint()).forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                // S3Proxy predates the SDK's default trailing checksums; send checksums only where S3 requires them.
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                // S3Proxy refuses S3's website redirect header: kept as user metadata instead (WebsiteRedirects).
                .httpClient(WebsiteRedirects.over(UrlConnectionHttpClient.create())).build();
    }
}
