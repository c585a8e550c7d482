package dev.beckon.segment;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * Brings a segment's stored members in line with its definition, for everyone or for the
 * customers with events received in a window, in the caller's transaction: members that no
 * longer match leave, customers that match and were not members join with {@code since = now},
 * and members that still match keep their {@code since}.
 */
final class SegmentEvaluator {

    private static final String CHANGED_CUSTOMERS =
            "%s IN (SELECT customer_id FROM events WHERE received_at > ? AND received_at <= ?)";

    private SegmentEvaluator() {
    }

    /** Evaluates every customer; returns the number of members after. */
    static int everyone(Connection connection, String segment, SegmentDefinition definition, Instant now)
            throws SQLException {
        apply(connection, segment, definition, now, null, null);
        try (PreparedStatement count = connection.prepareStatement("SELECT count(*) FROM segment_members WHERE segment = ?")) {
            count.setString(1, segment);
            try (ResultSet row = count.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }

    /** Evaluates the customers with events received after {@code from} up to {@code to}; returns the change in members. */
    static int receivedBetween(Connection connection, String segment, SegmentDefinition definition, Instant now,
                               Instant from, Instant to) throws SQLException {
        return apply(connection, segment, definition, now, CHANGED_CUSTOMERS, List.of(from, to));
    }

    /** {@code scope} restricts the customers looked at (its {@code %s} is the customer id column), or null for all. */
    private static int apply(Connection connection, String segment, SegmentDefinition definition, Instant now,
                             String scope, List<Object> scopeParameters) throws SQLException {
        Sql matching = SegmentQuery.matching(definition, now);
        Sql leave = Sql.of("m.segment = ?", segment);
        Sql join = matching;
        if (scope != null) {
            leave = leave.and(new Sql(scope.formatted("m.customer_id"), scopeParameters));
            join = join.and(new Sql(scope.formatted("p.customer_id"), scopeParameters));
        }
        leave = leave.and(matching.within(
                "NOT EXISTS (SELECT 1 FROM customer_profiles p WHERE p.customer_id = m.customer_id AND ", ")"));
        int left = execute(connection, leave.within("DELETE FROM segment_members m WHERE ", ""));
        Sql insert = Sql.of("INSERT INTO segment_members (segment, customer_id, since) "
                + "SELECT ?, p.customer_id, ? FROM customer_profiles p WHERE ", segment, now);
        int joined = execute(connection, insert.then(join).then(Sql.of(" ON CONFLICT (segment, customer_id) DO NOTHING")));
        return joined - left;
    }

    private static int execute(Connection connection, Sql sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql.text())) {
            sql.bind(connection, statement, 1);
            return statement.executeUpdate();
        }
    }
}
