package dev.beckon.delivery;

import static dev.beckon.platform.SqlTimes.instant;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The deliveries table: planned rows, claims for an attempt, outcomes, and the log people read.
 * A claim is a lease ({@code lease_until}) rather than a row lock, so no connection is held while an
 * endpoint takes its time. A claim counts an attempt, and the attempt number names the claim: a
 * lease is renewed, and an outcome written, only while the delivery is pending at that attempt, so a
 * replica that lost a delivery to another's claim changes nothing.
 */
@ApplicationScoped
public class DeliveryStore {

    /** A delivery as the log shows it, with its attempts. */
    public record DeliveryView(long id, UUID decisionId, String messageType, String channel, String target,
                               String status, String reason, int attempts, Instant createdAt, Instant nextAttemptAt,
                               Instant deliveredAt, List<Attempt> attemptLog) {
    }

    public record Attempt(int attempt, Instant startedAt, int durationMillis, Integer statusCode, String error) {
    }

    private static final String INSERT = """
            INSERT INTO deliveries (decision_id, message_type, channel, target, payload, status, reason,
                                    next_attempt_at, created_at, retry_since, held_until, outbox_id)
            VALUES (?, ?, ?, ?, ?::json, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (outbox_id, channel, target) DO NOTHING
            """;

    /*
     * One claim takes a channel's targets in order, starting after the last round's cursor, and up
     * to each target's allowance of its oldest due deliveries, so its cost is what it claims, not the
     * backlog: the targets are found by skipping through the deliveries_due_by_target index (one probe
     * per target, PostgreSQL has no skip scan of its own), and each target's share is the head of its
     * slice of that index. Targets compare in the "C" collation so the cursor the dispatcher keeps
     * (a Java string comparison) agrees with the index's order.
     * The locking SELECT repeats the conditions: under READ COMMITTED PostgreSQL re-checks them on
     * the newest row version, so a row another replica claimed a moment ago is not claimed twice.
     */
    private static final String CLAIM = """
            WITH RECURSIVE targets AS (
                (SELECT target COLLATE "C" AS target FROM deliveries
                 WHERE status = 'pending' AND channel = ? AND target COLLATE "C" > ?
                 ORDER BY target COLLATE "C" LIMIT 1)
              UNION ALL
                SELECT (SELECT d.target COLLATE "C" FROM deliveries d
                        WHERE d.status = 'pending' AND d.channel = ? AND d.target COLLATE "C" > t.target
                        ORDER BY d.target COLLATE "C" LIMIT 1)
                FROM targets t WHERE t.target IS NOT NULL
            ), due AS (
                SELECT share.id FROM targets t CROSS JOIN LATERAL (
                    SELECT id FROM deliveries
                    WHERE status = 'pending' AND channel = ? AND target COLLATE "C" = t.target AND next_attempt_at <= ?
                      AND (lease_until IS NULL OR lease_until <= ?) AND NOT %s
                    ORDER BY next_attempt_at, id
                    LIMIT greatest(0, ? - COALESCE((SELECT busy.n FROM unnest(?::text[], ?::int[]) AS busy(target, n)
                                                     WHERE busy.target = t.target), 0))
                ) share
                WHERE t.target IS NOT NULL
                LIMIT ?
            ), claimed AS (
                SELECT id FROM deliveries
                WHERE id IN (SELECT id FROM due) AND status = 'pending' AND (lease_until IS NULL OR lease_until <= ?)
                FOR UPDATE SKIP LOCKED
            )
            UPDATE deliveries d SET lease_until = ?, attempts = d.attempts + 1
            FROM claimed WHERE d.id = claimed.id
            RETURNING d.id, d.decision_id, d.message_type, d.channel, d.target, d.payload::text, d.attempts, d.retry_since
            """.formatted(HeldMessages.CALLED_OFF);

    private static final String VIEW = """
            SELECT id, decision_id, message_type, channel, target, status, reason, attempts, created_at,
                   next_attempt_at, delivered_at FROM deliveries
            """;

    @Inject
    AgroalDataSource dataSource;

