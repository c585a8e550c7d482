package dev.beckon.bench;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import dev.beckon.platform.embedded.EmbeddedPostgres;
import dev.beckon.support.BeckonProcess;
import dev.beckon.support.ProcessEnvironment;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Throughput, latency and CPU per event with 1, 2 and 3 Beckon replicas (packaged jars, as
 * operators run them) against one RabbitMQ and one PostgreSQL: printed, never asserted. Run with
 * {@code ./mvnw verify -Pbenchmark -Dtest=None -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=ReplicaBenchmarkIT}
 * (optionally {@code -Dbench.events=30000 -Dbench.rate=1000 -Dbench.steady-seconds=20 -Dbench.shards=6}).
 *
 * {@code -Dbench.setups=1x1,3x6} measures only those (replicas x shards). For experiments,
 * {@code -Dbench.env=NAME=value,...} adds settings to every replica and {@code -Dbench.java-options=...}
 * JVM options (for example a flight recording), given to it as JAVA_TOOL_OPTIONS.
 *
 * <p>The benchmark brings its own PostgreSQL (Beckon's embedded server, under target/bench-postgres)
 * with {@code track_commit_timestamp} on, and each configuration gets a fresh schema and queues.
 * When every event is stored, the commit time of each one's row ({@code pg_xact_commit_timestamp})
 * is set against the time it was published. Nothing observes commits while they happen: an earlier
 * version had a trigger NOTIFY each event id, and PostgreSQL serialises the commits of transactions
 * that notify, which weighed on exactly what is measured. Owning the server also makes its WAL
 * volume per event (pg_current_wal_lsn before and after) Beckon's alone.
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
        List<Setup> setups = setups(System.getProperty("bench.setups"), shards);
        StringBuilder table = new StringBuilder();
        EmbeddedPostgres server = new EmbeddedPostgres(Path.of("target/bench-postgres"), freePort());
        server.stop();
        deleteRecursively(server.dataDirectory());
        try {
            server.start();
            try (java.sql.Connection db = DriverManager.getConnection(server.jdbcUrl(), "postgres", "");
                 Statement statement = db.createStatement()) {
                statement.execute("ALTER SYSTEM SET track_commit_timestamp = on");
            }
            server.stop();
            server.start();
            for (Setup setup : setups) {
                table.append(measure(server.jdbcUrl(), setup, count, rate, steadySeconds)).append('\n');
            }
        } finally {
            server.stop();
        }
        System.out.printf("""

                ==== Beckon replicas benchmark ====
                machine: %d cores, %s %s; Beckon, PostgreSQL, RabbitMQ and the publisher share them
                events: %d at full load, then %d events/s for %d s; CPU is Beckon's own (all replicas) and the machine's,
                per event at full load; WAL is PostgreSQL's write-ahead log per event at full load
                replicas shards   events/s   p50 ms   p99 ms | steady p50 ms  p99 ms | Beckon CPU ms/event  machine CPU ms/event  WAL KiB/event
                %s==================================
                """, Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
                System.getProperty("java.version"), count, rate, steadySeconds, table);
    }

    private static List<Setup> setups(String wanted, int shards) {
        if (wanted == null || wanted.isBlank()) {
            return List.of(new Setup(1, 1), new Setup(1, shards), new Setup(2, shards), new Setup(3, shards));
        }
        List<Setup> setups = new ArrayList<>();
        for (String setup : wanted.split(",")) {
            String[] parts = setup.trim().split("x");
            setups.add(new Setup(Integer.parseInt(parts[0]), Integer.parseInt(parts[1])));
        }
        return setups;
    }

    private String measure(String serverUrl, Setup setup, int count, int rate, int steadySeconds) throws Exception {
        String name = "bench_r" + setup.replicas() + "_s" + setup.shards();
        String url = freshSchema(serverUrl, name);
        String prefix = name.replace('_', '-');
        Map<String, String> environment = ProcessEnvironment.of(url, KEY);
        environment.putAll(ProcessEnvironment.broker(prefix, setup.shards()));
        for (String setting : System.getProperty("bench.env", "").split(",")) {
            if (setting.contains("=")) {
                environment.put(setting.substring(0, setting.indexOf('=')).trim(), setting.substring(setting.indexOf('=') + 1));
            }
        }
        String javaOptions = System.getProperty("bench.java-options", "");
        if (!javaOptions.isBlank()) {
            environment.put("JAVA_TOOL_OPTIONS", javaOptions.replace("{name}", name));
        }
        List<BeckonProcess> replicas = new ArrayList<>();
        try {
            for (int i = 0; i < setup.replicas(); i++) {
                replicas.add(new BeckonProcess(environment, name + "-" + i).start());
            }
            try (java.sql.Connection db = DriverManager.getConnection(url, "postgres", "");
                 Connection broker = ProcessEnvironment.connect()) {
                CommitTimes commits = new CommitTimes(db);
                Channel channel = broker.createChannel();
                channel.confirmSelect();
                BenchPublisher publisher = new BenchPublisher(channel, commits::published);
                String exchange = prefix + ".events";
                // Replicas settle their shares of the shards within a couple of rebalance rounds.
                Thread.sleep(6_000);

                List<BenchmarkEvents.Generated> warmUp = BenchmarkEvents.generate(name + "w", count / 3, Math.max(1, count / 15), 3);
                publisher.all(exchange, null, warmUp);
                commits.await(name + "w-", warmUp.size());
                analyse(db);

                commits.reset();
                Duration cpuBefore = cpu(replicas);
                long machineBefore = MachineCpu.busyMillis();
                long walBefore = walPosition(db);
                long start = CommitTimes.wallNanos();
                List<BenchmarkEvents.Generated> events = BenchmarkEvents.generate(name, count, Math.max(1, count / 5), 42);
                publisher.all(exchange, null, events);
                commits.await(name + "-", count);
                double beckonCpu = (cpu(replicas).minus(cpuBefore).toNanos() / 1e6) / count;
                double machineCpu = (double) (MachineCpu.busyMillis() - machineBefore) / count;
                double walKiB = (walPosition(db) - walBefore) / 1024.0 / count;
                long[] fullLoad = commits.latencies(name + "-");
                double seconds = (commits.lastCommit() - start) / 1e9;

                int steadyCount = rate * steadySeconds;
                List<BenchmarkEvents.Generated> steady = BenchmarkEvents.generate(name + "s", steadyCount, Math.max(1, steadyCount / 5), 7);
                commits.reset();
                publisher.atRate(exchange, steady, rate);
                commits.await(name + "s-", steadyCount);
                long[] steadyLatencies = commits.latencies(name + "s-");
                return "%8d %6d %10.0f %8.0f %8.0f | %13.1f %7.1f | %19.3f %20.3f %14.2f".formatted(setup.replicas(),
                        setup.shards(), count / seconds, BenchPublisher.ms(fullLoad, 0.5), BenchPublisher.ms(fullLoad, 0.99),
                        BenchPublisher.ms(steadyLatencies, 0.5), BenchPublisher.ms(steadyLatencies, 0.99), beckonCpu,
                        machineCpu, walKiB);
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

    private static String freshSchema(String serverUrl, String schema) throws Exception {
        try (java.sql.Connection db = DriverManager.getConnection(serverUrl, "postgres", "");
             Statement statement = db.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            statement.execute("CREATE SCHEMA " + schema);
        }
        return serverUrl + "?currentSchema=" + schema;
    }

    private static void analyse(java.sql.Connection db) throws Exception {
        try (Statement statement = db.createStatement()) {
            statement.execute("ANALYZE events, customer_profiles, follow_ups, decisions, escalations, outbox");
        }
    }

    private static long walPosition(java.sql.Connection db) throws Exception {
        try (Statement statement = db.createStatement();
             ResultSet row = statement.executeQuery("SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::bigint")) {
            row.next();
            return row.getLong(1);
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void deleteRecursively(Path folder) throws Exception {
        if (Files.exists(folder)) {
            try (var paths = Files.walk(folder)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    /**
     * Publish times (wall clock, in nanoseconds) against commit times read from PostgreSQL once the
     * events are stored: {@code pg_xact_commit_timestamp(xmin)} of each event's row.
     */
    static final class CommitTimes {

        private static final long WALL_OFFSET = ChronoUnit.NANOS.between(Instant.EPOCH, Instant.now()) - System.nanoTime();

        private final java.sql.Connection db;
        private final Map<String, Long> publishedAt = new ConcurrentHashMap<>();
        private long lastCommit;

        CommitTimes(java.sql.Connection db) {
            this.db = db;
        }

        /** Now on the wall clock, with System.nanoTime's steadiness. */
        static long wallNanos() {
            return System.nanoTime() + WALL_OFFSET;
        }

        void published(String id, long nanoTime) {
            publishedAt.put(id, nanoTime + WALL_OFFSET);
        }

        void await(String idPrefix, int count) {
            org.awaitility.Awaitility.await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(250))
                    .until(() -> stored(idPrefix) >= count);
        }

        private int stored(String idPrefix) throws Exception {
            try (PreparedStatement query = db.prepareStatement("SELECT count(*) FROM events WHERE id LIKE ?")) {
                query.setString(1, idPrefix + "%");
                try (ResultSet row = query.executeQuery()) {
                    row.next();
                    return row.getInt(1);
                }
            }
        }

        /** Publish-to-commit of every event whose id starts with {@code idPrefix}, sorted; notes the last commit. */
        long[] latencies(String idPrefix) throws Exception {
            List<Long> latencies = new ArrayList<>();
            try (PreparedStatement query = db.prepareStatement(
                    "SELECT id, pg_xact_commit_timestamp(xmin) FROM events WHERE id LIKE ?")) {
                query.setString(1, idPrefix + "%");
                try (ResultSet row = query.executeQuery()) {
                    while (row.next()) {
                        Long published = publishedAt.get(row.getString(1));
                        Instant committed = row.getObject(2, java.time.OffsetDateTime.class).toInstant();
                        long commitNanos = ChronoUnit.NANOS.between(Instant.EPOCH, committed);
                        lastCommit = Math.max(lastCommit, commitNanos);
                        if (published != null) {
                            latencies.add(commitNanos - published);
                        }
                    }
                }
            }
            return latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        }

        long lastCommit() {
            return lastCommit;
        }

        void reset() {
            publishedAt.clear();
            lastCommit = 0;
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
