package dev.beckon.support;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/**
 * Environments for Beckon processes ({@link BeckonProcess}) that tests start on their own schema
 * and broker names, as an operator configures Beckon: BECKON_* variables only.
 */
public final class ProcessEnvironment {

    public static final String AMQP = "amqp://guest:guest@127.0.0.1:5672/%2f";

    private ProcessEnvironment() {
    }

    /** Drops and creates {@code schema} in the machine's database; returns its JDBC URL. */
    public static String freshSchema(String schema) throws Exception {
        try (java.sql.Connection admin = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/test", "postgres", "");
             Statement statement = admin.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            statement.execute("CREATE SCHEMA " + schema);
        }
        return "jdbc:postgresql://127.0.0.1:5432/test?currentSchema=" + schema;
    }

    /** Database, keys, console and webhook-secret keys, and the tests' receivers on 127.0.0.1 allowed as webhook endpoints. */
    public static Map<String, String> of(String databaseUrl, String apiKey) {
        return new HashMap<>(Map.of(
                "BECKON_DB_URL", databaseUrl, "BECKON_DB_USER", "postgres", "BECKON_API_KEY", apiKey,
                "BECKON_ADMIN_PASSWORD", "process-admin-password",
                "BECKON_SESSION_KEY", "process-session-encryption-key-0123456789abcdef",
                "BECKON_SECRETS_KEY", "cHJvY2VzcyBzZWNyZXRzIGtleSwgMzIgYnl0ZXMgbG8=",
                "BECKON_DELIVERY_ALLOWED_INTERNAL_HOSTS", "127.0.0.1"));
    }

    /**
     * The machine's RabbitMQ, with every exchange and queue named {@code prefix.*} and spread over
     * {@code shards}; the queues are deleted first, so each run starts empty.
     */
    public static Map<String, String> broker(String prefix, int shards) throws Exception {
        try (Connection connection = connect()) {
            for (String queue : new String[] {prefix + ".ingest", prefix + ".dead"}) {
                delete(connection, queue);
            }
            for (int shard = 0; shard < shards; shard++) {
                delete(connection, prefix + ".ingest." + shard);
            }
        }
        Map<String, String> environment = new HashMap<>(Map.of(
                "BECKON_RABBITMQ_URI", AMQP, "BECKON_RABBITMQ_SHARDS", Integer.toString(shards),
                "BECKON_RABBITMQ_EVENTS_EXCHANGE", prefix + ".events", "BECKON_RABBITMQ_INGEST_QUEUE", prefix + ".ingest",
                "BECKON_RABBITMQ_DEAD_LETTER_EXCHANGE", prefix + ".dead", "BECKON_RABBITMQ_DEAD_LETTER_QUEUE", prefix + ".dead",
                "BECKON_RABBITMQ_DECISIONS_EXCHANGE", prefix + ".decisions", "BECKON_RABBITMQ_CONNECTION_NAME", prefix));
        return environment;
    }

    public static Connection connect() throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setUri(AMQP);
        return factory.newConnection("beckon-process-tests");
    }

    private static void delete(Connection connection, String queue) throws Exception {
        Channel channel = connection.createChannel();
        channel.queueDelete(queue);
        channel.close();
    }
}
