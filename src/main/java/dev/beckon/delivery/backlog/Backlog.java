package dev.beckon.delivery.backlog;

import java.time.Duration;
import java.time.Instant;

/**
 * Delivery work not yet done, as measured at {@code measuredAt}: decision messages in the outbox
 * waiting to be planned, deliveries pending (due, held for quiet hours, or waiting to be retried),
 * and since when the longest-waiting of those that are due has been due ({@code oldestDue}, null
 * when nothing is due).
 */
public record Backlog(long unplanned, long pending, Instant oldestDue, Instant measuredAt) {

    /** Before the first measurement. */
    static final Backlog UNMEASURED = new Backlog(0, 0, null, null);

    public long total() {
        return unplanned + pending;
    }

    public boolean measured() {
        return measuredAt != null;
    }

    /** How long the longest-waiting due message had waited when measured; zero when none was due. */
    public Duration oldestWait() {
        if (oldestDue == null || measuredAt == null || oldestDue.isAfter(measuredAt)) {
            return Duration.ZERO;
        }
        return Duration.between(oldestDue, measuredAt);
    }
}
