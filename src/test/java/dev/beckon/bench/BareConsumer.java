package dev.beckon.bench;

import dev.beckon.support.TestNamespace;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The ceiling Beckon is measured against: a consumer that does only the unavoidable work —
 * parse each message and insert it into PostgreSQL, in batches, acknowledging after each
 * commit — with the same batch size and prefetch as Beckon.
 */
final class BareConsumer {

    record Delivered(long tag, byte[] body) {
    }

    static final String TABLE = "bench_bare_events";

    /** Consumes {@code expected} messages from {@code queue}; returns the seconds from first delivery to last commit. */
    static double consume(Connection rabbit, String queue, int expected, int batchSize, int prefetch) throws Exception {
        ObjectMapper json = new ObjectMapper();
        BlockingQueue<Delivered> deliveries = new LinkedBlockingQueue<>();
        try (java.sql.Connection db = TestNamespace.database();
             Channel channel = rabbit.createChannel()) {
            try (var ddl = db.createStatement()) {
                ddl.execute("DROP TABLE IF EXISTS " + TABLE);
                ddl.execute("CREATE TABLE " + TABLE + " (LIKE events INCLUDING ALL)");
            }
            db.setAutoCommit(false);
            channel.basicQos(prefetch);
            channel.basicConsume(queue, false, new DefaultConsumer(channel) {
                @Override
                public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties properties, byte[] body) {
                    deliveries.add(new Delivered(envelope.getDeliveryTag(), body));
                }
            });
            long start = 0;
            int done = 0;
            String sql = "INSERT INTO " + TABLE + " (id, type, customer_id, occurred_at, received_at, source, "
                    + "correlation_id, channel, data) VALUES (?, ?, ?, ?::timestamptz, now(), ?, ?, 'bare', ?::jsonb) "
                    + "ON CONFLICT (id) DO NOTHING";
            while (done < expected) {
                Delivered first = deliveries.poll(30, TimeUnit.SECONDS);
                if (first == null) {
                    throw new IllegalStateException("bare consumer stalled at " + done);
                }
                if (start == 0) {
                    start = System.nanoTime();
                }
                List<Delivered> batch = new ArrayList<>();
                batch.add(first);
                deliveries.drainTo(batch, batchSize - 1);
                try (PreparedStatement insert = db.prepareStatement(sql)) {
                    for (Delivered d : batch) {
                        JsonNode e = json.readTree(d.body());
                        insert.setString(1, e.get("id").asText());
                        insert.setString(2, e.get("type").asText());
                        insert.setString(3, e.get("customerId").asText());
                        insert.setString(4, e.path("occurredAt").asText(Instant.now().toString()));
                        insert.setString(5, e.path("source").asText(null));
                        insert.setString(6, e.path("correlationId").asText(null));
                        insert.setString(7, e.path("data").toString());
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
                db.commit();
                channel.basicAck(batch.get(batch.size() - 1).tag(), true);
                done += batch.size();
            }
            return (System.nanoTime() - start) / 1e9;
        }
    }

    private BareConsumer() {
    }
}
