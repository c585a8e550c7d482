package dev.beckon.bench;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.ObjLongConsumer;

/** Publishes benchmark events with confirms, noting each one's publish time (System.nanoTime) as it goes. */
final class BenchPublisher {

    private static final AMQP.BasicProperties PERSISTENT = new AMQP.BasicProperties.Builder()
            .deliveryMode(2).contentType("application/json").build();

    private final Channel channel;
    private final ObjLongConsumer<String> published;

    /** {@code channel} must be in confirm mode. */
    BenchPublisher(Channel channel, ObjLongConsumer<String> published) {
        this.channel = channel;
        this.published = published;
    }

    /** As fast as the broker confirms, 500 at a time; to {@code queue} through the default exchange when it is not null. */
    void all(String exchange, String queue, List<BenchmarkEvents.Generated> events) throws Exception {
        int inFlight = 0;
        for (BenchmarkEvents.Generated e : events) {
            published.accept(e.id(), System.nanoTime());
            channel.basicPublish(exchange, queue != null ? queue : e.type(), PERSISTENT, e.json().getBytes(StandardCharsets.UTF_8));
            if (++inFlight == 500) {
                channel.waitForConfirmsOrDie(30_000);
                inFlight = 0;
            }
        }
        channel.waitForConfirmsOrDie(30_000);
    }

    /** At a steady {@code perSecond}, confirming every 50. */
    void atRate(String exchange, List<BenchmarkEvents.Generated> events, int perSecond) throws Exception {
        long interval = 1_000_000_000L / perSecond;
        long next = System.nanoTime();
        int unconfirmed = 0;
        for (BenchmarkEvents.Generated e : events) {
            long wait = next - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            next += interval;
            published.accept(e.id(), System.nanoTime());
            channel.basicPublish(exchange, e.type(), PERSISTENT, e.json().getBytes(StandardCharsets.UTF_8));
            if (++unconfirmed == 50) {
                channel.waitForConfirmsOrDie(30_000);
                unconfirmed = 0;
            }
        }
        channel.waitForConfirmsOrDie(30_000);
    }

    /** The {@code quantile} of sorted nanosecond figures, in milliseconds. */
    static double ms(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1e6;
    }
}
