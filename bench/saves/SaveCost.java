import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import se.newsroom.content.Article;
import se.newsroom.content.ArticleStatus;
import se.newsroom.table.DynamoDbArticleStore;
import se.newsroom.testing.Articles;
import se.newsroom.testing.CapacityMeter;
import se.newsroom.testing.DynamoDbLocal;
import se.newsroom.testing.Tables;

/**
 * What one save of an article costs, on DynamoDB Local over HTTP: the write units its transaction consumes (the
 * table's and its indexes', as ReturnConsumedCapacity INDEXES reports them) and its latency, over N saves of a
 * published article with two categories, one body size at a time; the write units apart for versions 2 to 50 and for
 * later ones (which also drop the revision 50 versions older). Runs against whichever store is on the class path:
 * the store before revisions (update(previous, article)) or after (update(previous, article, change)), found by
 * reflection so that the same file measures both commits. Prints one table row per body size.
 * Run: java -cp <shared's test class path> bench/saves/SaveCost.java LABEL SAVES BODY_KB...
 */
public class SaveCost {
    public static void main(String[] args) throws Exception {
        String label = args[0];
        int saves = Integer.parseInt(args[1]);
        CapacityMeter meter = new CapacityMeter(DynamoDbLocal.client());
        DynamoDbClient client = meter.client();
        String table = Tables.fresh(client);
        DynamoDbArticleStore store = new DynamoDbArticleStore(client, table);
        Store api = new Store(store);
        for (String kb : Arrays.copyOfRange(args, 2, args.length)) {
            String body = body(Integer.parseInt(kb) * 1024);
            // Warm-up on an article of its own: the first saves pay for the JIT and DynamoDB Local's first queries.
            Article warm = api.create(article("Uppvärmning " + kb, body));
            for (int i = 0; i < 20; i++) {
                warm = api.update(warm, next(warm, i, body));
            }
            meter.reset();
            Article current = api.create(article("Mätt nyhet " + kb + " KB", body));
            double createUnits = meter.writeUnits();
            List<Double> millis = new ArrayList<>();
            double[] units = new double[2];
            int[] counted = new int[2];
            for (int i = 0; i < saves; i++) {
                Article next = next(current, i, body);
                meter.reset();
                long start = System.nanoTime();
                current = api.update(current, next);
                millis.add((System.nanoTime() - start) / 1e6);
                // Saves up to version 50 write a revision; from 51 on they also drop the one 50 versions older.
                int phase = current.version() <= 50 ? 0 : 1;
                units[phase] += meter.writeUnits();
                counted[phase]++;
            }
            Collections.sort(millis);
            System.out.printf("| %s | %d KB | %d | %.1f | %.1f | %s | %.1f | %.1f |%n", label,
                    Integer.parseInt(kb), saves, createUnits, units[0] / counted[0],
                    counted[1] == 0 ? "–" : String.format("%.1f", units[1] / counted[1]), millis.get(saves / 2),
                    millis.get(saves * 9 / 10));
        }
        System.exit(0);
    }

    private static Article article(String title, String body) {
        return Articles.published(Articles.draft(title), Articles.T0).toBuilder().body(body)
                .categories(List.of("Kommun", "Skola")).build();
    }

    /** The next version: the title's counter and one word of the body changed, as an editor's small edit. */
    private static Article next(Article a, int i, String body) {
        return a.toBuilder().title("Mätt nyhet, ändring " + i).body(body.replaceFirst("kommunen", "kommunen " + i))
                .status(ArticleStatus.PUBLISHED).updatedAt(a.updatedAt().plusSeconds(1)).version(a.version() + 1)
                .build();
    }

    /** Swedish text of about {@code bytes} bytes, in paragraphs. */
    private static String body(int bytes) {
        String paragraph = "Kommunfullmäktige i kommunen beslutade i kväll att bygga en ny förskola – med plats för "
                + "120 barn\u00a0– i Åby. Arbetet börjar i vår och ska vara klart till hösten 2021.\n\n";
        StringBuilder text = new StringBuilder();
        while (text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8).length < bytes) {
            text.append(paragraph);
        }
        return text.toString();
    }

    /** The store's create and update, with or without the Change revisions brought (by reflection). */
    private static final class Store {
        private final DynamoDbArticleStore store;
        private final Method create;
        private final Method update;
        private final Object change;

        Store(DynamoDbArticleStore store) throws Exception {
            this.store = store;
            Optional<Class<?>> changeType;
            try {
                changeType = Optional.of(Class.forName("se.newsroom.content.Change"));
            } catch (ClassNotFoundException e) {
                changeType = Optional.empty();
            }
            if (changeType.isPresent()) {
                Class<?> action = Class.forName("se.newsroom.content.AuditAction");
                change = changeType.get().getMethod("by", String.class, String.class, action)
                        .invoke(null, "bench", "Bänken", action.getField("EDIT").get(null));
                create = DynamoDbArticleStore.class.getMethod("create", Article.class, boolean.class, Optional.class,
                        changeType.get());
                update = DynamoDbArticleStore.class.getMethod("update", Article.class, Article.class,
                        changeType.get());
            } else {
                change = null;
                create = DynamoDbArticleStore.class.getMethod("create", Article.class, boolean.class, Optional.class);
                update = DynamoDbArticleStore.class.getMethod("update", Article.class, Article.class);
            }
        }

        Article create(Article a) throws Exception {
            return (Article) call(create, change == null ? new Object[] {a, false, Optional.empty()}
                    : new Object[] {a, false, Optional.empty(), change});
        }

        Article update(Article previous, Article next) throws Exception {
            return (Article) call(update, change == null ? new Object[] {previous, next}
                    : new Object[] {previous, next, change});
        }

        private Object call(Method method, Object[] args) throws Exception {
            try {
                return method.invoke(store, args);
            } catch (InvocationTargetException e) {
                throw (Exception) e.getCause();
            }
        }
    }
}
