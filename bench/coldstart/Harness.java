import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;

import se.newsroom.config.SnapStartPriming;

/**
 * What the Lambda runtime does on a cold start, without the runtime. Compiled and run by bench/cold-start.sh beside
 * each function's deployable jar and nothing else; every function is a {@link RequestStreamHandler}, so the event's
 * JSON goes in as the runtime would pass it.
 *
 * <ul>
 *   <li>{@code Harness <handler> <event>}: a cold start. Builds the handler with its no-arg constructor (reading
 *   its environment, building its clients), serves the event, exits.</li>
 *   <li>{@code Harness --prime <handler>}: what SnapStart does before it takes its snapshot. Builds the handler and
 *   runs its priming hooks, serving no event: the training run for the JVM's AOT cache.</li>
 *   <li>{@code Harness --after-priming <handler> <event>}: builds and primes, then serves the event and prints how
 *   long that took: what a function restored from a primed snapshot pays for its first event, the restore
 *   excluded; then serves it once more (pages are rewritten as they were, reads read again), for the cost of the
 *   work itself.</li>
 * </ul>
 */
public final class Harness {
    public static void main(String[] args) throws Exception {
        String mode = args[0].startsWith("--") ? args[0] : "";
        int at = mode.isEmpty() ? 0 : 1;
        RequestStreamHandler handler = (RequestStreamHandler) Class.forName(args[at]).getConstructor().newInstance();
        if (!mode.isEmpty()) {
            System.out.println("primed: " + SnapStartPriming.runAll() + " step(s)");
        }
        if (mode.equals("--prime")) {
            return;
        }
        byte[] event = Files.readAllBytes(Path.of(args[at + 1]));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long start = System.nanoTime();
        handler.handleRequest(new ByteArrayInputStream(event), out, null);
        long micros = (System.nanoTime() - start) / 1000;
        if (mode.equals("--after-priming")) {
            // And the same event once more: what the work itself costs once nothing is cold.
            long again = System.nanoTime();
            handler.handleRequest(new ByteArrayInputStream(event), new ByteArrayOutputStream(), null);
            System.out.println("event-micros: " + micros + " " + (System.nanoTime() - again) / 1000);
        }
        String answer = out.toString();
        System.out.println(answer.length() > 160 ? answer.substring(0, 160) : answer);
    }
}
