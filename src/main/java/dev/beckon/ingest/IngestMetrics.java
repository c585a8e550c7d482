package dev.beckon.ingest;

import dev.beckon.decision.DecisionRecord;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Counts what committed batches did (exposed at /q/metrics). Recorded after the commit, so a
 * rolled-back batch counts nothing and a retried one counts once.
 */
@ApplicationScoped
public class IngestMetrics {

    @Inject
    MeterRegistry registry;
    @Inject
    Clock clock;

    private Timer latency;

    Timer latency() {
        if (latency == null) {
            latency = Timer.builder("beckon.events.latency")
                    .description("From receipt of an event to the commit of what it caused")
                    .publishPercentileHistogram()
                    .minimumExpectedValue(Duration.ofMillis(1))
                    .maximumExpectedValue(Duration.ofSeconds(30))
                    .register(registry);
        }
        return latency;
    }

    void committed(List<Incoming> batch, IngestPipeline.Committed committed) {
        Instant now = Instant.now(clock);
        List<EventOutcome> outcomes = committed.result().outcomes();
        for (int i = 0; i < outcomes.size(); i++) {
            Incoming incoming = batch.get(i);
            EventOutcome outcome = outcomes.get(i);
            switch (outcome.status()) {
                case accepted -> {
                    String source = incoming.event().source() == null ? "none" : incoming.event().source();
                    counter("beckon.events.received", "channel", incoming.channel(), "source", source,
                            "type", incoming.event().type()).increment();
                    latency().record(Duration.between(incoming.receivedAt(), now).abs());
                }
                case duplicate -> counter("beckon.events.duplicates", "channel", incoming.channel()).increment();
                case rejected -> counter("beckon.dead.letters", "channel", incoming.channel()).increment();
                case erased -> counter("beckon.events.erased.customers", "channel", incoming.channel()).increment();
            }
        }
        for (DecisionRecord decision : committed.decisions()) {
            counter("beckon.decisions", "kind", decision.kind().wireName()).increment();
        }
        for (String rule : committed.firedRules()) {
            counter("beckon.rule.firings", "rule", rule).increment();
        }
    }

    private Counter counter(String name, String... tags) {
        return registry.counter(name, tags);
    }
}
