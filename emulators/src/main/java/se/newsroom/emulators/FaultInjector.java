package se.newsroom.emulators;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.InternalServerErrorException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;

/**
 * Faults for the calls the functions make to DynamoDB and S3, injected inside the SDK's own path, so that its
 * retries, idempotency tokens and error parsing see what they would see from a failing service.
 *
 * <p>Two places: {@link #httpClient} wraps the HTTP client an SDK client sends through (each attempt of a call
 * passes it, so the SDK retries a fault as it would a real one; answers are built as the services send them); and
 * {@link #dynamoDb} wraps a client of the embedded DynamoDB Local, which has no HTTP (and so no SDK retries): a
 * call fails as it would once the SDK's retries are spent. Faults are given by rules (a service, the operations, a
 * probability or a count); every one injected is logged with the tag of the request it hit.
 */
public final class FaultInjector {
    /** Injected faults, as logged. */
    public record Injected(String service, String operation, Fault fault, Optional<String> tag) {
    }

    private record Rule(String service, Set<String> operations, List<Fault> faults, double probability,
                        AtomicInteger remaining) {
        boolean matches(String service, String operation) {
            return this.service.equals(service) && (operations.isEmpty() || operations.contains(operation));
        }
    }

    private final List<Rule> rules = new CopyOnWriteArrayList<>();
    private final List<Injected> injected = new CopyOnWriteArrayList<>();
    // Inheritable: a call a function runs on a thread of its own (the comment store's side-by-side calls) is logged
    // under the request that started it.
    private final ThreadLocal<String> tag = new InheritableThreadLocal<>();
    private final SplittableRandom random;
    private final Duration timeout;

    /**
     * @param seed    of the random choices, so a run can be repeated
     * @param timeout how long a {@link Fault#TIMEOUT} waits before the read times out
     */
    public FaultInjector(long seed, Duration timeout) {
        this.random = new SplittableRandom(seed);
        this.timeout = timeout;
    }

    /** Gives the next {@code count} calls of {@code service}'s operations (all when none named) {@code fault}. */
    public FaultInjector next(int count, Fault fault, String service, String... operations) {
        rules.add(new Rule(service, Set.of(operations), List.of(fault), 1, new AtomicInteger(count)));
        return this;
    }

    /** Gives each call of {@code service}'s operations, with {@code probability}, one of {@code faults}. */
    public FaultInjector randomly(double probability, List<Fault> faults, String service, String... operations) {
        rules.add(new Rule(service, Set.of(operations), List.copyOf(faults), probability,
                new AtomicInteger(Integer.MAX_VALUE)));
        return this;
    }

    /** Stops injecting. */
    public void stop() {
        rules.clear();
    }

    /** Every fault injected so far. */
    public List<Injected> injected() {
        return List.copyOf(injected);
    }

    /** Runs {@code work} with the faults it meets on this thread logged under {@code requestTag}. */
    public <T> T tagged(String requestTag, Supplier<T> work) {
        tag.set(requestTag);
        try {
            return work.get();
        } finally {
            tag.remove();
        }
    }

    /** The fault this call gets, if any; one call at a time, so a seeded run draws the same faults in turn. */
    private synchronized Optional<Fault> draw(String service, String operation) {
        for (Rule rule : rules) {
            if (!rule.matches(service, operation) || rule.remaining().get() <= 0
                    || (rule.probability() < 1 && random.nextDouble() >= rule.probability())) {
                continue;
            }
            rule.remaining().decrementAndGet();
            Fault fault = rule.faults().get(random.nextInt(rule.faults().size()));
            injected.add(new Injected(service, operation, fault, Optional.ofNullable(tag.get())));
            return Optional.of(fault);
        }
        return Optional.empty();
    }

