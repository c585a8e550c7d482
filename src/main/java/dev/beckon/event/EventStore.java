package dev.beckon.event;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The append-only event table. Events are written many to a statement, and the primary key on
 * the event id makes a second copy of an event impossible, even across replicas.
 */
@ApplicationScoped
public class EventStore {

    /** An event with where and when Beckon received it. */
    public record Received(EventEnvelope event, String channel, Instant receivedAt) {
    }

    private static final String INSERT_NEW = """
            INSERT INTO events (id, type, customer_id, occurred_at, received_at, source, correlation_id, channel, data)
            SELECT u.id, u.type, u.customer_id, u.occurred_at::timestamptz, u.received_at::timestamptz,
                   u.source, u.correlation_id, u.channel, u.data::jsonb
            FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                 AS u(id, type, customer_id, occurred_at, received_at, source, correlation_id, channel, data)
            ON CONFLICT (id) DO NOTHING
            RETURNING id
            """;

    /** Stores the events whose ids are new and returns those ids; the others were stored before. */
    public Set<String> insertNew(Connection connection, List<Received> received) throws SQLException {
        if (received.isEmpty()) {
            return Set.of();
        }
        int n = received.size();
        String[][] columns = new String[9][n];
        for (int i = 0; i < n; i++) {
            Received r = received.get(i);
            EventEnvelope e = r.event();
            columns[0][i] = e.id();
            columns[1][i] = e.type();
            columns[2][i] = e.customerId();
            columns[3][i] = e.occurredAt().toString();
            columns[4][i] = r.receivedAt().toString();
            columns[5][i] = e.source();
            columns[6][i] = e.correlationId();
            columns[7][i] = r.channel();
            columns[8][i] = e.data().toString();
        }
        Set<String> inserted = new HashSet<>();
        try (PreparedStatement statement = connection.prepareStatement(INSERT_NEW)) {
            for (int c = 0; c < columns.length; c++) {
                Array array = connection.createArrayOf("text", columns[c]);
                statement.setArray(c + 1, array);
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    inserted.add(rows.getString(1));
                }
            }
        }
        return inserted;
    }

    /** Takes back an event stored earlier in the same transaction whose processing failed. */
    public void delete(Connection connection, String eventId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("DELETE FROM events WHERE id = ?")) {
            statement.setString(1, eventId);
            statement.executeUpdate();
        }
    }
}
