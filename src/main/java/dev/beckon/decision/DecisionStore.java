package dev.beckon.decision;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Reads the follow-ups a batch may call off, and writes the batch's decisions, all in the caller's transaction. */
@ApplicationScoped
public class DecisionStore {

    private static final String PENDING = """
            SELECT decision_id, customer_id, campaign, due_at, message, cancel_on, offer::text FROM follow_ups
            WHERE status = 'pending' AND customer_id = ANY(?)
            """;
    private static final String CLOSE = """
            UPDATE follow_ups SET status = ?, closed_at = ?, closed_by_event = ? WHERE decision_id = ? AND status = 'pending'
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
            INSERT INTO escalations (decision_id, customer_id, reason, priority, queue, status, opened_at, sla_started_at)
            VALUES (?, ?, ?, ?, ?, 'open', ?, ?)
            """;

    @Inject
    ObjectMapper json;

    /**
     * The follow-ups these customers have pending. Called after the customers are locked, so no
     * other batch can add or close theirs meanwhile (only the poller may fire one, see {@link #CLOSE}).
     */
    public List<FollowUpPlan> pendingFollowUps(Connection connection, Collection<String> customerIds) throws SQLException {
        List<FollowUpPlan> plans = new ArrayList<>();
        if (customerIds.isEmpty()) {
            return plans;
        }
        try (PreparedStatement statement = connection.prepareStatement(PENDING)) {
            statement.setArray(1, connection.createArrayOf("text", customerIds.toArray()));
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    String offer = row.getString(7);
                    plans.add(new FollowUpPlan(row.getObject(1, UUID.class), row.getString(2), row.getString(3),
                            row.getTimestamp(4).toInstant(), row.getString(5),
                            Set.of((String[]) row.getArray(6).getArray()),
                            offer == null ? null : (ObjectNode) json.readTree(offer)));
                }
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("follow_ups holds an offer that does not parse", e);
            }
        }
        return plans;
    }

    public void write(Connection connection, DecisionBatch batch, Instant now) throws SQLException {
        closeStoredFollowUps(connection, batch, now);
        insertDecisions(connection, batch);
        insertFollowUps(connection, batch, now);
        insertEscalations(connection, batch);
    }

    /** A follow-up the poller fired meanwhile stays fired: the update only touches pending ones. */
    private static void closeStoredFollowUps(Connection connection, DecisionBatch batch, Instant now) throws SQLException {
        Map<UUID, DecisionBatch.Closing> closings = batch.closedStoredFollowUps();
        if (closings.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(CLOSE)) {
            for (Map.Entry<UUID, DecisionBatch.Closing> closing : closings.entrySet()) {
                statement.setString(1, closing.getValue().status());
                statement.setTimestamp(2, Timestamp.from(now));
                statement.setString(3, closing.getValue().eventId());
                statement.setObject(4, closing.getKey());
                statement.addBatch();
            }
            statement.executeBatch();
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
                DecisionBatch.Closing closed = batch.closing(plan.decisionId());
                statement.setObject(1, plan.decisionId());
                statement.setString(2, plan.customerId());
                statement.setString(3, plan.campaign());
                statement.setTimestamp(4, Timestamp.from(plan.dueAt()));
                statement.setString(5, plan.message());
                statement.setArray(6, connection.createArrayOf("text", plan.cancelOn().toArray()));
                statement.setString(7, plan.offer() == null ? null : plan.offer().toString());
                statement.setString(8, closed == null ? "pending" : closed.status());
                statement.setTimestamp(9, closed == null ? null : Timestamp.from(now));
                statement.setString(10, closed == null ? null : closed.eventId());
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
                statement.setTimestamp(7, Timestamp.from(e.openedAt()));
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }
}
