package dev.beckon.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

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

    private static final String SUPPRESS = """
            WITH off AS (
                UPDATE deliveries SET status = 'suppressed', next_attempt_at = NULL, lease_until = NULL,
                    reason = 'called off while held for quiet hours: the customer did what the follow-up waited for'
                WHERE status = 'pending' AND attempts = 0 AND %s
                RETURNING decision_id, reason
            )
            UPDATE decision_verdicts v SET outcome = 'suppressed', reason = off.reason
            FROM (SELECT DISTINCT decision_id, reason FROM off) off WHERE v.decision_id = off.decision_id
            """.formatted(CALLED_OFF);

    /** Records the held follow-up deliveries that were called off as suppressed; returns how many verdicts changed. */
    public int suppressCalledOff(Connection connection) throws SQLException {
        try (PreparedStatement suppress = connection.prepareStatement(SUPPRESS)) {
            return suppress.executeUpdate();
        }
    }
}
