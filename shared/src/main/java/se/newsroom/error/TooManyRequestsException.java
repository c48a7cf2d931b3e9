package se.newsroom.error;

import java.util.List;

/** Thrown when a client sends more than the limits allow; says when it may try again (429). */
public final class TooManyRequestsException extends NewsroomException {
    private final long retryAfterSeconds;

    public TooManyRequestsException(String detail, long retryAfterSeconds) {
        super(detail, List.of());
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** Seconds until a new request may succeed, for the Retry-After header. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