    public void insert(Connection connection, Collection<PlannedDelivery> deliveries, Instant now) throws SQLException {
        if (deliveries.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (PlannedDelivery d : deliveries) {
                boolean suppressed = d.suppressedBecause() != null;
                // A delivery held for quiet hours is first due when they end, and its retries' age counts from then.
                Instant due = d.heldUntil() != null ? d.heldUntil() : now;
                insert.setObject(1, d.decisionId());
                insert.setString(2, d.messageType());
                insert.setString(3, d.channel());
                insert.setString(4, d.target());
                insert.setString(5, d.payload().toString());
                insert.setString(6, suppressed ? "suppressed" : "pending");
                insert.setString(7, suppressed ? d.suppressedBecause()
                        : d.heldUntil() != null ? "held for quiet hours until " + d.heldUntil() : null);
                insert.setTimestamp(8, suppressed ? null : Timestamp.from(due));
                insert.setTimestamp(9, Timestamp.from(now));
                insert.setTimestamp(10, Timestamp.from(due));
                insert.setTimestamp(11, d.heldUntil() == null || suppressed ? null : Timestamp.from(d.heldUntil()));
                insert.setLong(12, d.outboxId());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /**
     * Claims due deliveries on {@code channel} for one attempt each: targets in order after
     * {@code afterTarget} ("" for the first), each up to {@code perTarget} less what this replica is
     * still sending to it ({@code inFlight}, by target), at most {@code limit} in all.
     */
    public List<DeliveryJob> claim(Connection connection, String channel, String afterTarget, Map<String, Integer> inFlight,
                                   int perTarget, int limit, Instant now, Instant leaseUntil) throws SQLException {
        List<DeliveryJob> jobs = new ArrayList<>();
        try (PreparedStatement claim = connection.prepareStatement(CLAIM)) {
            int p = 0;
            claim.setString(++p, channel);
            claim.setString(++p, afterTarget);
            claim.setString(++p, channel);
            claim.setString(++p, channel);
            claim.setTimestamp(++p, Timestamp.from(now));
            claim.setTimestamp(++p, Timestamp.from(now));
            claim.setInt(++p, perTarget);
            claim.setArray(++p, connection.createArrayOf("text", inFlight.keySet().toArray()));
            claim.setArray(++p, connection.createArrayOf("integer", inFlight.values().toArray()));
            claim.setInt(++p, limit);
            claim.setTimestamp(++p, Timestamp.from(now));
            claim.setTimestamp(++p, Timestamp.from(leaseUntil));
            try (ResultSet row = claim.executeQuery()) {
                while (row.next()) {
                    jobs.add(new DeliveryJob(row.getLong(1), row.getObject(2, UUID.class), row.getString(3),
                            row.getString(4), row.getString(5), row.getString(6), row.getInt(7),
                            row.getTimestamp(8).toInstant(), leaseUntil));
                }
            }
        }
        return jobs;
    }

    /**
     * Writes attempts' outcomes: each delivered, due again at its next attempt, or dead when that is
     * null. An outcome is written only while the delivery is still pending at the attempt it was sent
     * as; for each, whether it was (false: another replica has claimed the delivery since). The rows
     * are updated in id order, so two writers never wait on each other's rows crosswise.
     */
    public boolean[] recordOutcomes(Connection connection, List<OutcomeRecorder.Outcome> outcomes, Instant now)
            throws SQLException {
        try (PreparedStatement attempt = connection.prepareStatement("""
                INSERT INTO delivery_attempts (delivery_id, attempt, started_at, duration_ms, status_code, error)
                VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING
                """)) {
            for (OutcomeRecorder.Outcome outcome : outcomes) {
                AttemptResult result = outcome.result();
                attempt.setLong(1, outcome.job().id());
                attempt.setInt(2, outcome.job().attempt());
                attempt.setTimestamp(3, Timestamp.from(result.startedAt()));
                attempt.setInt(4, (int) Math.min(Integer.MAX_VALUE, result.durationMillis()));
                attempt.setObject(5, result.statusCode());
                attempt.setString(6, result.error());
                attempt.addBatch();
            }
            attempt.executeBatch();
        }
        Integer[] order = new Integer[outcomes.size()];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparingLong(i -> outcomes.get(i).job().id()));
        try (PreparedStatement update = connection.prepareStatement("""
                UPDATE deliveries SET status = ?, reason = ?, next_attempt_at = ?, delivered_at = ?, lease_until = NULL
                WHERE id = ? AND status = 'pending' AND attempts = ?
                """)) {
            for (int i : order) {
                OutcomeRecorder.Outcome outcome = outcomes.get(i);
                AttemptResult result = outcome.result();
                String status = result.succeeded() ? "delivered" : outcome.nextAttempt() == null ? "dead" : "pending";
                update.setString(1, status);
                update.setString(2, result.error());
                update.setTimestamp(3, status.equals("pending") ? Timestamp.from(outcome.nextAttempt()) : null);
                update.setTimestamp(4, result.succeeded() ? Timestamp.from(now) : null);
                update.setLong(5, outcome.job().id());
                update.setInt(6, outcome.job().attempt());
                update.addBatch();
            }
            int[] counts = update.executeBatch();
            boolean[] recorded = new boolean[counts.length];
            for (int k = 0; k < counts.length; k++) {
                recorded[order[k]] = counts[k] == 1;
            }
            return recorded;
        }
    }

    /**
     * Extends the leases of deliveries still pending at the attempts given (by id) to {@code until};
     * returns the ids extended. Rows locked at this moment (an outcome being written, another
     * replica's claim) are skipped rather than waited for: they are done or lost before the next
     * renewal, and a renewal that waited could deadlock with an outcome batch.
     */
    public Set<Long> renewLeases(Connection connection, Map<Long, Integer> attempts, Instant until) throws SQLException {
        Long[] ids = attempts.keySet().toArray(Long[]::new);
        Integer[] numbers = Arrays.stream(ids).map(attempts::get).toArray(Integer[]::new);
        Set<Long> renewed = new HashSet<>();
        try (PreparedStatement update = connection.prepareStatement("""
                WITH mine AS (
                    SELECT d.id FROM deliveries d JOIN unnest(?::bigint[], ?::int[]) AS held(id, attempt)
                      ON d.id = held.id AND d.attempts = held.attempt
                    WHERE d.status = 'pending'
                    FOR UPDATE OF d SKIP LOCKED
                )
                UPDATE deliveries SET lease_until = ? FROM mine WHERE deliveries.id = mine.id
                RETURNING deliveries.id
                """)) {
            update.setArray(1, connection.createArrayOf("bigint", ids));
            update.setArray(2, connection.createArrayOf("integer", numbers));
            update.setTimestamp(3, Timestamp.from(until));
            try (ResultSet row = update.executeQuery()) {
                while (row.next()) {
                    renewed.add(row.getLong(1));
                }
            }
        }
        return renewed;
    }

    /** Puts a dead delivery back in line, with its maximum age counted from now. */
    public boolean redeliver(Connection connection, long id, Instant now) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("""
                UPDATE deliveries SET status = 'pending', next_attempt_at = ?, retry_since = ?, lease_until = NULL
                WHERE id = ? AND status = 'dead'
                """)) {
            update.setTimestamp(1, Timestamp.from(now));
            update.setTimestamp(2, Timestamp.from(now));
            update.setLong(3, id);
            return update.executeUpdate() == 1;
        }
    }

