package dev.beckon.decision;

import dev.beckon.delivery.DecisionMessages;
import dev.beckon.delivery.OutboxStore;
import dev.beckon.platform.Batches;
import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Fires follow-ups that fell due: marks them fired and puts their message in the outbox, in one
 * transaction. Due rows are claimed with FOR UPDATE SKIP LOCKED, so replicas never fire the same
 * follow-up twice; a follow-up that fell due while Beckon was down fires at the first poll after
 * start. "Now" comes from the injected clock.
 */
@ApplicationScoped
public class FollowUpPoller {

    private static final Logger LOG = Logger.getLogger(FollowUpPoller.class);
    static final int BATCH = 200;

    private static final String CLAIM = """
            SELECT decision_id FROM follow_ups WHERE status = 'pending' AND due_at <= ?
            ORDER BY due_at LIMIT ? FOR UPDATE SKIP LOCKED
            """;

    @Inject
    AgroalDataSource dataSource;
    @Inject
    DecisionMessages messages;
    @Inject
    OutboxStore outbox;
    @Inject
    Clock clock;

    @Scheduled(every = "${beckon.followups.poll-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        try {
            fireDue();
        } catch (RuntimeException e) {
            LOG.warnf("Follow-up poller paused: %s", e.getMessage());
        }
    }

    /** Fires every follow-up due by the clock's now; returns how many fired. */
    public int fireDue() {
        return Batches.drain(BATCH, this::fireBatch);
    }

    private int fireBatch() throws SQLException {
        Instant now = clock.instant();
        List<UUID> due = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement claim = connection.prepareStatement(CLAIM)) {
                claim.setTimestamp(1, Timestamp.from(now));
                claim.setInt(2, BATCH);
                try (ResultSet row = claim.executeQuery()) {
                    while (row.next()) {
                        due.add(row.getObject(1, UUID.class));
                    }
                }
            }
            if (due.isEmpty()) {
                return 0;
            }
            try (PreparedStatement fire = connection.prepareStatement(
                    "UPDATE follow_ups SET status = 'fired', closed_at = ? WHERE decision_id = ANY(?)")) {
                fire.setTimestamp(1, Timestamp.from(now));
                fire.setArray(2, connection.createArrayOf("uuid", due.toArray()));
                fire.executeUpdate();
            }
            List<Decision> decisions = Decision.list("id in ?1", due);
            outbox.append(connection, decisions.stream()
                    .map(d -> messages.followUpFired(d.toRecord(), now)).toList(), now);
        }
        return due.size();
    }
}
