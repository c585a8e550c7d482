package dev.beckon.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Which customers support is working with right now: while a customer has an escalation that is
 * not resolved, marketing for them is held back (see DeliveryRoutes), so an angry customer is not
 * sent a discount in the middle of a complaint.
 */
@ApplicationScoped
public class OpenEscalations {

    private static final String OLDEST_OPEN = """
            SELECT DISTINCT ON (customer_id) customer_id, reason, opened_at FROM escalations
            WHERE status <> 'resolved' AND customer_id = ANY(?) ORDER BY customer_id, opened_at
            """;

    /** For each of these customers with an escalation still open, why marketing is held back for them. */
    public Map<String, String> holdBack(Connection connection, Collection<String> customerIds) throws SQLException {
        Map<String, String> reasons = new HashMap<>();
        if (customerIds.isEmpty()) {
            return reasons;
        }
        try (PreparedStatement query = connection.prepareStatement(OLDEST_OPEN)) {
            query.setArray(1, connection.createArrayOf("text", customerIds.toArray()));
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    reasons.put(row.getString(1), "customer has an open escalation (" + row.getString(2) + ", opened "
                            + row.getTimestamp(3).toInstant() + ")");
                }
            }
        }
        return reasons;
    }
}
