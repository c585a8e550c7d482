package dev.beckon.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;

/**
 * A follow-up is called off when the customer does what it waited for: an order cancels a cart
 * reminder. One that fired during the customer's quiet hours waits, held, until morning; if the
 * order comes in the meantime, the reminder must not go out. Claims skip such deliveries (the
 * condition below is part of every claim, so none slips through between two rounds), and each
 * planning round records them as suppressed, with their verdict, so they no longer count for caps.
 */
@ApplicationScoped
public class HeldFollowUps {

    /** True for a {@code deliveries} row held for quiet hours whose follow-up's cancelling event has arrived since it fired. */
    static final String CALLED_OFF = """
            (deliveries.held_until IS NOT NULL AND EXISTS (
                SELECT 1 FROM follow_ups f
                JOIN events e ON e.customer_id = f.customer_id AND e.type = ANY(f.cancel_on) AND e.received_at >= f.closed_at
                WHERE f.decision_id = deliveries.decision_id AND f.status = 'fired'))""";

    private static final String REASON =
            "called off while held for quiet hours: the customer did what the follow-up waited for";

    /*
     * Two kinds of held follow-up are called off: those with deliveries still waiting (suppressed
     * here), and those whose every delivery was suppressed already (no address, say), which have
     * nothing to stop but whose verdict must not go on saying "sent". Both become suppressed.
     */
    private static final String SUPPRESS = """
            WITH off AS (
                UPDATE deliveries SET status = 'suppressed', next_attempt_at = NULL, lease_until = NULL, reason = ?
                WHERE status = 'pending' AND attempts = 0 AND %s
                RETURNING decision_id
            ), undeliverable AS (
                SELECT v.decision_id FROM decision_verdicts v JOIN follow_ups f ON f.decision_id = v.decision_id
                WHERE v.kind = 'followup' AND v.outcome = 'sent' AND v.held_until > ? AND f.status = 'fired'
                  AND EXISTS (SELECT 1 FROM events e WHERE e.customer_id = f.customer_id AND e.type = ANY(f.cancel_on)
                              AND e.received_at >= f.closed_at AND e.received_at < v.held_until)
                  AND NOT EXISTS (SELECT 1 FROM deliveries d WHERE d.decision_id = v.decision_id AND d.status <> 'suppressed')
            )
            UPDATE decision_verdicts v SET outcome = 'suppressed', reason = ?
            WHERE v.decision_id IN (SELECT decision_id FROM off UNION SELECT decision_id FROM undeliverable)
            """.formatted(CALLED_OFF);

    @Inject
    Clock clock;

    /** Records the held follow-up deliveries that were called off as suppressed; returns how many verdicts changed. */
    public int suppressCalledOff(Connection connection) throws SQLException {
        try (PreparedStatement suppress = connection.prepareStatement(SUPPRESS)) {
            suppress.setString(1, REASON);
            suppress.setTimestamp(2, Timestamp.from(clock.instant()));
            suppress.setString(3, REASON);
            return suppress.executeUpdate();
        }
    }
}
