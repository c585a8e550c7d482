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
        renewals.scheduleWithFixedDelay(this::renewQuietly, period, period, TimeUnit.MILLISECONDS);
    }

    /** From now until {@link #release}, the job's lease is kept alive. */
    public void hold(DeliveryJob job) {
        // Keeps a renewal made before sending (renewBeforeSending) rather than going back to the claim's lease.
        held.merge(job.id(), new Held(job.attempt(), job.leaseUntil()), (known, claimed) ->
                known.attempt() == claimed.attempt() && known.until().isAfter(claimed.until()) ? known : claimed);
    }

    public void release(DeliveryJob job) {
        held.remove(job.id());
    }

    /** When the job's lease ends as far as this replica knows: its claim's, or its latest renewal's. */
    public Instant until(DeliveryJob job) {
        Held current = held.get(job.id());
        return current != null && current.attempt() == job.attempt() ? current.until() : job.leaseUntil();
    }

    /** Extends every held lease by a lease from now; returns how many were still this replica's. */
    public int renew() {
        Map<Long, Integer> attempts = new HashMap<>();
        held.forEach((id, lease) -> attempts.put(id, lease.attempt()));
        return renew(attempts).size();
    }

    /**
     * Extends the leases of jobs just claimed, before any is sent; returns the ids still this
     * replica's. For a claim that took long enough (a stalled commit, a paused process) for its
     * lease to be nearly or wholly over: sent as it was, another replica could claim and send the
     * same delivery a moment later.
     */
    public Set<Long> renewBeforeSending(Collection<DeliveryJob> jobs) {
        Map<Long, Integer> attempts = new HashMap<>();
        jobs.forEach(job -> {
            attempts.put(job.id(), job.attempt());
            hold(job);
        });
        Set<Long> renewed = Set.of();
        try {
            renewed = renew(attempts);
            return renewed;
        } finally {
            for (DeliveryJob job : jobs) {
                if (!renewed.contains(job.id())) {
                    release(job);
                }
            }
        }
    }

    private Set<Long> renew(Map<Long, Integer> attempts) {
        if (attempts.isEmpty()) {
            return Set.of();
        }
        Instant until = clock.instant().plus(config.lease()).truncatedTo(ChronoUnit.MICROS);
        Set<Long> renewed = QuarkusTransaction.requiringNew().call(() -> {
            try (Connection connection = dataSource.getConnection()) {
                return store.renewLeases(connection, attempts, until);
            }
        });
        renewed.forEach(id -> held.computeIfPresent(id, (key, lease) -> new Held(lease.attempt(), until)));
        return renewed;
    }

    private void renewQuietly() {
        try {
            renew();
        } catch (RuntimeException e) {
            // The next renewal comes a third of a lease later; the leases last until two have failed.
            LOG.warnf("Could not renew delivery leases: %s", e.getMessage());
        }
    }

    @PreDestroy
    void close() {
        renewals.shutdownNow();
    }
}
