package se.newsroom.render.output;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import software.amazon.awssdk.services.cloudfront.CloudFrontClient;

/** One CloudFront invalidation per batch, for exactly the paths written or deleted. */
public final class CloudFrontInvalidator implements Invalidator {
    private final CloudFrontClient cloudFront;
    private final String distributionId;
    private final Supplier<String> callerReference;

    public CloudFrontInvalidator(CloudFrontClient cloudFront, String distributionId, Supplier<String> callerReference) {
        this.cloudFront = cloudFront;
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
        List<String> list = new ArrayList<>(items);
        cloudFront.createInvalidation(r -> r.distributionId(distributionId).invalidationBatch(b -> b
                .callerReference(callerReference.get())
                .paths(p -> p.quantity(list.size()).items(list))));
    }
}
