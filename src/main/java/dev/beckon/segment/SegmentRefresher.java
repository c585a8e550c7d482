package dev.beckon.segment;

import static dev.beckon.platform.SqlTimes.instant;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Keeps segments' members up to date away from the ingest path, which only ever reads them. Each
 * round takes the segments one at a time, each in a transaction of its own, with its row locked
 * FOR UPDATE SKIP LOCKED, so replicas share the segments of a round and never work one together:
 * <ul>
 * <li>a segment not evaluated in full for {@code full-refresh-every} is evaluated for everyone,
 * which is when members of a time window that has passed them leave;</li>
 * <li>any other has the customers of events received since its watermark evaluated, up to
 * {@code settle-time} ago (so a batch still committing is not passed over).</li>
 * </ul>
 */
@ApplicationScoped
public class SegmentRefresher {

    private static final Logger LOG = Logger.getLogger(SegmentRefresher.class);

    private static final String CLAIM_NEXT = """
            SELECT name, definition, refreshed_at, evaluated_through FROM segments
            WHERE name > ? ORDER BY name LIMIT 1 FOR UPDATE SKIP LOCKED
            """;
    private static final String REFRESHED = """
            UPDATE segments SET member_count = ?, refreshed_at = ?, evaluated_through = greatest(evaluated_through, ?)
            WHERE name = ?
            """;
    private static final String CAUGHT_UP = """
            UPDATE segments SET member_count = member_count + ?, evaluated_through = ? WHERE name = ?
            """;

    @Inject
    AgroalDataSource dataSource;
    @Inject
    SegmentConfig config;
    @Inject
    ObjectMapper json;
    @Inject
    Clock clock;

    @Scheduled(every = "${beckon.segments.refresh-interval:10s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            refreshDue();
        } catch (RuntimeException e) {
            LOG.warnf("Segment refresh paused: %s", e.getMessage());
        }
    }

    /** One round over all segments (those another replica is refreshing are left to it); returns how many were looked at. */
    public int refreshDue() {
        int segments = 0;
        String after = "";
        while (true) {
            String last = after;
            Optional<String> done = QuarkusTransaction.requiringNew().call(() -> refreshNext(last));
            if (done.isEmpty()) {
                return segments;
            }
            after = done.get();
            segments++;
        }
    }

    private Optional<String> refreshNext(String after) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            String name;
            SegmentDefinition definition;
            Instant refreshedAt;
            Instant evaluatedThrough;
            try (PreparedStatement claim = connection.prepareStatement(CLAIM_NEXT)) {
                claim.setString(1, after);
                try (ResultSet row = claim.executeQuery()) {
                    if (!row.next()) {
                        return Optional.empty();
                    }
                    name = row.getString(1);
                    definition = json.readValue(row.getString(2), SegmentDefinition.class);
                    refreshedAt = instant(row.getTimestamp(3));
                    evaluatedThrough = instant(row.getTimestamp(4));
                }
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException("A stored segment definition is not JSON", e);
            }
            Instant now = clock.instant();
            Instant settled = now.minus(config.settleTime());
            if (refreshedAt == null || evaluatedThrough == null || !refreshedAt.isAfter(now.minus(config.fullRefreshEvery()))) {
                int members = SegmentEvaluator.everyone(connection, name, definition, now);
                update(connection, REFRESHED, members, now, settled, name);
            } else if (evaluatedThrough.isBefore(settled)) {
                int change = SegmentEvaluator.receivedBetween(connection, name, definition, now, evaluatedThrough, settled);
                update(connection, CAUGHT_UP, change, settled, name);
            }
            return Optional.of(name);
        }
    }

    private static void update(Connection connection, String sql, Object... values) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i] instanceof Instant at ? Timestamp.from(at) : values[i]);
            }
            statement.executeUpdate();
        }
    }
}
