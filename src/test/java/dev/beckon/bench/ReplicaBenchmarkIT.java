package dev.beckon.bench;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import dev.beckon.support.BeckonProcess;
import dev.beckon.support.ProcessEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Throughput, latency and CPU per event with 1, 2 and 3 Beckon replicas (packaged jars, as
 * operators run them) against one RabbitMQ and one PostgreSQL: printed, never asserted. Run with
 * {@code ./mvnw verify -Pbenchmark -Dtest=None -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=ReplicaBenchmarkIT}
 * (optionally {@code -Dbench.events=30000 -Dbench.rate=1000 -Dbench.steady-seconds=20 -Dbench.shards=6}).
 *
 * <p>Each configuration gets a fresh schema and queues. A commit is seen through a trigger this
 * benchmark adds to its own copy of the events table, which sends the event id with NOTIFY:
 * PostgreSQL delivers a notification when its transaction commits, so the time it arrives is the
 * commit as a listener sees it.
 */
@Tag("benchmark")
class ReplicaBenchmarkIT {

    static final String KEY = "bench-api-key-0123456789";

    record Setup(int replicas, int shards) {
    }

    @Test
    void measureReplicas() throws Exception {
        int count = Integer.getInteger("bench.events", 30_000);
        int rate = Integer.getInteger("bench.rate", 1_000);
        int steadySeconds = Integer.getInteger("bench.steady-seconds", 20);
        int shards = Integer.getInteger("bench.shards", 6);
        List<Setup> setups = List.of(new Setup(1, 1), new Setup(1, shards), new Setup(2, shards), new Setup(3, shards));
        StringBuilder table = new StringBuilder();
        for (Setup setup : setups) {
            table.append(measure(setup, count, rate, steadySeconds)).append('\n');
        }
        System.out.printf("""

                ==== Beckon replicas benchmark ====
                machine: %d cores, %s %s; Beckon, PostgreSQL, RabbitMQ and the publisher share them
                events: %d at full load, then %d events/s for %d s; CPU is Beckon's own (all replicas) and the machine's, per event at full load
                replicas shards   events/s   p50 ms   p99 ms | steady p50 ms  p99 ms | Beckon CPU ms/event  machine CPU ms/event
                %s==================================
                """, Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
                System.getProperty("java.version"), count, rate, steadySeconds, table);
    }

    private String measure(Setup setup, int count, int rate, int steadySeconds) throws Exception {
        String name = "bench_r" + setup.replicas() + "_s" + setup.shards();
        String url = ProcessEnvironment.freshSchema(name);
        String prefix = name.replace('_', '-');
        Map<String, String> environment = ProcessEnvironment.of(url, KEY);
        environment.putAll(ProcessEnvironment.broker(prefix, setup.shards()));
        List<BeckonProcess> replicas = new ArrayList<>();
        try {
            for (int i = 0; i < setup.replicas(); i++) {
                replicas.add(new BeckonProcess(environment, name + "-" + i).start());
            }
            installCommitTrigger(url, name);
            try (CommitListener commits = new CommitListener(url);
                 Connection broker = ProcessEnvironment.connect()) {
                Channel channel = broker.createChannel();
                channel.confirmSelect();
                BenchPublisher publisher = new BenchPublisher(channel, commits::published);
                String exchange = prefix + ".events";
                // Replicas settle their shares of the shards within a couple of rebalance rounds.
                Thread.sleep(6_000);

                List<BenchmarkEvents.Generated> warmUp = BenchmarkEvents.generate(name + "w", count / 3, Math.max(1, count / 15), 3);
                publisher.all(exchange, null, warmUp);
                commits.await(warmUp.size());
                analyse(url);

                commits.reset();
                Duration cpuBefore = cpu(replicas);
                long machineBefore = MachineCpu.busyMillis();
                long start = System.nanoTime();
                List<BenchmarkEvents.Generated> events = BenchmarkEvents.generate(name, count, Math.max(1, count / 5), 42);
                publisher.all(exchange, null, events);
                commits.await(count);
                double seconds = (commits.lastCommit() - start) / 1e9;
                double beckonCpu = (cpu(replicas).minus(cpuBefore).toNanos() / 1e6) / count;
                double machineCpu = (double) (MachineCpu.busyMillis() - machineBefore) / count;
                long[] fullLoad = commits.latenciesSorted();

                int steadyCount = rate * steadySeconds;
                List<BenchmarkEvents.Generated> steady = BenchmarkEvents.generate(name + "s", steadyCount, Math.max(1, steadyCount / 5), 7);
                commits.reset();
                publisher.atRate(exchange, steady, rate);
                commits.await(steadyCount);
                long[] steadyLatencies = commits.latenciesSorted();
                return "%8d %6d %10.0f %8.0f %8.0f | %13.1f %7.1f | %19.3f %20.3f".formatted(setup.replicas(), setup.shards(),
                        count / seconds, BenchPublisher.ms(fullLoad, 0.5), BenchPublisher.ms(fullLoad, 0.99),
                        BenchPublisher.ms(steadyLatencies, 0.5), BenchPublisher.ms(steadyLatencies, 0.99), beckonCpu, machineCpu);
            }
        } finally {
            for (BeckonProcess replica : replicas) {
                replica.close();
            }
        }
    }

