package dev.beckon.delivery;

import dev.beckon.broker.Broker;
import dev.beckon.ingest.BatchCommitted;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Plans and sends a batch's decisions right after it commits, instead of at the next scheduled
 * tick (the scheduler's ticks are a second apart). The work runs on a thread of its own, and wake-ups
 * that arrive while it runs are folded into one more round, so ingestion never waits for it.
 */
@ApplicationScoped
public class DeliveryWakeUp {

    private static final Logger LOG = Logger.getLogger(DeliveryWakeUp.class);
    static final long ROUND_GAP_MILLIS = 100;

    @Inject
    DeliveryPlanner planner;
    @Inject
    DecisionPublisher publisher;
    @Inject
    DeliveryDispatcher dispatcher;
    @Inject
    Broker broker;

    private final AtomicBoolean wanted = new AtomicBoolean();
    private final AtomicBoolean running = new AtomicBoolean();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "beckon-delivery-wake-up");
        thread.setDaemon(true);
        return thread;
    });

    void batchCommitted(@Observes BatchCommitted batch) {
        boolean decided = batch.outcomes().stream().map(outcome -> outcome.decisions())
                .filter(Objects::nonNull).anyMatch(decisions -> decisions > 0);
        if (decided) {
            wanted.set(true);
            if (running.compareAndSet(false, true)) {
                worker.execute(this::drain);
            }
        }
    }

    private void drain() {
        try {
            while (wanted.getAndSet(false)) {
                planner.planPending();
                if (broker.isConfigured()) {
                    publisher.publishPending();
                }
                dispatcher.dispatchDue();
                // Under a stream of batches, rounds at most this often: each plans what several batches
                // decided in one transaction, rather than competing with ingestion batch for batch.
                Thread.sleep(ROUND_GAP_MILLIS);
            }
        } catch (RuntimeException e) {
            LOG.debugf("Delivery after a commit failed; the scheduled round will retry: %s", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            running.set(false);
            if (wanted.get() && running.compareAndSet(false, true)) {
                worker.execute(this::drain);
            }
        }
    }

    @PreDestroy
    void close() {
        worker.shutdownNow();
    }
}
