import java.util.Map;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import se.newsroom.testing.DynamoDbLocal;
import se.newsroom.testing.Tables;

/**
 * What one call to DynamoDB Local costs on this machine, the floor under every comment post in the comment bench:
 * 500 PutItem, then 500 consistent GetItem of small items, three rounds, milliseconds per call. Run after
 * bench/comments-vs-isso.sh has built the comments module (it leaves the classpath in target/bench.classpath).
 */
public class CallCost {
    public static void main(String[] args) {
        DynamoDbClient dynamoDb = DynamoDbLocal.client();
        String table = Tables.fresh(dynamoDb);
        for (int round = 0; round < 3; round++) {
            long start = System.nanoTime();
            for (int i = 0; i < 500; i++) {
                Map<String, AttributeValue> key = key(round, i);
                dynamoDb.putItem(r -> r.tableName(table).item(key));
            }
            double put = (System.nanoTime() - start) / 1e6 / 500;
            start = System.nanoTime();
            for (int i = 0; i < 500; i++) {
                Map<String, AttributeValue> key = key(round, i);
                dynamoDb.getItem(r -> r.tableName(table).key(key).consistentRead(true));
            }
            System.out.printf("round %d: PutItem %.2f ms, GetItem %.2f ms%n", round + 1, put,
                    (System.nanoTime() - start) / 1e6 / 500);
        }
        System.exit(0);
    }

    private static Map<String, AttributeValue> key(int round, int i) {
        return Map.of("PK", AttributeValue.fromS("PROBE#" + round + "#" + i), "SK", AttributeValue.fromS("P"));
    }
}
