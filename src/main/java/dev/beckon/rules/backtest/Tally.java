package dev.beckon.rules.backtest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.beckon.decision.DecisionKind;
import dev.beckon.decision.DecisionRecord;
import dev.beckon.rules.simulation.Simulation;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * What one version decided over a backtest: counts per kind and rule, offers and their estimated
 * discount value, escalations per day, and each customer's decisions for comparing versions.
 */
final class Tally implements Simulation.Observer {

    /** A rule's firings and decisions. */
    record RuleCount(long fired, long decided) {
    }

    /** The summary shown for one version. */
    record Summary(int version, long events, long failedEvents, Map<String, Long> decisions, Map<String, RuleCount> rules,
                   long offers, BigDecimal discountValue, Map<String, Long> escalationsPerDay) {
    }

    private final int version;
    private long events;
    private long failedEvents;
    private final Map<String, Long> byKind = new TreeMap<>();
    private final Map<String, long[]> byRule = new TreeMap<>();
    private final Map<String, Long> escalationsPerDay = new TreeMap<>();
    private long offers;
    private BigDecimal discountValue = BigDecimal.ZERO;
    private final Map<UUID, BigDecimal> pendingFollowUps = new HashMap<>();
    private final Map<String, List<String>> perCustomer = new HashMap<>();
    private BigDecimal currentEventTotal = BigDecimal.ZERO;

    Tally(int version) {
        this.version = version;
    }

    /** Called before the event is fed, so offers it leads to are valued against its total. */
    void eventSeen(BigDecimal eventTotal) {
        events++;
        currentEventTotal = eventTotal;
    }

    void rulesFired(List<String> firedRules) {
        firedRules.forEach(rule -> byRule.computeIfAbsent(rule, r -> new long[2])[0]++);
    }

    /** A rule threw on the event: the pipeline would have dead-lettered it. */
    void eventFailed() {
        failedEvents++;
    }

    /**
     * The first time a decision is told it was just made (pending, made, open, or already called
     * off in its own batch); a pending follow-up is told again when it fires or is called off.
     */
    @Override
    public void changed(Simulation.Outcome outcome) {
        DecisionRecord d = outcome.decision();
        if (d.kind() == DecisionKind.FOLLOW_UP && pendingFollowUps.containsKey(d.id())) {
            BigDecimal offerValue = pendingFollowUps.remove(d.id());
            if ("fired".equals(outcome.status()) && offerValue != null && offerValue.signum() >= 0) {
                offers++;
                discountValue = discountValue.add(offerValue);
            }
            return;
        }
        made(d);
        if (d.kind() == DecisionKind.FOLLOW_UP && "pending".equals(outcome.status())) {
            // A follow-up's offer counts when it fires; -1 marks a follow-up without one.
            pendingFollowUps.put(d.id(), d.details().has("offer") ? value(d.details().get("offer")) : BigDecimal.ONE.negate());
        }
    }

    private void made(DecisionRecord d) {
        byKind.merge(d.kind().wireName(), 1L, Long::sum);
        byRule.computeIfAbsent(d.rule(), r -> new long[2])[1]++;
        String label = d.kind().wireName() + " " + (d.campaign() != null ? d.campaign() : d.details().path("priority").asText());
        perCustomer.computeIfAbsent(d.customerId(), c -> new ArrayList<>()).add(label);
        if (d.kind() == DecisionKind.OFFER) {
            offers++;
            discountValue = discountValue.add(value(d.details()));
        } else if (d.kind() == DecisionKind.ESCALATION) {
            escalationsPerDay.merge(d.decidedAt().atOffset(ZoneOffset.UTC).toLocalDate().toString(), 1L, Long::sum);
        }
    }

    /** An amount off counts as it is; a percentage is taken of the triggering event's total, when it has one. */
    private BigDecimal value(JsonNode offer) {
        if (offer.has("amountOff")) {
            return offer.get("amountOff").decimalValue();
        }
        if (offer.has("percentOff")) {
            return currentEventTotal.multiply(offer.get("percentOff").decimalValue())
                    .divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
        }
        return BigDecimal.ZERO;
    }

    Map<String, List<String>> perCustomer() {
        return perCustomer;
    }

    Summary summary() {
        Map<String, RuleCount> rules = new TreeMap<>();
        byRule.forEach((rule, counts) -> rules.put(rule, new RuleCount(counts[0], counts[1])));
        return new Summary(version, events, failedEvents, byKind, rules, offers,
                discountValue.setScale(2, RoundingMode.HALF_UP), escalationsPerDay);
    }
}