    public List<DeliveryView> forDecision(UUID decisionId) throws SQLException {
        return views(VIEW + " WHERE decision_id = ? ORDER BY id", statement -> statement.setObject(1, decisionId));
    }

    public DeliveryView byId(long id) throws SQLException {
        List<DeliveryView> found = views(VIEW + " WHERE id = ?", statement -> statement.setLong(1, id));
        return found.isEmpty() ? null : found.get(0);
    }

    /** The latest deliveries, newest first, optionally only those in one status. */
    public List<DeliveryView> latest(String status, int limit) throws SQLException {
        if (status == null) {
            return views(VIEW + " ORDER BY id DESC LIMIT ?", statement -> statement.setInt(1, limit));
        }
        return views(VIEW + " WHERE status = ? ORDER BY id DESC LIMIT ?", statement -> {
            statement.setString(1, status);
            statement.setInt(2, limit);
        });
    }

    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private List<DeliveryView> views(String sql, Binder binder) throws SQLException {
        Map<Long, DeliveryView> views = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement query = connection.prepareStatement(sql)) {
                binder.bind(query);
                try (ResultSet row = query.executeQuery()) {
                    while (row.next()) {
                        views.put(row.getLong(1), new DeliveryView(row.getLong(1), row.getObject(2, UUID.class),
                                row.getString(3), row.getString(4), row.getString(5), row.getString(6),
                                row.getString(7), row.getInt(8), instant(row.getTimestamp(9)),
                                instant(row.getTimestamp(10)), instant(row.getTimestamp(11)), new ArrayList<>()));
                    }
                }
            }
            if (views.isEmpty()) {
                return List.of();
            }
            try (PreparedStatement query = connection.prepareStatement("""
                    SELECT delivery_id, attempt, started_at, duration_ms, status_code, error FROM delivery_attempts
                    WHERE delivery_id = ANY(?) ORDER BY delivery_id, attempt
                    """)) {
                query.setArray(1, connection.createArrayOf("bigint", views.keySet().toArray()));
                try (ResultSet row = query.executeQuery()) {
                    while (row.next()) {
                        views.get(row.getLong(1)).attemptLog().add(new Attempt(row.getInt(2),
                                row.getTimestamp(3).toInstant(), row.getInt(4), (Integer) row.getObject(5), row.getString(6)));
                    }
                }
            }
        }
        return List.copyOf(views.values());
    }
}
