package dev.beckon.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;

/**
 * What waits is judged when it falls due. A message held for the customer's quiet hours was judged
 * when it was decided, but three things may happen before morning that it must not outlive: the
 * customer does what a follow-up waited for (an order calls off a cart reminder), opts out of its
 * channel, or complains (an escalation opens). Claims skip such deliveries (the condition below is
 * part of every claim, so none slips out between two rounds), and each planning round records them
 * as suppressed, with their verdict, so they no longer count for caps.
 */
@ApplicationScoped
public class HeldMessages {

    private static final String FOLLOW_UP_CALLED_OFF = """
            EXISTS (SELECT 1 FROM follow_ups f
                JOIN events e ON e.customer_id = f.customer_id AND e.type = ANY(f.cancel_on) AND e.received_at >= f.closed_at
                WHERE f.decision_id = deliveries.decision_id AND f.status = 'fired')""";

    private static final String OPTED_OUT = """
            EXISTS (SELECT 1 FROM decision_verdicts v JOIN customer_consent c ON c.customer_id = v.customer_id
                AND c.channel IN (lower(v.channel), 'all') AND c.opted_out
                WHERE v.decision_id = deliveries.decision_id)""";

    // An escalation open when the message was decided suppressed it then: one open now was raised (or reopened) since.
    private static final String COMPLAINED = """
            EXISTS (SELECT 1 FROM decision_verdicts v JOIN escalations x ON x.customer_id = v.customer_id
                AND x.status <> 'resolved' WHERE v.decision_id = deliveries.decision_id)""";

    /** True for a {@code deliveries} row held for quiet hours that must not go out any more. */
    static final String CALLED_OFF = "(deliveries.held_until IS NOT NULL AND (%s OR %s OR %s))"
            .formatted(FOLLOW_UP_CALLED_OFF, OPTED_OUT, COMPLAINED);

    static final String FOLLOW_UP_REASON =
            "called off while held for quiet hours: the customer did what the follow-up waited for";
    static final String OPTED_OUT_REASON = "called off while held for quiet hours: the customer opted out of its channel";
    static final String COMPLAINED_REASON = "called off while held for quiet hours: the customer has an open escalation";

    /*
     * Held messages with deliveries still waiting are suppressed here, with the first reason that
     * applies. A held follow-up whose every delivery was suppressed already (no address, say) has
     * nothing to stop, but its verdict must not go on saying "sent" once the order came: it becomes
     * suppressed too.
     */
    private static final String SUPPRESS = """
            WITH off AS (
                UPDATE deliveries SET status = 'suppressed', next_attempt_at = NULL, lease_until = NULL,
                    reason = CASE WHEN %s THEN ? WHEN %s THEN ? ELSE ? END
                WHERE status = 'pending' AND attempts = 0 AND %s
                RETURNING decision_id, reason
            ), undeliverable AS (
                SELECT v.decision_id FROM decision_verdicts v JOIN follow_ups f ON f.decision_id = v.decision_id
                WHERE v.kind = 'followup' AND v.outcome = 'sent' AND v.held_until > ? AND f.status = 'fired'
                  AND EXISTS (SELECT 1 FROM events e WHERE e.customer_id = f.customer_id AND e.type = ANY(f.cancel_on)
                              AND e.received_at >= f.closed_at AND e.received_at < v.held_until)
                  AND NOT EXISTS (SELECT 1 FROM deliveries d WHERE d.decision_id = v.decision_id AND d.status <> 'suppressed')
            ), judged AS (
                SELECT DISTINCT ON (decision_id) decision_id, reason FROM off
                UNION ALL
                SELECT decision_id, ? FROM undeliverable
            )
            UPDATE decision_verdicts v SET outcome = 'suppressed', reason = judged.reason
            FROM judged WHERE v.decision_id = judged.decision_id
            """.formatted(FOLLOW_UP_CALLED_OFF, OPTED_OUT, CALLED_OFF);

    @Inject
    Clock clock;

    /** Records the held deliveries that must not go out any more as suppressed; returns how many verdicts changed. */
    public int suppressCalledOff(Connection connection) throws SQLException {
        try (PreparedStatement suppress = connection.prepareStatement(SUPPRESS)) {
            suppress.setString(1, FOLLOW_UP_REASON);
            suppress.setString(2, OPTED_OUT_REASON);
            suppress.setString(3, COMPLAINED_REASON);
            suppress.setTimestamp(4, Timestamp.from(clock.instant()));
            suppress.setString(5, FOLLOW_UP_REASON);
            return suppress.executeUpdate();
        }
    }
}
