package dev.beckon.faults;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What Beckon recorded about one run, read from its database once everything settled: the run's
 * customers are named after it, so runs sharing a database never see each other's rows.
 */
final class StoredState {

    /** An event as stored; {@code receivedMicros} orders a customer's events as Beckon applied them. */
    record Event(String id, String customerId, String type, int seq, long receivedMicros) {
    }

    record Decision(String id, String kind, String customerId, String eventId, String rule, int ruleSetVersion) {
    }

    record FollowUp(String decisionId, String status, long dueMicros, long closedMicros, String closedByEvent) {
    }

    final Map<String, Event> events = new HashMap<>();
    final Map<String, Long> profileEventCounts = new HashMap<>();
    final List<Decision> decisions = new ArrayList<>();
    final Map<String, FollowUp> followUps = new HashMap<>();
    /** Decision id to how many "fired" messages its follow-up put in the outbox. */
    final Map<String, Integer> firedMessages = new HashMap<>();
    /** Dead letters whose payload names the run: reason by message key. */
    final Map<String, String> deadLetters = new HashMap<>();

    static StoredState read(Connection db, String run) throws SQLException {
        StoredState state = new StoredState();
        String customers = run + "-c%";
        query(db, "SELECT id, customer_id, type, COALESCE((data->>'seq')::int, 0), "
                + "(extract(epoch FROM received_at) * 1000000)::bigint FROM events WHERE customer_id LIKE ?", customers,
                row -> state.events.put(row.getString(1), new Event(row.getString(1), row.getString(2), row.getString(3),
                        row.getInt(4), row.getLong(5))));
        query(db, "SELECT customer_id, event_count FROM customer_profiles WHERE customer_id LIKE ?", customers,
                row -> state.profileEventCounts.put(row.getString(1), row.getLong(2)));
        query(db, "SELECT id::text, kind, customer_id, event_id, rule_name, rule_set_version FROM decisions "
                + "WHERE customer_id LIKE ?", customers,
                row -> state.decisions.add(new Decision(row.getString(1), row.getString(2), row.getString(3),
                        row.getString(4), row.getString(5), row.getInt(6))));
        query(db, "SELECT decision_id::text, status, (extract(epoch FROM due_at) * 1000000)::bigint, "
                + "COALESCE((extract(epoch FROM closed_at) * 1000000)::bigint, 0), closed_by_event FROM follow_ups "
                + "WHERE customer_id LIKE ?", customers,
                row -> state.followUps.put(row.getString(1), new FollowUp(row.getString(1), row.getString(2),
                        row.getLong(3), row.getLong(4), row.getString(5))));
        query(db, "SELECT decision_id::text, count(*) FROM outbox WHERE payload->>'status' = 'fired' "
                + "AND payload->>'customerId' LIKE ? GROUP BY decision_id", customers,
                row -> state.firedMessages.put(row.getString(1), row.getInt(2)));
        query(db, "SELECT message_key, reason FROM dead_letters WHERE payload LIKE ?", "%" + run + "-%",
                row -> state.deadLetters.put(row.getString(1), row.getString(2)));
        return state;
    }

    /** Events stored per customer. */
    Map<String, List<Event>> eventsByCustomer() {
        Map<String, List<Event>> byCustomer = new HashMap<>();
        events.values().forEach(e -> byCustomer.computeIfAbsent(e.customerId(), c -> new ArrayList<>()).add(e));
        return byCustomer;
    }

    interface RowReader {
        void read(ResultSet row) throws SQLException;
    }

    private static void query(Connection db, String sql, String parameter, RowReader reader) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            statement.setString(1, parameter);
            statement.setFetchSize(5_000);
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    reader.read(row);
                }
            }
        }
    }
}