    /** {@code delegate}, with faults for {@code service} ({@code "dynamodb"} or {@code "s3"}) on each attempt. */
    public SdkHttpClient httpClient(String service, SdkHttpClient delegate) {
        return new SdkHttpClient() {
            @Override
            public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
                String operation = operation(service, request.httpRequest());
                return new ExecutableHttpRequest() {
                    private volatile ExecutableHttpRequest sent;

                    @Override
                    public HttpExecuteResponse call() throws IOException {
                        Optional<Fault> fault = draw(service, operation);
                        if (fault.isEmpty()) {
                            sent = delegate.prepareRequest(request);
                            return sent.call();
                        }
                        return switch (fault.get()) {
                            case THROTTLING, SERVER_ERROR -> answer(service, fault.get());
                            case TIMEOUT -> {
                                pause();
                                throw new SocketTimeoutException("Read timed out (injected)");
                            }
                            case RESET_AFTER_WRITE -> {
                                sent = delegate.prepareRequest(request);
                                HttpExecuteResponse applied = sent.call();
                                if (applied.responseBody().isPresent()) {
                                    applied.responseBody().get().readAllBytes();
                                    applied.responseBody().get().close();
                                }
                                throw new SocketException("Connection reset (injected, after the request was applied)");
                            }
                        };
                    }

                    @Override
                    public void abort() {
                        if (sent != null) {
                            sent.abort();
                        }
                    }
                };
            }

            @Override
            public void close() {
                delegate.close();
            }
        };
    }

    /**
     * {@code delegate} (a client of the embedded emulator, which has no HTTP), failing a call as the SDK reports it
     * once its retries are spent.
     */
    public DynamoDbClient dynamoDb(DynamoDbClient delegate) {
        return (DynamoDbClient) Proxy.newProxyInstance(DynamoDbClient.class.getClassLoader(),
                new Class<?>[] {DynamoDbClient.class}, (proxy, method, args) -> {
                    String operation = method.getName().substring(0, 1).toUpperCase(Locale.ROOT)
                            + method.getName().substring(1);
                    Optional<Fault> fault = method.getDeclaringClass() == Object.class
                            || method.getName().equals("close") || method.getName().equals("serviceName")
                            ? Optional.empty() : draw("dynamodb", operation);
                    if (fault.isPresent() && fault.get() != Fault.RESET_AFTER_WRITE) {
                        throw switch (fault.get()) {
                            case THROTTLING -> ProvisionedThroughputExceededException.builder().statusCode(400)
                                    .message("The level of configured provisioned throughput for the table was "
                                            + "exceeded (injected)")
                                    .awsErrorDetails(AwsErrorDetails.builder()
                                            .errorCode("ProvisionedThroughputExceededException").build()).build();
                            case SERVER_ERROR -> InternalServerErrorException.builder().statusCode(500)
                                    .message("Internal server error (injected)")
                                    .awsErrorDetails(AwsErrorDetails.builder().errorCode("InternalServerError")
                                            .build()).build();
                            default -> {
                                pause();
                                yield ApiCallTimeoutException.create(timeout.toMillis());
                            }
                        };
                    }
                    Object result;
                    try {
                        result = method.invoke(delegate, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                    if (fault.isPresent()) {
                        throw SdkClientException.create("Unable to execute HTTP request: Connection reset",
                                new SocketException("Connection reset (injected, after the request was applied)"));
                    }
                    return result;
                });
    }

    private void pause() {
        try {
            Thread.sleep(timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The operation a request calls: DynamoDB names it in X-Amz-Target; for S3 the method says enough here. */
    static String operation(String service, SdkHttpRequest request) {
        if (service.equals("dynamodb")) {
            String target = request.firstMatchingHeader("X-Amz-Target").orElse("");
            return target.substring(target.indexOf('.') + 1);
        }
        boolean bucket = request.encodedPath().chars().filter(c -> c == '/').count() <= 1;
        return switch (request.method()) {
            case PUT -> bucket ? "CreateBucket" : "PutObject";
            case DELETE -> "DeleteObject";
            case POST -> "DeleteObjects";
            case HEAD -> "HeadObject";
            default -> bucket ? "ListObjectsV2" : "GetObject";
        };
    }

    private static HttpExecuteResponse answer(String service, Fault fault) {
        boolean throttled = fault == Fault.THROTTLING;
        String body;
        String type;
        int status;
        if (service.equals("dynamodb")) {
            status = throttled ? 400 : 500;
            type = "application/x-amz-json-1.0";
            body = throttled
                    ? "{\"__type\":\"com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException\","
                    + "\"message\":\"The level of configured provisioned throughput for the table was exceeded.\"}"
                    : "{\"__type\":\"com.amazonaws.dynamodb.v20120810#InternalServerError\","
                    + "\"message\":\"Internal server error\"}";
        } else {
            status = throttled ? 503 : 500;
            type = "application/xml";
            body = throttled
                    ? "<Error><Code>SlowDown</Code><Message>Please reduce your request rate.</Message></Error>"
                    : "<Error><Code>InternalError</Code><Message>We encountered an internal error. Please try "
                    + "again.</Message></Error>";
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return HttpExecuteResponse.builder()
                .response(SdkHttpResponse.builder().statusCode(status).putHeader("Content-Type", type)
                        .putHeader("Content-Length", Integer.toString(bytes.length))
                        .putHeader("x-amzn-RequestId", "injected-fault").build())
                .responseBody(AbortableInputStream.create(new ByteArrayInputStream(bytes))).build();
    }
}
