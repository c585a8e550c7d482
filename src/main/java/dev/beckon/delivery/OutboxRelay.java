package dev.beckon.delivery;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import dev.beckon.broker.Broker;
import dev.beckon.broker.BrokerTopology;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * Publishes outbox messages to the decisions exchange with publisher confirms, and marks them
 * published only once the broker confirmed them. Rows are claimed with FOR UPDATE SKIP LOCKED,
 * so several replicas relay side by side without publishing a row twice. A crash between the
 * confirm and the commit republishes a message; its message id ({@code <decision id>/<routing key>})
 * lets consumers drop the copy.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    static final int BATCH = 500;

    private static final String CLAIM = """
            SELECT id, decision_id, routing_key, payload::text FROM outbox
            WHERE published_at IS NULL AND destination = ?
            ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED
            """;

    @Inject
    Broker broker;
    @Inject
    BrokerTopology topology;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    Clock clock;

    private Channel channel;

    @Scheduled(every = "${beckon.outbox.poll-interval:0.2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void relay() {
        if (!broker.isConfigured()) {
            return;
        }
        try {
            relayPending();
        } catch (RuntimeException e) {
            LOG.warnf("Outbox relay paused: %s", e.getMessage());
            closeChannel();
        }
    }

    /** Publishes everything pending; returns how many messages were published. */
    public synchronized int relayPending() {
        int total = 0;
        int published;
        do {
            published = QuarkusTransaction.requiringNew().call(this::relayBatch);
            total += published;
        } while (published == BATCH);
        return total;
    }

    private int relayBatch() throws SQLException, IOException, InterruptedException, TimeoutException {
        try (Connection connection = dataSource.getConnection()) {
            List<Long> ids = new ArrayList<>();
            Channel out = channel();
            try (PreparedStatement claim = connection.prepareStatement(CLAIM)) {
                claim.setString(1, OutboxMessage.RABBITMQ);
                claim.setInt(2, BATCH);
                try (ResultSet row = claim.executeQuery()) {
                    while (row.next()) {
                        ids.add(row.getLong(1));
                        AMQP.BasicProperties properties = new AMQP.BasicProperties.Builder()
                                .contentType("application/json").deliveryMode(2)
                                .messageId(row.getString(2) + "/" + row.getString(3))
                                .timestamp(java.util.Date.from(clock.instant()))
                                .build();
                        out.basicPublish(broker.config().decisionsExchange(), row.getString(3), properties,
                                row.getString(4).getBytes(StandardCharsets.UTF_8));
                    }
                }
            }
            if (ids.isEmpty()) {
                return 0;
            }
            out.waitForConfirmsOrDie(10_000);
            try (PreparedStatement mark = connection.prepareStatement(
                    "UPDATE outbox SET published_at = ?, attempts = attempts + 1 WHERE id = ANY(?)")) {
                mark.setTimestamp(1, Timestamp.from(clock.instant()));
                mark.setArray(2, connection.createArrayOf("bigint", ids.toArray()));
                mark.executeUpdate();
            }
            return ids.size();
        }
    }

    private Channel channel() throws IOException {
        if (channel == null || !channel.isOpen()) {
            topology.declare();
            channel = broker.openChannel();
            channel.confirmSelect();
        }
        return channel;
    }

    private void closeChannel() {
        Channel current = channel;
        channel = null;
        if (current != null && current.isOpen()) {
            try {
                current.close();
            } catch (IOException | TimeoutException | RuntimeException e) {
                LOG.debug("Relay channel did not close cleanly", e);
            }
        }
    }
}
