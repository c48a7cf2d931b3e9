package se.newsroom.table;

import static se.newsroom.table.ContentTable.PK;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import se.newsroom.content.ArticleIds;
import se.newsroom.content.Comment;
import se.newsroom.content.CommentStatus;
import se.newsroom.content.CommentStore.Hashes;
import se.newsroom.content.Hasher;
import se.newsroom.testing.CapacityMeter;
import se.newsroom.testing.DynamoDbLocal;
import se.newsroom.testing.Tables;

/**
 * How an import's comments are best written (not a test): as {@link ImportWrites} writes them, each its marker and
 * then itself by conditional puts, {@value #PARALLEL} side by side; or as TransactWriteItems of 50 comments (their 100
 * items), each item on condition it does not exist. A first run and a second run of the same comments, on DynamoDB
 * Local over HTTP: comments per second and write units a comment. Run:
 * {@code java -cp <shared's test classpath> se.newsroom.table.ImportWritesBench} ({@code -Dbench.comments=N}).
 */
public final class ImportWritesBench {
    private static final int COMMENTS = Integer.getInteger("bench.comments", 3000);
    private static final int PARALLEL = 8;
    private static final int PER_TRANSACTION = 50;

    private ImportWritesBench() {
    }

    public static void main(String[] args) throws Exception {
        DynamoDbClient dynamoDb = DynamoDbLocal.client();
        Hasher hasher = new Hasher("benchmark-salt-of-length");
        String article = ArticleIds.derived(Instant.parse("2019-12-04T09:30:00Z"), "bench:post");
        List<Comment> comments = new ArrayList<>();
        for (int i = 0; i < COMMENTS; i++) {
            Instant at = Instant.parse("2019-12-04T10:00:00Z").plusSeconds(i);
            comments.add(new Comment(ArticleIds.derived(at, "bench:comment:" + i), article, Optional.empty(),
                    "Läsare " + i, "Kommentar nummer " + i + " – med å, ä och ö.", CommentStatus.APPROVED, at, 1));
        }
        System.out.printf("%-44s %8s %12s %14s%n", "way (" + COMMENTS + " comments)", "run", "comments/s",
                "write units/c");
        String puts = Tables.fresh(dynamoDb);
        for (String run : List.of("first", "second")) {
            CapacityMeter meter = new CapacityMeter(dynamoDb);
            ImportWrites writes = new ImportWrites(meter.client(), puts);
            long start = System.nanoTime();
            try (ExecutorService pool = Executors.newFixedThreadPool(PARALLEL)) {
                List<Future<?>> done = new ArrayList<>();
                for (Comment c : comments) {
                    Hashes h = new Hashes(hasher.hash("l" + c.author() + "@example.se"), hasher.hash("ip"),
                            hasher.hash(article + "\n" + c.body()));
                    done.add(pool.submit(() -> writes.createComment(c, h, h.duplicate() + "x", "bench")));
                }
                for (Future<?> f : done) {
                    f.get();
                }
            }
            print("conditional puts, " + PARALLEL + " side by side", run, start, meter);
        }
        String transactions = Tables.fresh(dynamoDb);
        for (String run : List.of("first", "second")) {
            CapacityMeter meter = new CapacityMeter(dynamoDb);
            long start = System.nanoTime();
            int cancelled = 0;
            try (ExecutorService pool = Executors.newFixedThreadPool(PARALLEL)) {
                List<Future<Boolean>> done = new ArrayList<>();
                for (int from = 0; from < comments.size(); from += PER_TRANSACTION) {
                    List<Comment> batch = comments.subList(from, Math.min(comments.size(), from + PER_TRANSACTION));
                    done.add(pool.submit(() -> transaction(meter.client(), transactions, batch, article, hasher)));
                }
                for (Future<Boolean> f : done) {
                    cancelled += f.get() ? 0 : 1;
                }
            }
            print("TransactWriteItems of " + PER_TRANSACTION + " (" + cancelled + " cancelled)", run, start, meter);
        }
    }

    /** One transaction of a batch's markers and comments; whether it went through. */
    private static boolean transaction(DynamoDbClient client, String table, List<Comment> batch, String article,
                                       Hasher hasher) {
        List<TransactWriteItem> items = new ArrayList<>();
        for (Comment c : batch) {
            Hashes h = new Hashes(hasher.hash("l" + c.author() + "@example.se"), hasher.hash("ip"),
                    hasher.hash(article + "\n" + c.body()));
            items.add(putNew(table, ErasureMarkerItem.of(h.email(), article, h.duplicate(), c.id())));
            items.add(putNew(table, CommentItem.toItem(c, h)));
        }
        try {
            client.transactWriteItems(r -> r.transactItems(items));
            return true;
        } catch (TransactionCanceledException e) {
            return false;
        }
    }

    private static TransactWriteItem putNew(String table, Map<String, AttributeValue> item) {
        return TransactWriteItem.builder().put(Put.builder().tableName(table).item(item)
                .conditionExpression("attribute_not_exists(" + PK + ")").build()).build();
    }

    private static void print(String way, String run, long start, CapacityMeter meter) {
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("%-44s %8s %12.0f %14.2f%n", way, run, COMMENTS / seconds,
                (meter.writeUnits() + meter.refusedWrites()) / COMMENTS);
    }
}
