package dev.beckon.delivery;

import dev.beckon.platform.Backoff;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Writes the outcomes of delivery attempts, as many as are waiting in one transaction. One commit
 * per outcome fell behind under load: with an endpoint answering 280 requests a second while the
 * database was busy, outcomes waited past their lease, and the deliveries were sent again although
 * the endpoint had taken them (the fault suite's bad-input run at 1,000 events/s). A batch whose
 * write keeps failing is retried until its earliest lease ends, then each outcome on its own until
 * its own lease ends ({@link LeaseBoundRetry}).
 */
@ApplicationScoped
public class OutcomeRecorder {

    private static final Logger LOG = Logger.getLogger(OutcomeRecorder.class);
    static final int MAX_BATCH = 200;

    /** An attempt's outcome and when to try again (null: delivered, or dead). */
    public record Outcome(DeliveryJob job, AttemptResult result, Instant nextAttempt) {
    }

    private record Waiting(Outcome outcome, CompletableFuture<Boolean> recorded) {
    }

    @Inject
    AgroalDataSource dataSource;
    @Inject
    DeliveryStore store;
    @Inject
    DeliveryMetrics metrics;
    @Inject
    DeliveryLeases leases;
    @Inject
    Clock clock;

    private final BlockingQueue<Waiting> waiting = new LinkedBlockingQueue<>();
    private final ExecutorService writers = Executors.newFixedThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "beckon-delivery-recorder");
        thread.setDaemon(true);
        return thread;
    });

    /** Queues the outcome; the future says whether it was recorded (false: another replica had claimed it since). */
    public CompletableFuture<Boolean> record(Outcome outcome) {
        Waiting entry = new Waiting(outcome, new CompletableFuture<>());
        waiting.add(entry);
        writers.execute(this::writeWaiting);
        return entry.recorded();
    }

    private void writeWaiting() {
        List<Waiting> batch = new ArrayList<>();
        waiting.drainTo(batch, MAX_BATCH);
        if (!batch.isEmpty()) {
            write(batch);
        }
    }

    private void write(List<Waiting> batch) {
        List<Outcome> outcomes = batch.stream().map(Waiting::outcome).toList();
        // Renewal goes on while the write is retried, if the database lets it: the deadline moves with it.
        Supplier<Instant> earliestLease = () -> outcomes.stream().map(o -> leases.until(o.job()))
                .min(Comparator.naturalOrder()).orElseThrow();
        boolean[] recorded;
        try {
            recorded = LeaseBoundRetry.call(() -> QuarkusTransaction.requiringNew().call(() -> {
                try (Connection connection = dataSource.getConnection()) {
                    return store.recordOutcomes(connection, outcomes, clock.instant());
                }
            }), earliestLease, clock, new Backoff(Duration.ofMillis(100), Duration.ofSeconds(2)));
        } catch (RuntimeException e) {
            if (batch.size() > 1) {
                batch.forEach(one -> write(List.of(one)));
            } else {
                batch.get(0).recorded().completeExceptionally(e);
            }
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            afterwards(outcomes.get(i), recorded[i]);
            batch.get(i).recorded().complete(recorded[i]);
        }
    }

    private void afterwards(Outcome outcome, boolean recorded) {
        DeliveryJob job = outcome.job();
        AttemptResult result = outcome.result();
        if (!recorded) {
            LOG.warnf("Delivery %d was claimed again before its outcome was recorded (its lease ran out): it was or will be sent again",
                    job.id());
            return;
        }
        metrics.attempted(job.channel(), result.succeeded() ? "delivered" : outcome.nextAttempt() == null ? "dead" : "failed",
                result.durationMillis());
        if (!result.succeeded() && outcome.nextAttempt() == null) {
            LOG.warnf("Delivery %d (%s to %s) is dead after %d attempts: %s", job.id(), job.channel(),
                    job.channel().equals(PlannedDelivery.EMAIL) ? "an address" : job.target(), job.attempt(), result.error());
        }
    }

    @PreDestroy
    void close() {
        writers.shutdownNow();
    }
}
