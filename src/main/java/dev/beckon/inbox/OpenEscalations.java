package dev.beckon.inbox;

import dev.beckon.platform.SqlTimes;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which customers support is working with: while a customer has an escalation that is not
 * resolved, marketing for them is held back, so an angry customer is not sent a discount in the
 * middle of a complaint. Whether an escalation holds a message back is judged as of the message's
 * deciding moment, never as of when planning happens to reach it: an escalation raised by a later
 * event of the customer, or one already resolved then, does not hold it back.
 */
@ApplicationScoped
public class OpenEscalations {

    /**
     * An escalation that may hold back the customer's messages. {@code position} is where its
     * decision message stands in the outbox, which follows each customer's events in order (the
     * oldest escalations may have none: they came first); {@code resolvedAt} is null while open.
     */
    public record Hold(String eventId, Long position, Instant resolvedAt, String reason) {

        /**
         * Whether it held back a message decided on {@code eventId} at {@code position} of the
         * outbox at {@code asOf}: raised by that event or an earlier one, and not resolved by then.
         */
        public boolean holdsBack(String messageEventId, long messagePosition, Instant asOf) {
            boolean raisedBefore = eventId.equals(messageEventId) || position == null || position < messagePosition;
            return raisedBefore && (resolvedAt == null || resolvedAt.isAfter(asOf));
        }
    }

    // Only escalations still open, or resolved after the batch's oldest message was decided, can hold one back.
    private static final String HOLDS = """
            SELECT x.customer_id, d.event_id, (SELECT min(o.id) FROM outbox o WHERE o.decision_id = x.decision_id),
                   CASE WHEN x.status = 'resolved' THEN x.resolved_at END, x.reason, x.opened_at
            FROM escalations x JOIN decisions d ON d.id = x.decision_id
            WHERE x.customer_id = ANY(?) AND (x.status <> 'resolved' OR x.resolved_at > ?)
            ORDER BY x.customer_id, x.opened_at
            """;

    /** For each of these customers, the escalations that may hold back messages decided from {@code since} on. */
    public Map<String, List<Hold>> holds(Connection connection, Collection<String> customerIds, Instant since)
            throws SQLException {
        Map<String, List<Hold>> holds = new HashMap<>();
        if (customerIds.isEmpty()) {
            return holds;
        }
        try (PreparedStatement query = connection.prepareStatement(HOLDS)) {
            query.setArray(1, connection.createArrayOf("text", customerIds.toArray()));
            query.setTimestamp(2, Timestamp.from(since));
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    holds.computeIfAbsent(row.getString(1), c -> new ArrayList<>()).add(new Hold(row.getString(2),
                            row.getObject(3, Long.class), SqlTimes.instant(row.getTimestamp(4)),
                            "customer has an open escalation (" + row.getString(5) + ", opened "
                                    + row.getTimestamp(6).toInstant() + ")"));
                }
            }
        }
        return holds;
    }
}
