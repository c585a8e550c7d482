package dev.beckon.delivery;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * The leases this replica holds on deliveries it is sending or recording, renewed every third of a
 * lease for as long as it works on them. Without renewal a lease ran out whenever sending and
 * recording together took longer than it, even on a replica alive and well (three replicas compiling
 * a published rule set on two cores took more than ten seconds to write outcomes), and another
 * replica sent the delivery again. With it, the lease only runs out on a replica that stopped: then
 * its deliveries are sent again a lease later, as they must be.
 * <p>
 * A lease is renewed only while the delivery is still pending at the attempt this replica claimed:
 * a claim by another replica counts a new attempt, so a replica that stalled past its lease and lost
 * the delivery never takes it back.
 */
@ApplicationScoped
public class DeliveryLeases {

    private static final Logger LOG = Logger.getLogger(DeliveryLeases.class);

    /** A delivery this replica works on: the attempt it claimed, and the end of its lease as last written. */
    private record Held(int attempt, Instant until) {
    }

    @Inject
    AgroalDataSource dataSource;
    @Inject
    DeliveryStore store;
    @Inject
    DeliveryConfig config;
    @Inject
    Clock clock;

    private final Map<Long, Held> held = new ConcurrentHashMap<>();
    private final ScheduledExecutorService renewals = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "beckon-delivery-leases");
        thread.setDaemon(true);
        return thread;
    });

    @PostConstruct
    void start() {
        long period = Math.max(1, config.lease().toMillis() / 3);
        // A failed renewal is tried again a third of a lease later; the leases last until two have failed.
        renewals.scheduleWithFixedDelay(() -> renewQuietly(heldAttempts()), period, period, TimeUnit.MILLISECONDS);
    }

    /** From now until {@link #release}, the job's lease is kept alive. */
    public void hold(DeliveryJob job) {
        held.put(job.id(), new Held(job.attempt(), job.leaseUntil()));
    }

    public void release(DeliveryJob job) {
        held.remove(job.id());
    }

    /** When the job's lease ends as far as this replica knows: its claim's, or its latest renewal's. */
    public Instant until(DeliveryJob job) {
        Held current = held.get(job.id());
        return current != null && current.attempt() == job.attempt() ? current.until() : job.leaseUntil();
    }

    /**
     * Extends the leases of held jobs just claimed, before any is sent, and lets go of those no
     * longer this replica's; returns the ids it still holds. For a claim that took long enough (a
     * stalled commit, a paused process) for its lease to be nearly or wholly over: sent as it was,
     * another replica could claim and send the same delivery a moment later. A job let go of is not
     * sent now: it waits out its lease and is claimed again, late but never twice.
     */
    public Set<Long> renewBeforeSending(Collection<DeliveryJob> jobs) {
        Map<Long, Integer> attempts = new HashMap<>();
        jobs.forEach(job -> attempts.put(job.id(), job.attempt()));
        Set<Long> renewed = renewQuietly(attempts);
        jobs.stream().filter(job -> !renewed.contains(job.id())).forEach(this::release);
        return renewed;
    }

    private Map<Long, Integer> heldAttempts() {
        Map<Long, Integer> attempts = new HashMap<>();
        held.forEach((id, lease) -> attempts.put(id, lease.attempt()));
        return attempts;
    }

    /** Extends the given leases by a lease from now; returns the ids still this replica's (none when the write failed). */
    private Set<Long> renewQuietly(Map<Long, Integer> attempts) {
        if (attempts.isEmpty()) {
            return Set.of();
        }
        Instant until = clock.instant().plus(config.lease()).truncatedTo(ChronoUnit.MICROS);
        Set<Long> renewed;
        try {
            renewed = QuarkusTransaction.requiringNew().call(() -> {
                try (Connection connection = dataSource.getConnection()) {
                    return store.renewLeases(connection, attempts, until);
                }
            });
        } catch (RuntimeException e) {
            LOG.warnf("Could not renew delivery leases: %s", e.getMessage());
            return Set.of();
        }
        renewed.forEach(id -> held.computeIfPresent(id, (key, lease) -> new Held(lease.attempt(), until)));
        return renewed;
    }

    @PreDestroy
    void close() {
        renewals.shutdownNow();
    }
}
