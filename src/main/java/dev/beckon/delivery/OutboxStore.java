package dev.beckon.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;

/** Appends outbox messages in the caller's transaction, so they exist exactly when their decision does. */
@ApplicationScoped
public class OutboxStore {

    private static final String INSERT = """
            INSERT INTO outbox (decision_id, destination, routing_key, payload, created_at)
            VALUES (?, ?, ?, ?::json, ?)
            """;

    public void append(Connection connection, Collection<OutboxMessage> messages, Instant now) throws SQLException {
        if (messages.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(INSERT)) {
            for (OutboxMessage m : messages) {
                statement.setObject(1, m.decisionId());
                statement.setString(2, m.destination());
                statement.setString(3, m.routingKey());
                statement.setString(4, m.payload().toString());
                statement.setTimestamp(5, Timestamp.from(now));
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }
}
