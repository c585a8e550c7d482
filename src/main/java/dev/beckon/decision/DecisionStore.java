package dev.beckon.decision;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/** Writes a batch's decisions, follow-up schedules and escalations, all in the caller's transaction. */
@ApplicationScoped
public class DecisionStore {

    private static final String CANCEL = """
            UPDATE follow_ups SET status = 'cancelled', closed_at = ?, closed_by_event = ?
            WHERE customer_id = ? AND status = 'pending' AND ? = ANY(cancel_on)
            """;
    private static final String SUPERSEDE = """
            UPDATE follow_ups SET status = 'superseded', closed_at = ?, closed_by_event = ?
            WHERE customer_id = ? AND status = 'pending' AND campaign = ?
            """;
    private static final String INSERT_DECISION = """
            INSERT INTO decisions (id, kind, customer_id, event_id, rule_name, rule_set_version, campaign, decided_at, details)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)
            """;
    private static final String INSERT_FOLLOW_UP = """
            INSERT INTO follow_ups (decision_id, customer_id, campaign, due_at, message, cancel_on, offer, status, closed_at, closed_by_event)
            VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?)
            """;
    private static final String INSERT_ESCALATION = """
            INSERT INTO escalations (decision_id, customer_id, reason, priority, queue, status, opened_at)
            VALUES (?, ?, ?, ?, ?, 'open', ?)
            """;

    public void write(Connection connection, DecisionBatch batch, Instant now) throws SQLException {
        closeEarlierFollowUps(connection, batch, now);
        insertDecisions(connection, batch);
        insertFollowUps(connection, batch, now);
        insertEscalations(connection, batch);
    }

    private static void closeEarlierFollowUps(Connection connection, DecisionBatch batch, Instant now) throws SQLException {
        try (PreparedStatement cancel = connection.prepareStatement(CANCEL);
             PreparedStatement supersede = connection.prepareStatement(SUPERSEDE)) {
            boolean cancels = false;
            boolean supersedes = false;
            for (DecisionBatch.FollowUpClosing closing : batch.closings()) {
                PreparedStatement statement = closing.eventType() != null ? cancel : supersede;
                statement.setTimestamp(1, Timestamp.from(now));
                statement.setString(2, closing.eventId());
                statement.setString(3, closing.customerId());
                statement.setString(4, closing.eventType() != null ? closing.eventType() : closing.campaign());
                statement.addBatch();
                cancels |= statement == cancel;
                supersedes |= statement == supersede;
            }
            if (cancels) {
                cancel.executeBatch();
            }
            if (supersedes) {
                supersede.executeBatch();
            }
        }
    }

    private static void insertDecisions(Connection connection, DecisionBatch batch) throws SQLException {
        if (batch.decisions().isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(INSERT_DECISION)) {
            for (DecisionRecord d : batch.decisions()) {
                statement.setObject(1, d.id());
                statement.setString(2, d.kind().wireName());
                statement.setString(3, d.customerId());
                statement.setString(4, d.eventId());
                statement.setString(5, d.rule());
                statement.setInt(6, d.ruleSetVersion());
                statement.setString(7, d.campaign());
                statement.setTimestamp(8, Timestamp.from(d.decidedAt()));
                statement.setString(9, d.details().toString());
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    private static void insertFollowUps(Connection connection, DecisionBatch batch, Instant now) throws SQLException {
        if (batch.followUps().isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(INSERT_FOLLOW_UP)) {
            for (FollowUpPlan plan : batch.followUps()) {
                String closed = batch.closedInBatch().get(plan.decisionId());
                statement.setObject(1, plan.decisionId());
                statement.setString(2, plan.customerId());
                statement.setString(3, plan.campaign());
                statement.setTimestamp(4, Timestamp.from(plan.dueAt()));
                statement.setString(5, plan.message());
                statement.setArray(6, connection.createArrayOf("text", plan.cancelOn().toArray()));
                statement.setString(7, plan.offer() == null ? null : plan.offer().toString());
                statement.setString(8, closed == null ? "pending" : closed.substring(0, closed.indexOf(':')));
                statement.setTimestamp(9, closed == null ? null : Timestamp.from(now));
                statement.setString(10, closed == null ? null : closed.substring(closed.indexOf(':') + 1));
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    private static void insertEscalations(Connection connection, DecisionBatch batch) throws SQLException {
        if (batch.escalations().isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(INSERT_ESCALATION)) {
            for (EscalationCase e : batch.escalations()) {
                statement.setObject(1, e.decisionId());
                statement.setString(2, e.customerId());
                statement.setString(3, e.reason());
                statement.setString(4, e.priority());
                statement.setString(5, e.queue());
                statement.setTimestamp(6, Timestamp.from(e.openedAt()));
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }
}
