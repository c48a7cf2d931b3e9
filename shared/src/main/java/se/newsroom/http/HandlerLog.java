package se.newsroom.http;

import java.io.PrintWriter;
import java.io.StringWriter;

import com.amazonaws.services.lambda.runtime.Context;

/** Where a handler reports a fault nobody anticipated: the log (with the stack trace), never the response. */
public final class HandlerLog {
    private HandlerLog() {
    }

    /** Logs an unexpected error through the Lambda logger, or standard error outside Lambda. */
    public static void unexpected(Context context, RuntimeException e) {
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        String line = "Unexpected error: " + trace;
        if (context != null && context.getLogger() != null) {
            context.getLogger().log(line);
        } else {
            System.err.println(line);
        }
    }
}
