package dev.beckon.ingest.deadletter;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * Records messages that could not be processed. One row per message key (the event id, or a
 * hash of a body that has none), so a message failing again updates its row instead of adding one.
 */
@ApplicationScoped
public class DeadLetterStore {

    static final int MAX_REASON = 2000;

    private static final String UPSERT = """
            INSERT INTO dead_letters (message_key, channel, payload, reason, first_failed_at, last_failed_at, status)
            VALUES (?, ?, ?, ?, ?, ?, 'open')
            ON CONFLICT (message_key) DO UPDATE SET
                reason = EXCLUDED.reason, channel = EXCLUDED.channel, payload = EXCLUDED.payload,
                failures = dead_letters.failures + 1, last_failed_at = EXCLUDED.last_failed_at,
                status = 'open', replayed_at = NULL
            RETURNING id
            """;

    /** Records the failure and returns the dead letter's id. */
    public long record(Connection connection, String messageKey, String channel, String payload, String reason,
                       Instant now) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(UPSERT)) {
            statement.setString(1, messageKey);
            statement.setString(2, channel);
            // PostgreSQL text cannot hold NUL; the payload is kept for inspection, so keep the rest of it.
            statement.setString(3, payload.replace('\u0000', '\uFFFD'));
            statement.setString(4, truncate(reason));
            statement.setTimestamp(5, Timestamp.from(now));
            statement.setTimestamp(6, Timestamp.from(now));
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    static String truncate(String reason) {
        String clean = reason == null ? "unknown" : reason.replace('\u0000', '\uFFFD');
        return clean.length() <= MAX_REASON ? clean : clean.substring(0, MAX_REASON) + "…";
    }
}
