package se.newsroom.render.output;

import software.amazon.awssdk.core.SdkPlugin;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * A per-request SDK plugin that lets a request run its whole client-side path (marshalling, checksums, signing) and
 * stops it just before it would be sent: nothing reaches the service. For SnapStart priming of writes, which must
 * not write. The SDK runs {@code beforeTransmission} after signing and before the HTTP call.
 */
final class StopBeforeSending implements ExecutionInterceptor {
    /** Add to a request's override configuration. */
    static final SdkPlugin PLUGIN = client -> client.overrideConfiguration(
            c -> c.addExecutionInterceptor(new StopBeforeSending()));

    /** What the stopped request throws (the SDK may wrap it). */
    static final class Stopped extends RuntimeException {
        Stopped() {
            super("Stopped before sending, as asked (priming).", null, false, false);
        }
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        throw new Stopped();
    }

    /** Whether {@code e}, or one of its causes, is the stop. */
    static boolean stopped(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof Stopped) {
                return true;
            }
        }
        return false;
    }
}
