package dev.beckon.delivery;

import io.micrometer.core.instrument.MeterRegistry;
import dev.beckon.policy.Verdict;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Duration;

/**
 * What deliveries did, at /q/metrics: attempts by channel and outcome, how long endpoints took,
 * and what was planned as suppressed. Recorded after the outcome is committed, so a lost lease
 * counts nothing here.
 */
@ApplicationScoped
public class DeliveryMetrics {

    @Inject
    MeterRegistry registry;

    /** An attempt's outcome: {@code delivered}, {@code failed} (to be retried) or {@code dead}. */
    void attempted(String channel, String outcome, long durationMillis) {
        registry.counter("beckon.deliveries.attempts", "channel", channel, "outcome", outcome).increment();
        // A histogram, so dashboards can show percentiles across replicas (docker/grafana).
        Timer.builder("beckon.deliveries.duration").description("How long one delivery attempt took")
                .tag("channel", channel).publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry).record(Duration.ofMillis(durationMillis));
    }

    void published(int messages) {
        registry.counter("beckon.deliveries.attempts", "channel", PlannedDelivery.RABBITMQ, "outcome", "delivered")
                .increment(messages);
    }

    /** Counts a planning batch once it has committed: a batch rolled back and planned again counts once. */
    void planned(@Observes(during = TransactionPhase.AFTER_SUCCESS) BatchPlanned batch) {
        batch.deliveries().forEach(this::planned);
        batch.verdicts().forEach(this::judged);
    }

    private void planned(PlannedDelivery delivery) {
        registry.counter("beckon.deliveries.planned", "channel", delivery.channel(),
                "status", delivery.suppressedBecause() == null ? "pending" : "suppressed").increment();
    }

    /** A marketing decision's verdict: {@code sent}, {@code held_out} or {@code suppressed}, and whether held for quiet hours. */
    private void judged(Verdict verdict) {
        registry.counter("beckon.decisions.verdicts", "outcome", verdict.outcome(),
                "held", String.valueOf(verdict.heldUntil() != null)).increment();
    }
}
