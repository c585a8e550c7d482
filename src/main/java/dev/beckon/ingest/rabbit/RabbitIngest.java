package dev.beckon.ingest.rabbit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import com.rabbitmq.client.ShutdownSignalException;
import dev.beckon.broker.Broker;
import dev.beckon.broker.BrokerConfig;
import dev.beckon.broker.BrokerTopology;
import dev.beckon.catalog.LiveSchemas;
import dev.beckon.event.EventParser;
import dev.beckon.ingest.BatchResult;
import dev.beckon.ingest.EventOutcome;
import dev.beckon.ingest.Incoming;
import dev.beckon.ingest.IngestPipeline;
import dev.beckon.ingest.IngestUnavailableException;
import dev.beckon.broker.ResubscribingWorker;
import dev.beckon.platform.Backoff;
import dev.beckon.platform.DirectConnection;
import dev.beckon.platform.FieldError;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * Consumes {@code beckon.ingest}, or with several shards the shard queues this replica holds
 * leases for, in micro-batches: up to {@code batch-size} messages go through the pipeline in one
 * transaction, then one multiple-ack per channel covers them all. Nothing is acknowledged before
 * its transaction commits; a batch the database cannot take is held and retried (with back-off)
 * rather than rejected, so an outage delays events but loses none.
 *
 * <p>One worker thread processes batches in delivery order, and each consumed queue has a single
 * active consumer across replicas, so a customer's events are applied in the order their queue holds them.
 *
 * <p>Backpressure: the broker sends at most {@code prefetch} messages per queue that are not
 * acknowledged, and Beckon acknowledges only after commit, so when the database is slow the
 * worker takes longer per batch and the broker keeps the rest of the queue. What this replica
 * holds in memory (delivered, not yet acknowledged: the batch in hand and those waiting behind it)
 * never exceeds the prefetch per consumed queue; it is gauged as {@code beckon_ingest_in_flight}.
 */
@ApplicationScoped
public class RabbitIngest {

    private static final Logger LOG = Logger.getLogger(RabbitIngest.class);
    static final String CHANNEL = "rabbitmq";
    static final String REASON_HEADER = "x-beckon-reason";

    record Delivered(Channel channel, long tag, Envelope envelope, AMQP.BasicProperties properties, byte[] body,
                     Instant receivedAt) {
    }

    @Inject
    Broker broker;
    @Inject
    BrokerTopology topology;
    @Inject
    IngestPipeline pipeline;
    @Inject
    LiveSchemas schemas;
    @Inject
    ObjectMapper json;
    @Inject
    Clock clock;
    @Inject
    DirectConnection connections;
    @Inject
    MeterRegistry registry;

    /** Deliveries waiting for the worker: bounded by the prefetch of each queue this replica may consume. */
    private volatile BlockingQueue<Delivered> deliveries = new ArrayBlockingQueue<>(1);
    /** The batch the worker holds: taken from the queue, not yet acknowledged. */
    private volatile int inHand;
    /** The queues consumed now, each on a channel of its own (closing it hands the queue's unacknowledged messages back). */
    private final Map<String, Channel> subscriptions = new ConcurrentHashMap<>();
    private volatile boolean consuming;
    private ResubscribingWorker worker;
    private Channel deadLetterChannel;
    private ShardLeases leases;
    private long nextRebalance;

    void onStart(@Observes @Priority(100) StartupEvent event) {
        Gauge.builder("beckon.ingest.in.flight", this, RabbitIngest::inFlight)
                .description("RabbitMQ messages delivered to this replica and not yet acknowledged").register(registry);
        if (!broker.isConfigured()) {
            LOG.warn("RabbitMQ ingestion is off: set BECKON_RABBITMQ_URI to consume events from RabbitMQ "
                    + "and publish decisions. HTTP ingestion (POST /api/events) works without it.");
            return;
        }
        if (!broker.config().consume()) {
            LOG.info("This replica does not consume the ingest queue (beckon.rabbitmq.consume=false)");
            return;
        }
        if (broker.config().prefetch() < 1) {
            // To RabbitMQ a prefetch of 0 means no limit: the whole queue would be delivered into memory.
            throw new IllegalStateException("beckon.rabbitmq.prefetch must be at least 1, not " + broker.config().prefetch()
                    + ": it bounds how many messages a replica holds in memory");
        }
        if (topology.shardCount() > 0) {
            leases = new ShardLeases(connections, broker.config().ingestQueue(), topology.shardCount());
        }
        // The broker never has more than the prefetch unacknowledged per channel, so the queue never
        // fills; its capacity says so, and put() would hold the broker's thread rather than grow past it.
        deliveries = new ArrayBlockingQueue<>(broker.config().prefetch() * Math.max(1, topology.shardCount()));
        worker = new ResubscribingWorker("beckon-rabbit-ingest", "RabbitMQ ingestion", this::connect,
                this::consumeBatches, this::abandonChannels);
        worker.start();
    }

