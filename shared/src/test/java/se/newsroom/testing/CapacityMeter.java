package se.newsroom.testing;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.function.Consumer;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * A DynamoDB client that asks for every write's consumed capacity (ReturnConsumedCapacity INDEXES: the table and
 * each index) and adds it up, with the round trips and the writes refused by their condition (which DynamoDB
 * charges one write unit each for but reports no capacity for).
 */
public final class CapacityMeter {
    private final DoubleAdder writeUnits = new DoubleAdder();
    private final AtomicInteger writeCalls = new AtomicInteger();
    private final AtomicInteger refusedWrites = new AtomicInteger();
    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicInteger itemsRead = new AtomicInteger();
    private final DynamoDbClient client;

    public CapacityMeter(DynamoDbClient delegate) {
        InvocationHandler handler = (proxy, method, args) -> {
            // a builder's overload or a paginator: it calls this client again with each request
            if (method.isDefault() && args != null && args.length == 1
                    && (args[0] instanceof Consumer || method.getName().endsWith("Paginator"))) {
                return InvocationHandler.invokeDefault(proxy, method, args);
            }
            Object[] metered = args == null ? null : args.clone();
            boolean write = false;
            if (metered != null && metered.length == 1) {
                write = true;
                if (metered[0] instanceof PutItemRequest r) {
                    metered[0] = r.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.INDEXES).build();
                } else if (metered[0] instanceof UpdateItemRequest r) {
                    metered[0] = r.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.INDEXES).build();
                } else if (metered[0] instanceof DeleteItemRequest r) {
                    metered[0] = r.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.INDEXES).build();
                } else if (metered[0] instanceof TransactWriteItemsRequest r) {
                    metered[0] = r.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.INDEXES).build();
                } else {
                    write = false;
                }
            }
            if (!method.getName().equals("close") && !method.getName().equals("serviceName")
                    && !method.getName().equals("serviceClientConfiguration")) {
                calls.incrementAndGet();
            }
            try {
                Object result = method.invoke(delegate, metered);
                if (write) {
                    writeCalls.incrementAndGet();
                    add(result);
                }
                if (result instanceof QueryResponse r) {
                    itemsRead.addAndGet(r.scannedCount());
                } else if (result instanceof ScanResponse r) {
                    itemsRead.addAndGet(r.scannedCount());
                }
                return result;
            } catch (InvocationTargetException e) {
                if (e.getCause() instanceof ConditionalCheckFailedException) {
                    refusedWrites.incrementAndGet();
                }
                throw e.getCause();
            }
        };
        this.client = (DynamoDbClient) Proxy.newProxyInstance(DynamoDbClient.class.getClassLoader(),
                new Class<?>[] {DynamoDbClient.class}, handler);
    }

    private void add(Object result) {
        List<ConsumedCapacity> used = switch (result) {
            case PutItemResponse r -> r.consumedCapacity() == null ? List.of() : List.of(r.consumedCapacity());
            case UpdateItemResponse r -> r.consumedCapacity() == null ? List.of() : List.of(r.consumedCapacity());
            case DeleteItemResponse r -> r.consumedCapacity() == null ? List.of() : List.of(r.consumedCapacity());
            case TransactWriteItemsResponse r -> r.consumedCapacity();
            default -> List.of();
        };
        used.forEach(c -> writeUnits.add(c.capacityUnits() == null ? 0 : c.capacityUnits()));
    }

    /** The metered client. */
    public DynamoDbClient client() {
        return client;
    }

    /** Write units reported since the last reset (tables and indexes). */
    public double writeUnits() {
        return writeUnits.sum();
    }

    /** Writes refused by their condition since the last reset (one write unit each on AWS, not reported). */
    public int refusedWrites() {
        return refusedWrites.get();
    }

    /** Calls to DynamoDB (round trips) since the last reset. */
    public int calls() {
        return calls.get();
    }

    /** Items queries and scans read (before any filter) since the last reset. */
    public int itemsRead() {
        return itemsRead.get();
    }

    /** Write calls (single-item writes and transactions) since the last reset. */
    public int writeCalls() {
        return writeCalls.get();
    }

    public void reset() {
        writeUnits.reset();
        refusedWrites.set(0);
        calls.set(0);
        itemsRead.set(0);
        writeCalls.set(0);
    }
}
