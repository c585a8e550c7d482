package dev.beckon.segment;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which segments customers are in, as of each segment's last refresh, for other features on the
 * caller's connection: the ingest path (for {@code Profile.inSegment}) and delivery planning (for
 * campaign audiences) ask for a whole batch of customers in one query.
 */
@ApplicationScoped
public class SegmentMembership {

    private static final String OF_CUSTOMERS =
            "SELECT customer_id, segment FROM segment_members WHERE customer_id = ANY(?)";
    private static final String IS_MEMBER =
            "SELECT 1 FROM segment_members WHERE segment = ? AND customer_id = ?";

    /** The segments of each of these customers; a customer in none is absent from the map. */
    public Map<String, Set<String>> memberships(Connection connection, Collection<String> customerIds)
            throws SQLException {
        Map<String, Set<String>> segments = new HashMap<>();
        if (customerIds.isEmpty()) {
            return segments;
        }
        try (PreparedStatement statement = connection.prepareStatement(OF_CUSTOMERS)) {
            statement.setArray(1, connection.createArrayOf("text", customerIds.toArray()));
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    segments.computeIfAbsent(row.getString(1), id -> new TreeSet<>()).add(row.getString(2));
                }
            }
        }
        return segments;
    }

    public boolean isMember(Connection connection, String segment, String customerId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(IS_MEMBER)) {
            statement.setString(1, segment);
            statement.setString(2, customerId);
            try (ResultSet row = statement.executeQuery()) {
                return row.next();
            }
        }
    }
}