    void onStop(@Observes ShutdownEvent event) throws InterruptedException {
        if (worker != null) {
            worker.stop(); // its last step drops the channels and the shard leases
        }
    }

    /** Messages delivered to this replica and not yet acknowledged: at most the prefetch per consumed queue. */
    public int inFlight() {
        return deliveries.size() + inHand;
    }

    /** True while this replica is subscribed to the ingest queue or to shard queues (the broker may keep it on standby). */
    public boolean isConsuming() {
        return consuming;
    }

    /** The queues this replica is subscribed to now. */
    public Set<String> consumedQueues() {
        return Set.copyOf(subscriptions.keySet());
    }

    /**
     * After a failure the channels are dropped with everything delivered on them: unacknowledged,
     * those messages go back to their queues and come again on the next subscription.
     */
    private void abandonChannels() {
        consuming = false;
        if (leases != null) {
            // A replica that cannot reach the broker would otherwise keep shards no one consumes;
            // it joins again, and takes its share anew, once it is subscribed.
            leases.close();
        }
        deliveries.clear();
        inHand = 0;
        List<Channel> channels = new ArrayList<>(subscriptions.values());
        channels.add(deadLetterChannel);
        subscriptions.clear();
        channels.forEach(IngestMessages::abort);
        deadLetterChannel = null;
    }

    private void connect() throws IOException {
        topology.declare();
        deadLetterChannel = broker.openChannel();
        deadLetterChannel.confirmSelect();
        nextRebalance = 0;
        rebalance();
        consuming = true;
    }

    /** Subscribes to the queues this replica should consume and lets go of the others; only between batches. */
    private void rebalance() throws IOException {
        if (System.nanoTime() < nextRebalance) {
            return;
        }
        nextRebalance = System.nanoTime() + broker.config().rebalanceInterval().toNanos();
        Set<String> wanted = new HashSet<>();
        if (leases == null) {
            wanted.add(broker.config().ingestQueue());
        } else {
            leases.rebalance().forEach(shard -> wanted.add(topology.shardQueue(shard)));
        }
        for (String queue : new ArrayList<>(subscriptions.keySet())) {
            if (!wanted.contains(queue)) {
                Channel released = subscriptions.remove(queue);
                deliveries.removeIf(d -> d.channel() == released);
                IngestMessages.abort(released);
                LOG.infof("Gave up %s for another replica to consume", queue);
            }
        }
        for (String queue : wanted) {
            if (!subscriptions.containsKey(queue)) {
                subscribe(queue);
            }
        }
    }

    private void subscribe(String queue) throws IOException {
        BrokerConfig config = broker.config();
        Channel channel = broker.openChannel();
        channel.basicQos(config.prefetch());
        subscriptions.put(queue, channel);
        channel.basicConsume(queue, false, "beckon-ingest-" + ProcessHandle.current().pid(),
                new DefaultConsumer(channel) {
                    @Override
                    public void handleDelivery(String consumerTag, Envelope envelope, AMQP.BasicProperties properties,
                                               byte[] body) throws IOException {
                        try {
                            deliveries.put(new Delivered(getChannel(), envelope.getDeliveryTag(), envelope, properties,
                                    body, clock.instant()));
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            throw new IOException("Interrupted while handing over a delivery", e);
                        }
                    }

                    @Override
                    public void handleShutdownSignal(String consumerTag, ShutdownSignalException signal) {
                        if (!signal.isInitiatedByApplication()) {
                            LOG.warnf("Lost the RabbitMQ channel: %s", signal.getMessage());
                        }
                    }
                });
        LOG.infof("Consuming %s (prefetch %d, batches of up to %d)", queue, config.prefetch(), config.batchSize());
    }

    private void consumeBatches() throws InterruptedException, IOException {
        BrokerConfig config = broker.config();
        while (worker.isRunning()) {
            rebalance();
            Delivered first = deliveries.poll(1, TimeUnit.SECONDS);
            if (first == null) {
                if (subscriptions.values().stream().anyMatch(c -> !c.isOpen()) || !deadLetterChannel.isOpen()) {
                    throw new IOException("channel closed");
                }
                continue;
            }
            if (!isCurrent(first)) {
                continue;
            }
            List<Delivered> batch = new ArrayList<>(config.batchSize());
            batch.add(first);
            inHand = 1;
            long deadline = System.nanoTime() + config.batchWait().toNanos();
            while (batch.size() < config.batchSize()) {
                long wait = deadline - System.nanoTime();
                Delivered next = wait > 0 ? deliveries.poll(wait, TimeUnit.NANOSECONDS) : deliveries.poll();
                if (next == null) {
                    break;
                }
                if (isCurrent(next)) {
                    batch.add(next);
                    inHand = batch.size();
                }
            }
            process(batch);
            inHand = 0;
        }
    }

