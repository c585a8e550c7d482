package dev.beckon.faults;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Waits until the run has settled before it is checked: every event sent is stored, no follow-up
 * of the run is pending (all were due well before), the outbox is planned and no delivery is
 * pending, and the endpoint got nothing new for a moment. When something is lost the run never
 * gets there: once nothing moved for {@code quiet}, it is checked as it stands and the check says
 * what is missing.
 */
final class Settlement {

    private static final String PROGRESS = """
            SELECT (SELECT count(*) FROM events WHERE customer_id LIKE ?),
                   (SELECT count(*) FROM follow_ups WHERE customer_id LIKE ? AND status = 'pending'),
                   (SELECT count(*) FROM outbox WHERE planned_at IS NULL),
                   (SELECT count(*) FROM deliveries WHERE status = 'pending')
            """;

    private Settlement() {
    }

    /** How settling ended: how long it took, and the last counts seen. */
    record Settled(Duration took, boolean complete, List<Long> counts) {
        String describe() {
            return (complete ? "settled" : "stopped moving") + " in " + took.toSeconds() + " s (events stored, follow-ups "
                    + "pending, outbox unplanned, deliveries pending, endpoint requests: " + counts + ")";
        }
    }

    static Settled await(FaultRig rig, String run, long expectedEvents, Duration quiet, Instant deadline)
            throws InterruptedException {
        Instant started = Instant.now();
        String customers = run + "-c%";
        List<Long> last = null;
        Instant lastChange = Instant.now();
        Instant nextReport = Instant.now().plusSeconds(10);
        while (true) {
            List<Long> now;
            try {
                long[] p = progress(rig, customers);
                now = List.of(p[0], p[1], p[2], p[3], (long) rig.receiver.receipts().size());
            } catch (SQLException e) {
                now = last; // the database is coming back: wait
            }
            if (now != null && !now.equals(last)) {
                last = now;
                lastChange = Instant.now();
            }
            boolean done = last != null && last.get(0) == expectedEvents && last.get(1) == 0 && last.get(2) == 0
                    && last.get(3) == 0;
            Duration still = Duration.between(lastChange, Instant.now());
            if ((done && still.toMillis() >= 2_000) || still.compareTo(quiet) >= 0) {
                return new Settled(Duration.between(started, Instant.now()), done, last);
            }
            if (Instant.now().isAfter(deadline)) {
                throw new ScenarioTimeout("waiting for Beckon to settle (events, follow-ups, outbox, deliveries: " + last + ")");
            }
            if (Instant.now().isAfter(nextReport)) {
                System.out.println("  settling " + run + ": " + last);
                nextReport = Instant.now().plusSeconds(10);
            }
            Thread.sleep(500);
        }
    }

    private static long[] progress(FaultRig rig, String customers) throws SQLException {
        try (Connection db = rig.db(); PreparedStatement statement = db.prepareStatement(PROGRESS)) {
            statement.setString(1, customers);
            statement.setString(2, customers);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return new long[] {row.getLong(1), row.getLong(2), row.getLong(3), row.getLong(4)};
            }
        }
    }
}
