package dev.beckon.delivery;

import dev.beckon.broker.Broker;
import dev.beckon.ingest.BatchCommitted;
import dev.beckon.platform.CoalescingRunner;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Objects;

/**
 * Plans and sends a batch's decisions right after it commits, instead of at the next scheduled
 * tick (the scheduler's ticks are a second apart). The work runs on a thread of its own, and wake-ups
 * that arrive while it runs are folded into one more round, so ingestion never waits for it.
 */
@ApplicationScoped
public class DeliveryWakeUp {

    static final long ROUND_GAP_MILLIS = 100;

    @Inject
    DeliveryPlanner planner;
    @Inject
    DecisionPublisher publisher;
    @Inject
    DeliveryDispatcher dispatcher;
    @Inject
    Broker broker;

    // Under a stream of batches, rounds at most every ROUND_GAP: each plans what several batches decided
    // in one transaction, rather than competing with ingestion batch for batch.
    private final CoalescingRunner rounds =
            new CoalescingRunner("beckon-delivery-wake-up", Duration.ofMillis(ROUND_GAP_MILLIS), this::round);

    void batchCommitted(@Observes BatchCommitted batch) {
        boolean decided = batch.outcomes().stream().map(outcome -> outcome.decisions())
                .filter(Objects::nonNull).anyMatch(decisions -> decisions > 0);
        if (decided) {
            rounds.request();
        }
    }

    private void round() {
        planner.planPending();
        if (broker.isConfigured()) {
            publisher.publishPending();
        }
        dispatcher.requestRound();
    }

    @PreDestroy
    void close() {
        rounds.close();
    }
}
