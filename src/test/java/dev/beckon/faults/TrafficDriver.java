package dev.beckon.faults;

import dev.beckon.faults.PlannedEvent.Channel;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;

/**
 * Sends a plan's events at a steady rate, RabbitMQ and webhooks interleaved in the plan's order.
 * Webhook customers are spread over a few senders by customer, so each customer's events stay in
 * order. When the webhook senders fall behind (Beckon is down, or restarting) the driver waits for
 * them, so the stream pauses with Beckon rather than racing ahead of the faults. The events after
 * the last fault's point wait until every fault was injected, so the stream goes on after each
 * fault however long injecting it takes (a {@code stop_app} on a loaded machine can take 20 s).
 */
final class TrafficDriver {

    private static final int SENDERS = 4;
    private static final int MOST_QUEUED_PER_SENDER = 400;

    private final RabbitPublisher publisher;
    private final List<HookSender> senders = new ArrayList<>();
    private volatile int sentCount;

    TrafficDriver(RabbitPublisher publisher, String run, String source, String secret, IntFunction<String> replicaUrl) {
        this.publisher = publisher;
        for (int i = 0; i < SENDERS; i++) {
            senders.add(new HookSender(run + "-hook" + i, source, secret, i, replicaUrl));
        }
    }

    /** How many events were handed to a channel so far. */
    int sent() {
        return sentCount;
    }

    /** Sends everything at {@code perSecond}; returns when the broker confirmed it all and every webhook was accepted. */
    Stats drive(List<PlannedEvent> events, int perSecond, FaultSchedule faults, Instant deadline)
            throws InterruptedException {
        int heldFrom = (int) Math.ceil(faults.lastPoint() * events.size()) + 1;
        List<Thread> threads = new ArrayList<>();
        for (HookSender sender : senders) {
            Thread thread = new Thread(sender, "fault-hooks");
            thread.setDaemon(true);
            thread.start();
            threads.add(thread);
        }
        long interval = 1_000_000_000L / perSecond;
        long next = System.nanoTime();
        Instant started = Instant.now();
        for (PlannedEvent event : events) {
            if (sentCount == heldFrom) {
                while (!faults.finished()) {
                    failIfOver(deadline);
                    Thread.sleep(20);
                }
                next = System.nanoTime();
            }
            if (faults.holds(sentCount, events.size())) {
                while (faults.holds(sentCount, events.size())) {
                    failIfOver(deadline);
                    Thread.sleep(20);
                }
                next = System.nanoTime();
            }
            long wait = next - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            next += interval;
            if (event.channel() == Channel.rabbitmq) {
                publisher.publish(RabbitPublisher.Message.of(event.type(), event.json(Instant.now())));
            } else {
                HookSender sender = senders.get(Math.floorMod(event.customerId().hashCode(), SENDERS));
                while (sender.backlog() > MOST_QUEUED_PER_SENDER) {
                    failIfOver(deadline);
                    Thread.sleep(20);
                    next = System.nanoTime();
                }
                sender.enqueue(event);
            }
            sentCount++;
            failIfOver(deadline);
        }
        publisher.confirm();
        senders.forEach(HookSender::finish);
        for (Thread thread : threads) {
            thread.join(Math.max(1, Duration.between(Instant.now(), deadline).toMillis()));
            failIfOver(deadline);
        }
        for (HookSender sender : senders) {
            if (sender.failure() != null) {
                throw sender.failure();
            }
        }
        return new Stats(Duration.between(started, Instant.now()), publisher.republished(),
                senders.stream().mapToInt(HookSender::retries).sum());
    }

    /** How sending went: how long it took, and how much had to be sent again. */
    record Stats(Duration took, int republished, int webhookRetries) {
    }

    private void failIfOver(Instant deadline) {
        if (Instant.now().isAfter(deadline)) {
            throw new ScenarioTimeout("sending the stream");
        }
    }
}
