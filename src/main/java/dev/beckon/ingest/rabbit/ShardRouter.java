package dev.beckon.ingest.rabbit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import dev.beckon.broker.Broker;
import dev.beckon.broker.BrokerConfig;
import dev.beckon.broker.BrokerTopology;
import dev.beckon.broker.ResubscribingWorker;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * With several shards, moves each message from the ingest queue to its customer's shard queue.
 * Producers keep publishing as they always have (any routing key, the customer id in the body,
 * where the broker cannot see it); the router reads the id and republishes. It runs in every
 * replica, and the ingest queue's single active consumer makes one of them route at a time, so
 * the shard queues receive each customer's messages in the order the ingest queue held them.
 *
 * <p>A batch is acknowledged once the broker has confirmed its copies. A router that dies in
 * between leaves the batch to be routed again, and the second copies are dropped as duplicates
 * of event ids already stored. A message without a readable customer id is routed all the same
 * (to the shard of the empty id), so that it is dead-lettered with its reason where every other
 * message is.
 */
@ApplicationScoped
public class ShardRouter {

    private static final Logger LOG = Logger.getLogger(ShardRouter.class);
    private static final JsonFactory JSON = new JsonFactory();
    record Routed(long tag, Envelope envelope, AMQP.BasicProperties properties, byte[] body) {
    }

    @Inject
    Broker broker;
    @Inject
    BrokerTopology topology;

    private final BlockingQueue<Routed> waiting = new LinkedBlockingQueue<>();
    /** Set when the broker returns a copy it could route nowhere: a shard queue was deleted under Beckon. */
    private volatile boolean unroutable;
    private ResubscribingWorker worker;
    private Channel channel;

    void onStart(@Observes @Priority(110) StartupEvent event) {
        if (!broker.isConfigured() || !broker.config().consume() || topology.shardCount() == 0) {
            return;
        }
        worker = new ResubscribingWorker("beckon-shard-router", "Shard routing", this::subscribe, this::routeBatches,
                this::abandon);
        worker.start();
    }

    void onStop(@Observes ShutdownEvent event) throws InterruptedException {
        if (worker != null) {
            worker.stop();
        }
    }

    private void subscribe() throws IOException {
        BrokerConfig config = broker.config();
        topology.declare();
        channel = broker.openChannel();
        channel.basicQos(config.prefetch());
        channel.confirmSelect();
        unroutable = false;
        channel.addReturnListener(returned -> unroutable = true);
        channel.basicConsume(config.ingestQueue(), false, "beckon-router-" + ProcessHandle.current().pid(),
                new DefaultConsumer(channel) {
                    @Override
                    public void handleDelivery(String consumerTag, Envelope envelope, AMQP.BasicProperties properties,
                                               byte[] body) {
                        waiting.add(new Routed(envelope.getDeliveryTag(), envelope, properties, body));
                    }
                });
        LOG.infof("Routing %s over %d shard queues by customer id", config.ingestQueue(), topology.shardCount());
    }

    private void routeBatches() throws InterruptedException, IOException {
        int batchSize = broker.config().batchSize();
        while (worker.isRunning()) {
            Routed first = waiting.poll(1, TimeUnit.SECONDS);
            if (first == null) {
                if (!channel.isOpen()) {
                    throw new IOException("channel closed");
                }
                continue;
            }
            List<Routed> batch = new ArrayList<>(batchSize);
            batch.add(first);
            waiting.drainTo(batch, batchSize - 1);
            for (Routed message : batch) {
                int shard = CustomerShard.of(customerId(message.body()), topology.shardCount());
                channel.basicPublish("", topology.shardQueue(shard), true, message.properties().builder()
                        .headers(headersFor(message)).deliveryMode(2).build(), message.body());
            }
            try {
                channel.waitForConfirmsOrDie(30_000);
            } catch (TimeoutException e) {
                throw new IOException("The broker did not confirm routed messages in time", e);
            }
            if (unroutable) {
                // Not acknowledged: declaring the topology again brings the shard queue back, and the batch is routed again.
                throw new IOException("a shard queue is missing");
            }
            channel.basicAck(batch.get(batch.size() - 1).tag(), true);
        }
    }

    /** The producer's exchange and routing key go along, so a dead letter still names them. */
    private static Map<String, Object> headersFor(Routed message) {
        Map<String, Object> headers = IngestMessages.withOriginalRoute(message.envelope(), message.properties());
        // Each shard queue counts its own deliveries; the ingest queue's count would be taken for them.
        headers.remove(IngestMessages.DELIVERY_COUNT);
        return headers;
    }

    /** The top-level {@code customerId} of an event, read without building the document; empty when there is none. */
    static String customerId(byte[] body) {
        try (JsonParser parser = JSON.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return "";
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("customerId".equals(field)) {
                    return value == JsonToken.VALUE_STRING ? parser.getText() : "";
                }
                parser.skipChildren();
            }
        } catch (IOException e) {
            // Not JSON: the shard consumer dead-letters it with the parser's reason.
        }
        return "";
    }

    private void abandon() {
        waiting.clear();
        IngestMessages.abort(channel);
        channel = null;
    }
}