    private static Duration cpu(List<BeckonProcess> replicas) {
        return replicas.stream().map(BeckonProcess::cpuTime).reduce(Duration.ZERO, Duration::plus);
    }

    private static void installCommitTrigger(String url, String schema) throws Exception {
        try (java.sql.Connection db = DriverManager.getConnection(url, "postgres", "");
             Statement statement = db.createStatement()) {
            statement.execute("""
                    CREATE FUNCTION %1$s.bench_committed() RETURNS trigger LANGUAGE plpgsql AS $$
                    BEGIN PERFORM pg_notify('bench_committed', NEW.id); RETURN NULL; END $$""".formatted(schema));
            statement.execute("CREATE TRIGGER bench_committed AFTER INSERT ON %1$s.events FOR EACH ROW EXECUTE FUNCTION %1$s.bench_committed()"
                    .formatted(schema));
        }
    }

    private static void analyse(String url) throws Exception {
        try (java.sql.Connection db = DriverManager.getConnection(url, "postgres", "");
             Statement statement = db.createStatement()) {
            statement.execute("ANALYZE events, customer_profiles, follow_ups, decisions, escalations, outbox");
        }
    }

    /** Listens for the trigger's notifications and pairs them with publish times. */
    static final class CommitListener implements AutoCloseable {

        private final java.sql.Connection connection;
        private final CommitRecorder recorder = new CommitRecorder();
        private final Thread thread;
        private volatile boolean running = true;

        CommitListener(String url) throws Exception {
            connection = DriverManager.getConnection(url, "postgres", "");
            try (Statement statement = connection.createStatement()) {
                statement.execute("LISTEN bench_committed");
            }
            thread = new Thread(this::listen, "bench-commit-listener");
            thread.setDaemon(true);
            thread.start();
        }

        private void listen() {
            PGConnection pg;
            try {
                pg = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(100);
                    if (notifications != null) {
                        long now = System.nanoTime();
                        for (PGNotification notification : notifications) {
                            recorder.committedAt(notification.getParameter(), now);
                        }
                    }
                }
            } catch (java.sql.SQLException e) {
                if (running) {
                    throw new IllegalStateException(e);
                }
            }
        }

        void published(String id, long nanos) {
            recorder.published(id, nanos);
        }

        void await(int count) {
            org.awaitility.Awaitility.await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(100))
                    .until(() -> recorder.committed() >= count);
        }

        void reset() {
            recorder.reset();
        }

        long lastCommit() {
            return recorder.lastCommit();
        }

        long[] latenciesSorted() {
            return recorder.latenciesSorted();
        }

        @Override
        public void close() throws Exception {
            running = false;
            thread.join(2_000);
            connection.close();
        }
    }

    /** Busy CPU time of the whole machine so far, from /proc/stat (user, nice, system, irq, softirq, steal). */
    static final class MachineCpu {

        static long busyMillis() throws Exception {
            String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long ticks = 0;
            for (int i : new int[] {1, 2, 3, 6, 7, 8}) {
                ticks += Long.parseLong(fields[i]);
            }
            return ticks * 10; // USER_HZ is 100 on Linux
        }
    }
}
