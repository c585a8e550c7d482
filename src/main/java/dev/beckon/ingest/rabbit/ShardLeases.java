package dev.beckon.ingest.rabbit;

import dev.beckon.platform.DirectConnection;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jboss.logging.Logger;

/**
 * Shares the shard queues out evenly between the replicas that are running, with PostgreSQL
 * session advisory locks on a connection of this replica's own: each replica holds a shared
 * "member" lock, so counting its holders counts the live replicas, and an exclusive lock per
 * shard it consumes. A replica that dies loses its session and with it its locks, and the
 * others take its shards over on their next round.
 *
 * <p>Leases only balance the load. That a shard queue is consumed by one replica at a time is the
 * broker's guarantee (single active consumer), so a lease lost or doubled for a moment, or
 * PostgreSQL being away, costs evenness and never order. When leases cannot be had, this replica
 * subscribes to every shard and the broker picks who consumes.
 */
final class ShardLeases implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ShardLeases.class);
    private static final int MEMBER = Integer.MAX_VALUE;
    private static final String COUNT_MEMBERS = """
            SELECT count(*) FROM pg_locks
            WHERE locktype = 'advisory' AND granted AND objsubid = 2
              AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
              AND classid = ?::oid AND objid = ?::oid""";

    private final DirectConnection connections;
    private final int namespace;
    private final int shards;
    private final int firstChoice;
    private final TreeSet<Integer> held = new TreeSet<>();
    private Connection connection;
    private boolean warned;

    /** Leases over {@code shards} shard queues; {@code namespace} (the ingest queue's name) keeps two Beckons on one database apart. */
    ShardLeases(DirectConnection connections, String namespace, int shards) {
        this.connections = connections;
        // Positive, so the lock's first key reads back unchanged from pg_locks.classid (an oid).
        this.namespace = (int) (CustomerShard.crc32(namespace) & 0x7fffffff);
        this.shards = shards;
        // Replicas starting together try different shards first, so they rarely collide.
        this.firstChoice = ThreadLocalRandom.current().nextInt(shards);
    }

    /**
     * Takes or gives up leases so that this replica holds its fair share, the shard count divided
     * by the live replicas, rounded up; returns the shards it should consume now.
     */
    Set<Integer> rebalance() {
        try {
            if (connection == null || connection.isClosed()) {
                join();
            }
            int members = Math.max(1, countMembers());
            int fairShare = (shards + members - 1) / members;
            while (held.size() > fairShare) {
                release(held.last());
            }
            for (int i = 0; i < shards && held.size() < fairShare; i++) {
                int shard = (firstChoice + i) % shards;
                if (!held.contains(shard) && tryLock(shard)) {
                    held.add(shard);
                }
            }
            if (warned) {
                LOG.infof("Shard leases are back: this replica consumes shards %s", held);
                warned = false;
            }
            return Set.copyOf(held);
        } catch (SQLException e) {
            abandon();
            if (!warned) {
                LOG.warnf("Shard leases are unavailable (%s): subscribing to every shard, the broker keeps each "
                        + "consumed by one replica at a time", e.getMessage());
                warned = true;
            }
            return allShards();
        }
    }

    private void join() throws SQLException {
        abandon();
        connection = connections.open("beckon-shard-leases");
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_lock_shared(?, ?)")) {
            lock.setInt(1, namespace);
            lock.setInt(2, MEMBER);
            lock.execute();
        }
    }

    private int countMembers() throws SQLException {
        try (PreparedStatement count = connection.prepareStatement(COUNT_MEMBERS)) {
            count.setInt(1, namespace);
            count.setInt(2, MEMBER);
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    private boolean tryLock(int shard) throws SQLException {
        return advisory("pg_try_advisory_lock", shard);
    }

    private void release(int shard) throws SQLException {
        advisory("pg_advisory_unlock", shard);
        held.remove(shard);
    }

    private boolean advisory(String function, int shard) throws SQLException {
        try (PreparedStatement call = connection.prepareStatement("SELECT " + function + "(?, ?)")) {
            call.setInt(1, namespace);
            call.setInt(2, shard);
            try (ResultSet rows = call.executeQuery()) {
                rows.next();
                return rows.getBoolean(1);
            }
        }
    }

    private Set<Integer> allShards() {
        return IntStream.range(0, shards).boxed().collect(Collectors.toUnmodifiableSet());
    }

    /** Drops the session, and with it every lease, for the other replicas to take. */
    private void abandon() {
        held.clear();
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                LOG.debug("Lease connection did not close cleanly", e);
            }
            connection = null;
        }
    }

    @Override
    public void close() {
        abandon();
    }
}
