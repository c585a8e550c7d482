package dev.beckon.rules.simulation;

import dev.beckon.decision.DecisionBatch;
import dev.beckon.decision.DecisionFactory;
import dev.beckon.decision.DecisionKind;
import dev.beckon.decision.DecisionRecord;
import dev.beckon.decision.FollowUpPlan;
import dev.beckon.event.EventEnvelope;
import dev.beckon.profile.ProfileState;
import dev.beckon.rules.CompiledRuleSet;
import dev.beckon.rules.RuleEvaluator;
import dev.beckon.rules.vocabulary.Draft;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * Runs a rule set over events in memory, on a simulated clock, the way the ingest pipeline and
 * the follow-up poller would: profiles are updated, follow-ups are cancelled, superseded and
 * fired in time order. Nothing is stored or sent. Used to try a draft on one event, to run
 * scenario tests, and to backtest over stored history.
 */
public final class Simulation {

    /** A decision the simulation made, with what became of it by the end (follow-ups only). */
    public record Outcome(DecisionRecord decision, String status, Instant closedAt, String closedBy) {
    }

    /** What one event led to. */
    public record Step(EventEnvelope event, List<String> firedRules, List<DecisionRecord> decisions) {
    }

    private final RuleEvaluator evaluator;
    private final DecisionFactory factory;
    private final Function<String, ProfileState> initialProfile;
    private final Map<String, ProfileState> profiles = new HashMap<>();
    private final Map<UUID, FollowUpPlan> pending = new LinkedHashMap<>();
    private final Map<UUID, Outcome> outcomes = new LinkedHashMap<>();
    private Instant now = Instant.EPOCH;

    /**
     * @param initialProfile the profile a customer starts from when the simulation first meets
     *                       them (a stored profile, one given by the author, or empty)
     */
    public Simulation(CompiledRuleSet rules, DecisionFactory factory, Function<String, ProfileState> initialProfile) {
        this.evaluator = new RuleEvaluator(rules);
        this.factory = factory;
        this.initialProfile = initialProfile;
    }

    /**
     * Processes one event at its occurrence time, after firing the follow-ups due by then.
     * Throws what a rule throws, as the pipeline would dead-letter the event.
     */
    public Step feed(EventEnvelope event) {
        advanceTo(event.occurredAt());
        ProfileState profile = profiles.computeIfAbsent(event.customerId(), initialProfile);
        ProfileState before = profile.copy();
        DecisionBatch batch = new DecisionBatch(pending.values().stream()
                .filter(plan -> plan.customerId().equals(event.customerId())).toList());
        RuleEvaluator.Outcome outcome;
        try {
            outcome = evaluator.evaluate(event, profile.apply(event));
        } catch (RuntimeException e) {
            profiles.put(event.customerId(), before);
            throw e;
        }
        batch.eventArrived(event.customerId(), event.type(), event.id());
        for (Draft draft : outcome.drafts()) {
            factory.add(batch, event, draft, evaluator.version(), now);
        }
        batch.closedStoredFollowUps().forEach((id, closing) -> close(id, closing.status(), closing.eventId()));
        for (DecisionRecord decision : batch.decisions()) {
            DecisionBatch.Closing closing = batch.closing(decision.id());
            if (decision.kind() == DecisionKind.FOLLOW_UP && closing == null) {
                outcomes.put(decision.id(), new Outcome(decision, "pending", null, null));
                batch.followUps().stream().filter(p -> p.decisionId().equals(decision.id()))
                        .forEach(p -> pending.put(p.decisionId(), p));
            } else if (decision.kind() == DecisionKind.FOLLOW_UP) {
                outcomes.put(decision.id(), new Outcome(decision, closing.status(), now, closing.eventId()));
            } else {
                outcomes.put(decision.id(), new Outcome(decision, decision.kind() == DecisionKind.ESCALATION ? "open" : "made",
                        null, null));
            }
        }
        return new Step(event, outcome.firedRules(), batch.decisions());
    }

    /** Moves the simulated clock forward, firing every follow-up due by then, in due order. */
    public void advanceTo(Instant time) {
        if (time.isBefore(now)) {
            return;
        }
        List<FollowUpPlan> due = pending.values().stream().filter(plan -> !plan.dueAt().isAfter(time))
                .sorted(Comparator.comparing(FollowUpPlan::dueAt)).toList();
        for (FollowUpPlan plan : due) {
            pending.remove(plan.decisionId());
            Outcome made = outcomes.get(plan.decisionId());
            outcomes.put(plan.decisionId(), new Outcome(made.decision(), "fired", plan.dueAt(), null));
        }
        now = time;
    }

    /** Every decision so far, in the order they were made, with where each stands now. */
    public List<Outcome> outcomes() {
        return new ArrayList<>(outcomes.values());
    }

    private void close(UUID followUp, String status, String eventId) {
        pending.remove(followUp);
        Outcome made = outcomes.get(followUp);
        outcomes.put(followUp, new Outcome(made.decision(), status, now, eventId));
    }
}
