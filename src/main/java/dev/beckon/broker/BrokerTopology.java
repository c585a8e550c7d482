package dev.beckon.broker;

import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * Declares the exchanges and queues Beckon uses. Declaring is idempotent, so every replica does it
 * at start. The ingest queue is a quorum queue (replicated, with a delivery limit) where the
 * broker supports it, and a classic durable queue otherwise.
 *
 * <p>Every queue Beckon consumes has a single active consumer: replicas all subscribe, the broker
 * delivers to one of them and hands over to the next when it goes away, so a queue's messages are
 * applied in the order it holds them. With several shards, the ingest queue is only routed from
 * (see {@code ShardRouter}) and the shard queues are the ones consumed.
 */
@ApplicationScoped
public class BrokerTopology {

    private static final Logger LOG = Logger.getLogger(BrokerTopology.class);

    @Inject
    Broker broker;

    public void declare() throws IOException {
        BrokerConfig config = broker.config();
        try (Channel channel = broker.openChannel()) {
            channel.exchangeDeclare(config.eventsExchange(), BuiltinExchangeType.TOPIC, true);
            channel.exchangeDeclare(config.decisionsExchange(), BuiltinExchangeType.TOPIC, true);
            channel.exchangeDeclare(config.deadLetterExchange(), BuiltinExchangeType.FANOUT, true);
            channel.queueDeclare(config.deadLetterQueue(), true, false, false, Map.of());
            channel.queueBind(config.deadLetterQueue(), config.deadLetterExchange(), "");
        } catch (TimeoutException e) {
            throw new IOException(e);
        }
        declareConsumedQueue(config, config.ingestQueue());
        for (int shard = 0; shard < shardCount(); shard++) {
            declareConsumedQueue(config, shardQueue(shard));
        }
        try (Channel channel = broker.openChannel()) {
            channel.queueBind(config.ingestQueue(), config.eventsExchange(), "#");
        } catch (TimeoutException e) {
            throw new IOException(e);
        }
    }

    /** 1 when the ingest queue is consumed as it is; otherwise how many shard queues it is spread over. */
    public int shardCount() {
        int shards = broker.config().shards();
        if (shards < 1) {
            throw new IllegalStateException("beckon.rabbitmq.shards must be 1 or more, not " + shards);
        }
        return shards == 1 ? 0 : shards;
    }

    public String shardQueue(int shard) {
        return broker.config().ingestQueue() + "." + shard;
    }

    private void declareConsumedQueue(BrokerConfig config, String queue) throws IOException {
        Map<String, Object> arguments = new HashMap<>();
        arguments.put("x-dead-letter-exchange", config.deadLetterExchange());
        arguments.put("x-single-active-consumer", true);
        Map<String, Object> quorum = new HashMap<>(arguments);
        quorum.put("x-queue-type", "quorum");
        quorum.put("x-delivery-limit", config.brokerDeliveryLimit());
        // A failed declare closes the channel, so each attempt gets its own.
        if (tryDeclare(queue, quorum) || tryDeclare(queue, arguments)) {
            return;
        }
        try (Channel channel = broker.openChannel()) {
            // The queue exists with other arguments (declared by an operator or an older Beckon): use it as it is.
            channel.queueDeclarePassive(queue);
            LOG.warnf("Queue %s exists with arguments Beckon did not set; using it as it is. Without "
                    + "x-single-active-consumer, replicas consuming it side by side may apply a customer's events out of order", queue);
        } catch (TimeoutException e) {
            throw new IOException(e);
        }
    }

    private boolean tryDeclare(String queue, Map<String, Object> arguments) throws IOException {
        try (Channel channel = broker.openChannel()) {
            channel.queueDeclare(queue, true, false, false, arguments);
            return true;
        } catch (IOException e) {
            LOG.debugf("Declaring %s with %s was refused: %s", queue, arguments, e.getCause());
            return false;
        } catch (TimeoutException e) {
            throw new IOException(e);
        } catch (com.rabbitmq.client.AlreadyClosedException e) {
            return false;
        }
    }
}
