package dev.beckon.delivery.backlog;

import dev.beckon.platform.SqlTimes;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * Measures the delivery backlog every {@code beckon.delivery.backlog-check-interval} and keeps the
 * figures for its gauges and the health check, so neither a scrape nor a probe queries the
 * database. Each figure is read from a partial index that holds only waiting rows
 * ({@code outbox_unplanned}, {@code deliveries_due}), so it costs what is waiting, not what was
 * ever delivered.
 */
@ApplicationScoped
public class DeliveryBacklog {

    private static final Logger LOG = Logger.getLogger(DeliveryBacklog.class);
    private static final String MEASURE = """
            SELECT (SELECT count(*) FROM outbox WHERE planned_at IS NULL),
                   (SELECT created_at FROM outbox WHERE planned_at IS NULL ORDER BY id LIMIT 1),
                   (SELECT count(*) FROM deliveries WHERE status = 'pending'),
                   (SELECT min(next_attempt_at) FROM deliveries WHERE status = 'pending' AND next_attempt_at <= ?)
            """;

    @Inject
    AgroalDataSource dataSource;
    @Inject
    MeterRegistry registry;
    @Inject
    Clock clock;

    private final AtomicReference<Backlog> current = new AtomicReference<>(Backlog.UNMEASURED);

    void onStart(@Observes @Priority(50) StartupEvent event) {
        Gauge.builder("beckon.deliveries.backlog", this, b -> b.current().unplanned()).tag("stage", "unplanned")
                .description("Decision messages in the outbox waiting to be planned into deliveries").register(registry);
        Gauge.builder("beckon.deliveries.backlog", this, b -> b.current().pending()).tag("stage", "pending")
                .description("Deliveries not yet made: due, held for quiet hours, or waiting for a retry").register(registry);
        Gauge.builder("beckon.deliveries.backlog.oldest.seconds", this, b -> b.current().oldestWait().toMillis() / 1000.0)
                .description("How long the longest-waiting due message has waited to be planned or delivered")
                .register(registry);
        refresh();
    }

    @Scheduled(every = "${beckon.delivery.backlog-check-interval:15s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        try {
            current.set(measure());
        } catch (SQLException | RuntimeException e) {
            LOG.warnf("Could not measure the delivery backlog; keeping the figures of %s: %s",
                    current.get().measuredAt(), e.getMessage());
        }
    }

    /** The figures of the last measurement. */
    public Backlog current() {
        return current.get();
    }

    private Backlog measure() throws SQLException {
        Instant now = clock.instant();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(MEASURE)) {
            query.setTimestamp(1, Timestamp.from(now));
            try (ResultSet row = query.executeQuery()) {
                row.next();
                Instant oldestUnplanned = SqlTimes.instant(row.getTimestamp(2));
                Instant oldestPending = SqlTimes.instant(row.getTimestamp(4));
                return new Backlog(row.getLong(1), row.getLong(3), earliest(oldestUnplanned, oldestPending), now);
            }
        }
    }

    private static Instant earliest(Instant a, Instant b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        return a.isBefore(b) ? a : b;
    }
}
