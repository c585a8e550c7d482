package dev.beckon.broker;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** RabbitMQ settings ({@code beckon.rabbitmq.*}). Without a URI, Beckon runs with HTTP ingestion only. */
@ConfigMapping(prefix = "beckon.rabbitmq")
public interface BrokerConfig {

    /** AMQP URI, e.g. {@code amqp://guest:guest@127.0.0.1:5672/%2f}; from BECKON_RABBITMQ_URI. */
    Optional<String> uri();

    /** The name Beckon's connection shows in the broker's management tools. */
    @WithDefault("beckon")
    String connectionName();

    /** Durable topic exchange producers publish events to. */
    @WithDefault("beckon.events")
    String eventsExchange();

    /** Durable queue Beckon consumes, bound to the events exchange with {@code #}. */
    @WithDefault("beckon.ingest")
    String ingestQueue();

    /** Fanout exchange receiving messages that could not be processed, with the reason in a header. */
    @WithDefault("beckon.dead")
    String deadLetterExchange();

    /** Durable queue holding dead-lettered messages for inspection. */
    @WithDefault("beckon.dead")
    String deadLetterQueue();

    /** Topic exchange decisions are published to ({@code offer.<campaign>}, {@code followup.<campaign>}, {@code escalation.<priority>}). */
    @WithDefault("beckon.decisions")
    String decisionsExchange();

    /** Whether this replica consumes the ingest queue (publishing decisions works either way). */
    @WithDefault("true")
    boolean consume();

    /**
     * Unacknowledged messages the broker may send ahead: at least a batch or two. Also the most a
     * replica holds in memory when the database is slow (at least 1: to RabbitMQ 0 means no limit).
     */
    @WithDefault("1000")
    int prefetch();

    /** Most events processed in one transaction and acknowledged with one multiple-ack. */
    @WithDefault("250")
    int batchSize();

    /** Longest a partly filled batch waits for more messages before it is processed. */
    @WithDefault("PT0.005S")
    Duration batchWait();

    /**
     * A message delivered this many times without being acknowledged (processing crashed the
     * consumer, or it was cut off) is dead-lettered instead of being tried again.
     */
    @WithDefault("5")
    int maxDeliveries();

    /** Hard limit the broker applies to quorum queues, a last resort above {@link #maxDeliveries()}. */
    @WithDefault("20")
    int brokerDeliveryLimit();

    /**
     * Shard queues a customer's events are spread over, by customer id, so that several replicas
     * consume side by side and each customer's events are still applied in order. With 1, replicas
     * share the one ingest queue, only one of them consuming at a time. Every replica must use the
     * same figure; see docs/events.md before changing it on a running system.
     */
    @WithDefault("1")
    int shards();

    /** How often a replica looks at how many replicas there are and takes or gives up shards to even them out. */
    @WithDefault("PT2S")
    Duration rebalanceInterval();
}
