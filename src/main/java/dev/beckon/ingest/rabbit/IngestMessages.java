package dev.beckon.ingest.rabbit;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Envelope;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.jboss.logging.Logger;

/** What the shard router and the ingest consumer both do with the messages they take and the channels they take them on. */
final class IngestMessages {

    private static final Logger LOG = Logger.getLogger(IngestMessages.class);
    static final String DELIVERY_COUNT = "x-delivery-count";
    static final String ORIGINAL_EXCHANGE = "x-original-exchange";
    static final String ORIGINAL_ROUTING_KEY = "x-original-routing-key";

    private IngestMessages() {
    }

    /**
     * A copy of the message's headers that names the producer's exchange and routing key; a message
     * routed from the ingest queue to a shard already carries them, and keeps them.
     */
    static Map<String, Object> withOriginalRoute(Envelope envelope, AMQP.BasicProperties properties) {
        Map<String, Object> headers = new HashMap<>();
        if (properties.getHeaders() != null) {
            headers.putAll(properties.getHeaders());
        }
        headers.putIfAbsent(ORIGINAL_EXCHANGE, envelope.getExchange());
        headers.putIfAbsent(ORIGINAL_ROUTING_KEY, envelope.getRoutingKey());
        return headers;
    }

    /** How many times the queue has delivered the message (quorum queues count), 0 when it does not say. */
    static long deliveryCount(AMQP.BasicProperties properties) {
        Object count = properties.getHeaders() == null ? null : properties.getHeaders().get(DELIVERY_COUNT);
        return count instanceof Number n ? n.longValue() : 0;
    }

    /** Drops a channel and whatever it holds unacknowledged, which goes back to its queue. */
    static void abort(Channel channel) {
        if (channel != null && channel.isOpen()) {
            try {
                channel.abort();
            } catch (IOException | RuntimeException e) {
                LOG.debug("Channel did not close cleanly", e);
            }
        }
    }
}
