package dev.beckon.delivery;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import dev.beckon.broker.Broker;
import dev.beckon.broker.BrokerTopology;
import dev.beckon.platform.Batches;
import io.agroal.api.AgroalDataSource;
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
 * Delivers the RabbitMQ channel: publishes pending deliveries to the decisions exchange with
 * publisher confirms, and marks them delivered only once the broker confirmed them. Rows are
 * claimed with FOR UPDATE SKIP LOCKED, so several replicas publish side by side without publishing
 * a row twice; a whole batch is one round of confirms, which is what keeps this channel fast. A crash
 * between the confirm and the commit republishes a message; its message id
 * ({@code <decision id>/<message type>}) lets consumers drop the copy.
 */
@ApplicationScoped
public class DecisionPublisher {

    private static final Logger LOG = Logger.getLogger(DecisionPublisher.class);
    static final int BATCH = 500;

    private static final String CLAIM = """
            SELECT id, decision_id, message_type, payload::text FROM deliveries
            WHERE status = 'pending' AND channel = 'rabbitmq' AND next_attempt_at <= ? AND NOT %s
            ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED
            """.formatted(HeldMessages.CALLED_OFF);

    @Inject
    Broker broker;
    @Inject
    BrokerTopology topology;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    DeliveryMetrics metrics;
    @Inject
    Clock clock;

    private Channel channel;

    @Scheduled(every = "${beckon.delivery.poll-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void publish() {
        if (!broker.isConfigured()) {
            return;
        }
        try {
            publishPending();
        } catch (RuntimeException e) {
            LOG.warnf("Publishing decisions paused: %s", e.getMessage());
            closeChannel();
        }
    }

    /** Publishes everything pending; returns how many messages were published. */
    public synchronized int publishPending() {
        return Batches.drain(BATCH, this::publishBatch);
    }

    private int publishBatch() throws SQLException, IOException, InterruptedException, TimeoutException {
        try (Connection connection = dataSource.getConnection()) {
            List<Long> ids = new ArrayList<>();
            Channel out = channel();
            try (PreparedStatement claim = connection.prepareStatement(CLAIM)) {
                claim.setTimestamp(1, Timestamp.from(clock.instant()));
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
                    "UPDATE deliveries SET status = 'delivered', delivered_at = ?, attempts = attempts + 1 WHERE id = ANY(?)")) {
                mark.setTimestamp(1, Timestamp.from(clock.instant()));
                mark.setArray(2, connection.createArrayOf("bigint", ids.toArray()));
                mark.executeUpdate();
            }
            metrics.published(ids.size());
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
