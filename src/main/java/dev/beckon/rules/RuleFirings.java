package dev.beckon.rules;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts rule firings and decisions per rule and hour, written with the batch that caused them,
 * so the statistics agree with what was committed.
 */
@ApplicationScoped
public class RuleFirings {

    /** A rule's counts over the last day and week, and when it last fired. */
    public record Stats(long fired24h, long fired7d, long decisions24h, long decisions7d, Instant lastFired) {
        static final Stats NONE = new Stats(0, 0, 0, 0, null);
    }

    /** One hour of one rule. */
    public record Hour(Instant hour, long firings, long decisions) {
    }

    private static final String UPSERT = """
            INSERT INTO rule_firings (rule_name, hour, firings, decisions, last_fired_at) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (rule_name, hour) DO UPDATE SET
                firings = rule_firings.firings + EXCLUDED.firings,
                decisions = rule_firings.decisions + EXCLUDED.decisions,
                last_fired_at = greatest(rule_firings.last_fired_at, EXCLUDED.last_fired_at)
            """;

    @Inject
    AgroalDataSource dataSource;

    /** Adds a batch's counts: {@code fired} names a rule once per firing, {@code decided} once per decision. */
    public void add(Connection connection, List<String> fired, List<String> decided, Instant now) throws SQLException {
        if (fired.isEmpty()) {
            return;
        }
        // Sorted, so two batches touching the same rules lock their rows in the same order.
        Map<String, long[]> counts = new TreeMap<>();
        fired.forEach(rule -> counts.computeIfAbsent(rule, r -> new long[2])[0]++);
        decided.forEach(rule -> counts.computeIfAbsent(rule, r -> new long[2])[1]++);
        Timestamp hour = Timestamp.from(now.truncatedTo(ChronoUnit.HOURS));
        try (PreparedStatement statement = connection.prepareStatement(UPSERT)) {
            for (Map.Entry<String, long[]> rule : counts.entrySet()) {
                statement.setString(1, rule.getKey());
                statement.setTimestamp(2, hour);
                statement.setLong(3, rule.getValue()[0]);
                statement.setLong(4, rule.getValue()[1]);
                statement.setTimestamp(5, Timestamp.from(now));
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    public Map<String, Stats> stats(Instant now) {
        Map<String, Stats> stats = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("""
                     SELECT rule_name,
                            sum(firings) FILTER (WHERE hour >= ?), sum(firings),
                            sum(decisions) FILTER (WHERE hour >= ?), sum(decisions), max(last_fired_at)
                     FROM rule_firings WHERE hour >= ? GROUP BY rule_name
                     """)) {
            Instant day = now.minus(Duration.ofHours(24)).truncatedTo(ChronoUnit.HOURS);
            query.setTimestamp(1, Timestamp.from(day));
            query.setTimestamp(2, Timestamp.from(day));
            query.setTimestamp(3, Timestamp.from(now.minus(Duration.ofDays(7)).truncatedTo(ChronoUnit.HOURS)));
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    stats.put(row.getString(1), new Stats(row.getLong(2), row.getLong(3), row.getLong(4), row.getLong(5),
                            row.getTimestamp(6).toInstant()));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read rule statistics", e);
        }
        return stats;
    }

    public Stats statsOf(String rule, Map<String, Stats> all) {
        return all.getOrDefault(rule, Stats.NONE);
    }

    /** A rule's firings hour by hour over the last {@code days} days (hours without firings left out). */
    public List<Hour> series(String rule, int days, Instant now) {
        List<Hour> hours = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT hour, firings, decisions FROM rule_firings WHERE rule_name = ? AND hour >= ? ORDER BY hour")) {
            query.setString(1, rule);
            query.setTimestamp(2, Timestamp.from(now.minus(Duration.ofDays(days)).truncatedTo(ChronoUnit.HOURS)));
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    hours.add(new Hour(row.getTimestamp(1).toInstant(), row.getLong(2), row.getLong(3)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read rule statistics", e);
        }
        return hours;
    }
}
