package se.newsroom.render.deploy;

import java.net.URI;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A CloudFormation custom resource's request, as the stack sends it to the function: what to do, and where to answer.
 *
 * @param physicalResourceId the id answered at create; given on update and delete
 * @see <a href="https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/crpg-ref-requests.html">Custom
 *      resource request objects</a>
 */
public record StackEvent(String requestType, URI responseUrl, String stackId, String requestId,
                         String logicalResourceId, Optional<String> physicalResourceId) {
    /** What a resource of this kind is called until CloudFormation has a physical id for it. */
    static final String PHYSICAL_ID = "site-build";

    /** True for a custom resource's request (it has a request type and a URL to answer on), not a stream batch. */
    public static boolean isOne(JsonNode event) {
        return event != null && event.hasNonNull("RequestType") && event.hasNonNull("ResponseURL");
    }

    /** Reads the fields of a request {@link #isOne} accepted; a missing one becomes empty text, answered FAILED. */
    static StackEvent of(JsonNode event) {
        return new StackEvent(event.path("RequestType").asText(), URI.create(event.path("ResponseURL").asText()),
                event.path("StackId").asText(), event.path("RequestId").asText(),
                event.path("LogicalResourceId").asText(),
                Optional.ofNullable(event.get("PhysicalResourceId")).map(JsonNode::asText).filter(s -> !s.isBlank()));
    }

    /** The id to answer with: the one CloudFormation knows, or ours on create (the same id means no replacement). */
    String answeredPhysicalId() {
        return physicalResourceId.orElse(PHYSICAL_ID);
    }
}
