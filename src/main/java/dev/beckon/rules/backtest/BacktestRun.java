package dev.beckon.rules.backtest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.beckon.decision.DecisionFactory;
import dev.beckon.event.EventEnvelope;
import dev.beckon.profile.ProfileState;
import dev.beckon.rules.CompiledRuleSet;
import dev.beckon.rules.simulation.Simulation;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One backtest in progress: the same events fed to a simulation of the draft and one of the
 * baseline, side by side. Profiles are rebuilt from the period's own events (history before the
 * period is not replayed), and follow-ups still pending at the end are run on for 30 days.
 */
final class BacktestRun {

    static final int SAMPLE = 20;
    static final Duration RUN_ON = Duration.ofDays(30);

    /** A customer whose outcome differs between the versions. */
    record Difference(String customerId, List<String> draft, List<String> baseline) {
    }

    /** What the run found. */
    record Result(long events, Instant from, Instant to, double seconds, Tally.Summary draft, Tally.Summary baseline,
                  long differingCustomers, List<Difference> sample) {
    }

    private final Simulation draft;
    private final Simulation baseline;
    private final Tally draftTally;
    private final Tally baselineTally;
    private Instant last = Instant.EPOCH;
    private final long started = System.nanoTime();

    BacktestRun(CompiledRuleSet draftRules, CompiledRuleSet baselineRules, DecisionFactory factory) {
        draftTally = new Tally(draftRules.version());
        baselineTally = new Tally(baselineRules.version());
        draft = new Simulation(draftRules, factory, ProfileState::empty, draftTally);
        baseline = new Simulation(baselineRules, factory, ProfileState::empty, baselineTally);
    }

    void feed(EventEnvelope event) {
        BigDecimal total = total(event.data());
        feed(draft, draftTally, event, total);
        feed(baseline, baselineTally, event, total);
        if (event.occurredAt().isAfter(last)) {
            last = event.occurredAt();
        }
    }

    private static void feed(Simulation simulation, Tally tally, EventEnvelope event, BigDecimal total) {
        try {
            tally.eventSeen(total);
            Simulation.Step step = simulation.feed(event);
            tally.rulesFired(step.firedRules());
        } catch (RuntimeException e) {
            tally.eventFailed();
        }
    }

    Result finish(Instant from, Instant to) {
        draft.advanceTo(last.plus(RUN_ON));
        baseline.advanceTo(last.plus(RUN_ON));
        Map<String, List<String>> ours = draftTally.perCustomer();
        Map<String, List<String>> theirs = baselineTally.perCustomer();
        Map<String, Difference> differences = new LinkedHashMap<>();
        long differing = 0;
        for (String customer : union(ours, theirs)) {
            List<String> a = ours.getOrDefault(customer, List.of());
            List<String> b = theirs.getOrDefault(customer, List.of());
            if (!Objects.equals(a, b)) {
                differing++;
                if (differences.size() < SAMPLE) {
                    differences.put(customer, new Difference(customer, a, b));
                }
            }
        }
        return new Result(draftTally.summary().events(), from, to, (System.nanoTime() - started) / 1e9,
                draftTally.summary(), baselineTally.summary(),
                differing, new ArrayList<>(differences.values()));
    }

    private static List<String> union(Map<String, ?> a, Map<String, ?> b) {
        List<String> all = new ArrayList<>(a.keySet());
        b.keySet().stream().filter(k -> !a.containsKey(k)).forEach(all::add);
        all.sort(null);
        return all;
    }

    private static BigDecimal total(ObjectNode data) {
        JsonNode total = data.has("total") ? data.get("total") : data.path("amount");
        try {
            return total.isNumber() ? total.decimalValue() : total.isTextual() ? new BigDecimal(total.asText()) : BigDecimal.ZERO;
        } catch (NumberFormatException e) {
            return BigDecimal.ZERO;
        }
    }
}
