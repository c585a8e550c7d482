package dev.beckon.bench;

import dev.beckon.support.Rabbit;
import dev.beckon.support.TestNamespace;
import static org.awaitility.Awaitility.await;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Throughput and latency of RabbitMQ ingestion, printed, never asserted: run with
 * {@code ./mvnw verify -Pbenchmark} (optionally {@code -Dbench.events=50000 -Dbench.rate=1000}).
 *
 * <ol>
 *   <li>Ceiling: a bare consumer parses and batch-inserts the events into PostgreSQL.</li>
 *   <li>Warm-up (a fifth of the events), then ANALYZE, as autovacuum would on any database
 *       older than a minute.</li>
 *   <li>Beckon at full load: the same events published as fast as the broker takes them;
 *       events/s from first publish to last commit, and publish-to-commit latency.</li>
 *   <li>Beckon at a steady rate (default 1,000 events/s): publish-to-commit latency.</li>
 * </ol>
 */
@QuarkusTest
@Tag("benchmark")
class IngestBenchmark {

    private static final String BARE_QUEUE = "beckon-bench.bare";

    @Inject
    CommitRecorder recorder;

    @Test
    void measureIngestion() throws Exception {
        int count = Integer.getInteger("bench.events", 50_000);
        int rate = Integer.getInteger("bench.rate", 1_000);
        int steadySeconds = Integer.getInteger("bench.steady-seconds", 30);
        String run = "bench" + System.currentTimeMillis();
        List<BenchmarkEvents.Generated> events = BenchmarkEvents.generate(run, count, Math.max(1, count / 5), 42);
        int bytes = events.get(0).json().getBytes(StandardCharsets.UTF_8).length;

        ConnectionFactory factory = new ConnectionFactory();
        factory.setUri("amqp://guest:guest@127.0.0.1:5672/%2f");
        try (Connection connection = factory.newConnection("beckon-benchmark")) {
            Channel publisher = connection.createChannel();
            publisher.confirmSelect();

            // 1. the ceiling
            publisher.queueDelete(BARE_QUEUE);
            publisher.queueDeclare(BARE_QUEUE, true, false, false, Map.of("x-queue-type", "quorum"));
            long bareStart = System.nanoTime();
            CompletableFuture<Double> bare = CompletableFuture.supplyAsync(() -> {
                try {
                    return BareConsumer.consume(connection, BARE_QUEUE, count, 250, 1000);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            new BenchPublisher(publisher, (id, at) -> { }).all("", BARE_QUEUE, events);
            bare.get();
            double bareSeconds = (System.nanoTime() - bareStart) / 1e9;
            publisher.queueDelete(BARE_QUEUE);

            // Warm-up: JIT compilation, connection pools, and table statistics. On a fresh database
            // the planner has none for the first minute (until autovacuum analyses the new rows),
            // and picks poor plans for the per-customer lookups; measure the steady state instead.
            List<BenchmarkEvents.Generated> warmUp = BenchmarkEvents.generate(run + "w", count / 5, Math.max(1, count / 25), 3);
            recorder.reset();
            BenchPublisher recorded = new BenchPublisher(publisher, recorder::published);
            recorded.all(Rabbit.EVENTS, null, warmUp);
            await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(100))
                    .until(() -> recorder.committed() == warmUp.size());
            analyse();

            // 2. Beckon at full load
            recorder.reset();
            long start = System.nanoTime();
            recorded.all(Rabbit.EVENTS, null, events);
            double publishSeconds = (System.nanoTime() - start) / 1e9;
            await().atMost(Duration.ofMinutes(15)).pollInterval(Duration.ofMillis(100))
                    .until(() -> recorder.committed() == count);
            double beckonSeconds = (recorder.lastCommit() - start) / 1e9;
            long[] fullLoad = recorder.latenciesSorted();

            // 3. Beckon at a steady rate
            int steadyCount = rate * steadySeconds;
            List<BenchmarkEvents.Generated> steady = BenchmarkEvents.generate(run + "s", steadyCount, Math.max(1, steadyCount / 5), 7);
            recorder.reset();
            recorded.atRate(Rabbit.EVENTS, steady, rate);
            await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(100))
                    .until(() -> recorder.committed() == steadyCount);
            long[] steadyLatencies = recorder.latenciesSorted();

            System.out.printf("""

                    ==== Beckon ingestion benchmark ====
                    machine: %d cores, %s %s, max heap %d MiB
                    events: %d (%d bytes each, mixed types, %d customers), batch 250, prefetch 1000
                    broker publish rate (confirms every 500):      %8.0f msg/s
                    ceiling: bare consumer, parse + batch insert:   %8.0f events/s
                    Beckon, full load, publish to commit:           %8.0f events/s  (%.0f%% of the ceiling)
                      latency at full load  p50 %6.0f ms   p99 %6.0f ms
                    Beckon, steady %d events/s for %d s:
                      latency               p50 %6.1f ms   p99 %6.1f ms   max %6.1f ms
                    ====================================
                    """,
                    Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
                    System.getProperty("java.version"), Runtime.getRuntime().maxMemory() >> 20,
                    count, bytes, Math.max(1, count / 5), count / publishSeconds, count / bareSeconds,
                    count / beckonSeconds, 100 * (count / beckonSeconds) / (count / bareSeconds),
                    BenchPublisher.ms(fullLoad, 0.50), BenchPublisher.ms(fullLoad, 0.99),
                    rate, steadySeconds, BenchPublisher.ms(steadyLatencies, 0.50), BenchPublisher.ms(steadyLatencies, 0.99), BenchPublisher.ms(steadyLatencies, 1.0));
        }
    }

    private static void analyse() throws Exception {
        try (java.sql.Connection db = TestNamespace.database();
             java.sql.Statement statement = db.createStatement()) {
            statement.execute("ANALYZE events, customer_profiles, follow_ups, "
                    + "decisions, escalations, outbox");
        }
    }
}
