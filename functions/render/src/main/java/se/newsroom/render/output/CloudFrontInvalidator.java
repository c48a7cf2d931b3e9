package se.newsroom.render.output;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;

import se.newsroom.aws.SignedCall;

/**
 * One CloudFront invalidation per batch, for exactly the paths written or deleted: CloudFront's CreateInvalidation
 * REST call (2020-05-31) as one {@link SignedCall}. A direct call rather than the CloudFront SDK module, which is
 * 18.5 MB of classes for this one request (and is served here only at an older version than the rest of the SDK).
 */
public final class CloudFrontInvalidator implements Invalidator {
    /** CloudFront's API endpoint; global, signed for us-east-1. */
    public static final URI ENDPOINT = URI.create("https://cloudfront.amazonaws.com");
    private static final String NAMESPACE = "http://cloudfront.amazonaws.com/doc/2020-05-31/";

    private final SignedCall cloudFront;
    private final URI endpoint;
    private final String distributionId;
    private final Supplier<String> callerReference;

    public CloudFrontInvalidator(SignedCall cloudFront, URI endpoint, String distributionId,
                                 Supplier<String> callerReference) {
        this.cloudFront = cloudFront;
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
        SignedCall.Answer answer = cloudFront.send(request, body, "cloudfront", "us-east-1");
        if (!answer.ok()) {
            throw new IllegalStateException("CloudFront refused the invalidation (" + answer.status() + "): "
                    + answer.body());
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