    /** False for a message that came on a channel given up since: the broker hands it to the queue's next consumer. */
    private boolean isCurrent(Delivered delivered) {
        return subscriptions.containsValue(delivered.channel());
    }

    private void process(List<Delivered> batch) throws InterruptedException, IOException {
        List<Incoming> incoming = batch.stream().map(this::toIncoming).toList();
        BatchResult result = null;
        Backoff backoff = new Backoff(Duration.ofMillis(200), Duration.ofSeconds(10));
        while (result == null) {
            try {
                result = pipeline.process(incoming);
            } catch (IngestUnavailableException e) {
                if (!worker.isRunning()) {
                    return; // not acknowledged: the broker gives these messages to the next consumer
                }
                LOG.warnf("Holding a batch of %d until the database is back: %s", batch.size(), e.getMessage());
                backoff.pause();
            }
        }
        publishDeadLetters(batch, result);
        acknowledge(batch);
    }

    /**
     * One multiple-ack per channel, up to its last message in the batch. When a channel was lost
     * meanwhile the batch is committed all the same, and its messages come again on the next
     * subscription, where their ids make them harmless duplicates.
     */
    private void acknowledge(List<Delivered> batch) throws IOException {
        Map<Channel, Long> lastTags = new LinkedHashMap<>();
        for (Delivered delivered : batch) {
            lastTags.put(delivered.channel(), delivered.tag());
        }
        for (Map.Entry<Channel, Long> last : lastTags.entrySet()) {
            if (subscriptions.containsValue(last.getKey()) && last.getKey().isOpen()) {
                last.getKey().basicAck(last.getValue(), true);
            }
        }
    }

    private Incoming toIncoming(Delivered delivered) {
        String payload = new String(delivered.body(), StandardCharsets.UTF_8);
        Instant receivedAt = delivered.receivedAt();
        JsonNode node;
        try {
            node = json.readTree(payload);
        } catch (JsonProcessingException e) {
            return Incoming.rejected(CHANNEL, payload, "Not valid JSON: " + e.getOriginalMessage(), receivedAt);
        }
        EventParser.Result parsed = EventParser.parse(node, "", clock);
        if (parsed instanceof EventParser.Invalid invalid) {
            return Incoming.rejected(CHANNEL, payload, "Invalid event: " + FieldError.summary(invalid.errors()), receivedAt);
        }
        EventParser.Valid valid = (EventParser.Valid) parsed;
        List<FieldError> schemaErrors = schemas.check(valid.event(), "");
        if (!schemaErrors.isEmpty()) {
            return new Incoming(valid.event().id(), CHANNEL, payload, null,
                    "Does not match its type's schema: " + FieldError.summary(schemaErrors), receivedAt);
        }
        long deliveries = IngestMessages.deliveryCount(delivered.properties());
        if (deliveries >= broker.config().maxDeliveries()) {
            return new Incoming(valid.event().id(), CHANNEL, payload, null, "Delivered " + deliveries
                    + " times without being acknowledged: processing it crashed or was cut off each time", receivedAt);
        }
        return Incoming.valid(valid.event(), CHANNEL, payload, receivedAt);
    }

    /** Puts each rejected message on the dead-letter exchange, with the reason in a header, before the batch is acknowledged. */
    private void publishDeadLetters(List<Delivered> batch, BatchResult result) throws IOException, InterruptedException {
        boolean published = false;
        for (int i = 0; i < batch.size(); i++) {
            EventOutcome outcome = result.outcomes().get(i);
            if (outcome.status() != EventOutcome.Status.rejected) {
                continue;
            }
            Delivered d = batch.get(i);
            Map<String, Object> headers = IngestMessages.withOriginalRoute(d.envelope(), d.properties());
            headers.put(REASON_HEADER, outcome.reason());
            headers.put("x-beckon-dead-letter-id", outcome.deadLetterId());
            AMQP.BasicProperties properties = d.properties().builder().headers(headers).deliveryMode(2).build();
            deadLetterChannel.basicPublish(broker.config().deadLetterExchange(), d.envelope().getRoutingKey(), properties, d.body());
            published = true;
        }
        if (published) {
            try {
                deadLetterChannel.waitForConfirmsOrDie(10_000);
            } catch (TimeoutException e) {
                throw new IOException("The broker did not confirm dead letters in time", e);
            }
        }
    }
}
