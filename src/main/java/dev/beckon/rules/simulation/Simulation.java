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
import java.util.PriorityQueue;
import java.util.UUID;
import java.util.function.Function;

/**
 * Runs a rule set over events in memory, on a simulated clock, the way the ingest pipeline and
 * the follow-up poller would: profiles are updated, follow-ups are cancelled, superseded and
 * fired in time order. Nothing is stored or sent. Used to try a draft on one event, to run
 * scenario tests, and to backtest over stored history.
 *
 * <p>What happens is told to an {@link Observer} as it happens; only pending follow-ups are kept,
 * so a backtest over millions of events holds the profiles and little else.
 */
public final class Simulation {

    /** A decision the simulation made, with what became of it (follow-ups only change after being made). */
    public record Outcome(DecisionRecord decision, String status, Instant closedAt, String closedBy) {
    }

    /** What one event led to. */
    public record Step(EventEnvelope event, List<String> firedRules, List<DecisionRecord> decisions) {
    }

    /** Told of every decision when it is made, and again whenever a follow-up's status changes. */
    public interface Observer {
        void changed(Outcome outcome);
    }

    /** Keeps every decision with its latest status, in the order they were made: for small runs. */
    public static final class Recorder implements Observer {
        private final Map<UUID, Outcome> outcomes = new LinkedHashMap<>();

        @Override
        public void changed(Outcome outcome) {
            outcomes.put(outcome.decision().id(), outcome);
        }

        public List<Outcome> outcomes() {
            return new ArrayList<>(outcomes.values());
        }
    }

    private final RuleEvaluator evaluator;
    private final DecisionFactory factory;
    private final Function<String, ProfileState> initialProfile;
    private final Observer observer;
    private final Map<String, ProfileState> profiles = new HashMap<>();
    /** Pending follow-ups by customer, for the batch of each event, and by due time, for firing. */
    private final Map<String, Map<UUID, FollowUpPlan>> pendingByCustomer = new HashMap<>();
    private final PriorityQueue<FollowUpPlan> dueOrder = new PriorityQueue<>(Comparator.comparing(FollowUpPlan::dueAt));
    private final Map<UUID, DecisionRecord> pendingDecisions = new HashMap<>();
    private Instant now = Instant.EPOCH;

    /**
     * @param initialProfile the profile a customer starts from when the simulation first meets
     *                       them (a stored profile, one given by the author, or empty)
     */
    public Simulation(CompiledRuleSet rules, DecisionFactory factory, Function<String, ProfileState> initialProfile,
                      Observer observer) {
        this.evaluator = new RuleEvaluator(rules);
        this.factory = factory;
        this.initialProfile = initialProfile;
        this.observer = observer;
    }

    /**
     * Processes one event at its occurrence time, after firing the follow-ups due by then.
     * Throws what a rule throws, as the pipeline would dead-letter the event.
     */
    public Step feed(EventEnvelope event) {
        advanceTo(event.occurredAt());
        ProfileState profile = profiles.computeIfAbsent(event.customerId(), initialProfile);
        ProfileState before = profile.copy();
        DecisionBatch batch = new DecisionBatch(List.copyOf(
                pendingByCustomer.getOrDefault(event.customerId(), Map.of()).values()));
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
                batch.followUps().stream().filter(p -> p.decisionId().equals(decision.id())).forEach(p -> {
                    pendingByCustomer.computeIfAbsent(p.customerId(), c -> new LinkedHashMap<>()).put(p.decisionId(), p);
                    dueOrder.add(p);
                    pendingDecisions.put(p.decisionId(), decision);
                });
                observer.changed(new Outcome(decision, "pending", null, null));
            } else if (decision.kind() == DecisionKind.FOLLOW_UP) {
                observer.changed(new Outcome(decision, closing.status(), now, closing.eventId()));
            } else {
                observer.changed(new Outcome(decision, decision.kind() == DecisionKind.ESCALATION ? "open" : "made", null, null));
            }
        }
        return new Step(event, outcome.firedRules(), batch.decisions());
    }

    /** Moves the simulated clock forward, firing every follow-up due by then, in due order. */
    public void advanceTo(Instant time) {
        if (time.isBefore(now)) {
            return;
        }
        while (!dueOrder.isEmpty() && !dueOrder.peek().dueAt().isAfter(time)) {
            FollowUpPlan plan = dueOrder.poll();
            DecisionRecord decision = pendingDecisions.remove(plan.decisionId());
            if (decision != null) { // not called off meanwhile
                forget(plan.customerId(), plan.decisionId());
                observer.changed(new Outcome(decision, "fired", plan.dueAt(), null));
            }
        }
        now = time;
    }

    private void close(UUID followUp, String status, String eventId) {
        DecisionRecord decision = pendingDecisions.remove(followUp);
        forget(decision.customerId(), followUp);
        observer.changed(new Outcome(decision, status, now, eventId));
    }

    private void forget(String customerId, UUID followUp) {
        Map<UUID, FollowUpPlan> plans = pendingByCustomer.get(customerId);
        if (plans != null) {
            plans.remove(followUp);
            if (plans.isEmpty()) {
                pendingByCustomer.remove(customerId);
            }
        }
    }
}
