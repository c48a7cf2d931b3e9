package se.newsroom.render.output;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;

/**
 * One CloudFront invalidation per batch, for exactly the paths written or deleted: CloudFront's
 * CreateInvalidation REST call (2020-05-31), signed with the SDK's own SigV4 signer and sent with the function's
 * lean HTTP client. A direct call rather than the CloudFront SDK module, which is 18.5 MB of classes for this one
 * request (and is served here only at an older version than the rest of the SDK).
 */
public final class CloudFrontInvalidator implements Invalidator {
    /** CloudFront's API endpoint; global, signed for us-east-1. */
    public static final URI ENDPOINT = URI.create("https://cloudfront.amazonaws.com");
    private static final String NAMESPACE = "http://cloudfront.amazonaws.com/doc/2020-05-31/";

    private final SdkHttpClient http;
    private final AwsCredentialsProvider credentials;
    private final URI endpoint;
    private final String distributionId;
    private final Supplier<String> callerReference;
    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();

    public CloudFrontInvalidator(SdkHttpClient http, AwsCredentialsProvider credentials, URI endpoint,
                                 String distributionId, Supplier<String> callerReference) {
        this.http = http;
        this.credentials = credentials;
        this.endpoint = endpoint;
        this.distributionId = distributionId;
        this.callerReference = callerReference;
    }

    @Override
    public void invalidate(Collection<String> paths) {
        if (paths.isEmpty()) {
            return;
        }
        Set<String> items = new LinkedHashSet<>();
        for (String path : paths) {
            items.add(path);
            // The viewer function serves /x/ from /x/index.html; either may be cached.
            if (path.endsWith("/")) {
                items.add(path + "index.html");
            }
        }
        byte[] body = batch(new ArrayList<>(items));
        SdkHttpRequest request = SdkHttpRequest.builder().method(SdkHttpMethod.POST)
                .uri(endpoint.resolve("/2020-05-31/distribution/" + distributionId + "/invalidation"))
                .putHeader("Content-Type", "text/xml").build();
        SignedRequest signed = signer.sign(r -> r.identity(credentials.resolveCredentials()).request(request)
                .payload(ContentStreamProvider.fromByteArray(body))
                .putProperty(AwsV4FamilyHttpSigner.SERVICE_SIGNING_NAME, "cloudfront")
                .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1"));
        try {
            HttpExecuteResponse response = http.prepareRequest(HttpExecuteRequest.builder().request(signed.request())
                    .contentStreamProvider(signed.payload().orElse(null)).build()).call();
            if (!response.httpResponse().isSuccessful()) {
                String detail = response.responseBody().map(b -> {
                    try (b) {
                        return new String(b.readAllBytes(), StandardCharsets.UTF_8);
                    } catch (IOException e) {
                        return "";
                    }
                }).orElse("");
                throw new IllegalStateException("CloudFront refused the invalidation ("
                        + response.httpResponse().statusCode() + "): " + detail);
            }
            response.responseBody().ifPresent(b -> {
                try (b) {
                    b.readAllBytes();
                } catch (IOException e) {
                    // the invalidation was accepted; an unread body is no error
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("CloudFront could not be reached", e);
        }
    }

    private byte[] batch(List<String> paths) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            w.writeStartElement("InvalidationBatch");
            w.writeDefaultNamespace(NAMESPACE);
            w.writeStartElement("Paths");
            text(w, "Quantity", Integer.toString(paths.size()));
            w.writeStartElement("Items");
            for (String path : paths) {
                text(w, "Path", path);
            }
            w.writeEndElement();
            w.writeEndElement();
            text(w, "CallerReference", callerReference.get());
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    private static void text(XMLStreamWriter w, String name, String value) throws XMLStreamException {
        w.writeStartElement(name);
        w.writeCharacters(value);
        w.writeEndElement();
    }
}
