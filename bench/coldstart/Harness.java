import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the Lambda runtime does on a cold start, without the runtime: builds the handler with its no-arg
 * constructor (reading its environment, building its clients), then serves one event, and exits. Compiled and
 * run by bench/cold-start.sh beside each function's deployable jar and nothing else.
 *
 * <p>{@code Harness --prime <handler>} is what SnapStart does before it takes its snapshot instead: builds the
 * handler and runs its priming hooks, serving no event. The benchmark's training run for the JVM's AOT cache.
 */
public final class Harness {
    public static void main(String[] args) throws Exception {
        if (args[0].equals("--prime")) {
            Class.forName(args[1]).getConstructor().newInstance();
            System.out.println("primed: " + se.newsroom.config.SnapStartPriming.runAll() + " step(s)");
            return;
        }
        Class<?> type = Class.forName(args[0]);
        Object handler = type.getConstructor().newInstance();
        byte[] event = Files.readAllBytes(Path.of(args[1]));
        String answer;
        if (handler instanceof com.amazonaws.services.lambda.runtime.RequestStreamHandler stream) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            stream.handleRequest(new java.io.ByteArrayInputStream(event), out, null);
            answer = out.toString();
        } else {
            Method handle = null;
            for (Method m : type.getMethods()) {
                if (m.getName().equals("handleRequest") && m.getParameterCount() == 2 && !m.isBridge()) {
                    handle = m;
                }
            }
            // The event as the runtime would give it: JSON mapped onto the handler's input type, with the
            // Jackson the function's jar already carries.
            com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper()
                    .configure(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
            Object input = json.readValue(event, handle.getParameterTypes()[0]);
            Object output = handle.invoke(handler, input, null);
            answer = json.writeValueAsString(output);
        }
        System.out.println(answer.length() > 160 ? answer.substring(0, 160) : answer);
    }
}
