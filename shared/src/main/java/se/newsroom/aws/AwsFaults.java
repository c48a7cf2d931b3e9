package se.newsroom.aws;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;

import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.RetryableException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.RequestLimitExceededException;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Tells a passing fault of an AWS service (throttling, a 5xx, a timeout, a dropped connection) from a fault that
 * would happen again: the first is answered 503 with Retry-After, since the same request may well succeed in a
 * moment; the second stays a 500. Seen after the SDK's own retries, so a passing fault here has outlasted them.
 */
public final class AwsFaults {
    /** Cancellation reasons of a transaction that may succeed when sent again. */
    private static final Set<String> PASSING_CANCELLATIONS = Set.of("TransactionConflict", "ThrottlingError",
            "ProvisionedThroughputExceeded", "RequestLimitExceeded", "InternalServerError");

    private AwsFaults() {
    }

    /** Whether {@code e}, or a cause of it, is a fault of a service or the network that may pass when retried. */
    public static boolean isPassing(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (passing(t)) {
                return true;
            }
        }
        return false;
    }

    private static boolean passing(Throwable t) {
        return switch (t) {
            case TransactionCanceledException c -> c.hasCancellationReasons() && c.cancellationReasons().stream()
                    .map(CancellationReason::code).anyMatch(PASSING_CANCELLATIONS::contains);
            case ProvisionedThroughputExceededException throttled -> true;
            case RequestLimitExceededException throttled -> true;
            case SdkServiceException s -> s.isThrottlingException() || s.statusCode() >= 500;
            // Other client exceptions are passing when the network is the cause: the loop finds its IOException.
            case ApiCallTimeoutException timeout -> true;
            case ApiCallAttemptTimeoutException timeout -> true;
            case RetryableException retryable -> true;
            case IOException io -> true;
            case UncheckedIOException io -> true;
            default -> false;
        };
    }
}
