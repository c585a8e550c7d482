package dev.beckon.decision;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Everything one ingest batch decided, kept in memory until the batch is written. It starts from
 * the follow-ups the batch's customers had pending, so calling them off — by a cancelling event,
 * or by a newer follow-up of the same campaign — happens here, in event order, and only the
 * follow-ups actually closed are written.
 */
public final class DecisionBatch {

    /** Why and by which event a follow-up stopped being pending. */
    public record Closing(String status, String eventId) {
    }

    private final List<DecisionRecord> decisions = new ArrayList<>();
    private final List<FollowUpPlan> newFollowUps = new ArrayList<>();
    private final List<EscalationCase> escalations = new ArrayList<>();
    private final Map<String, Map<UUID, FollowUpPlan>> pendingByCustomer = new HashMap<>();
    private final Set<UUID> stored = new HashSet<>();
    private final Map<UUID, Closing> closed = new LinkedHashMap<>();

    /** @param storedPending the follow-ups the batch's customers have pending in the database */
    public DecisionBatch(Collection<FollowUpPlan> storedPending) {
        for (FollowUpPlan plan : storedPending) {
            stored.add(plan.decisionId());
            pending(plan.customerId()).put(plan.decisionId(), plan);
        }
    }

    /** An event arrived: it calls off the customer's pending follow-ups that name its type. */
    public void eventArrived(String customerId, String eventType, String eventId) {
        close(customerId, plan -> plan.cancelOn().contains(eventType), new Closing("cancelled", eventId));
    }

    public void offer(DecisionRecord record) {
        decisions.add(record);
    }

    /** A newer follow-up of a campaign replaces the customer's pending one of that campaign. */
    public void followUp(DecisionRecord record, FollowUpPlan plan) {
        close(plan.customerId(), old -> old.campaign().equals(plan.campaign()), new Closing("superseded", record.eventId()));
        decisions.add(record);
        newFollowUps.add(plan);
        pending(plan.customerId()).put(plan.decisionId(), plan);
    }

    public void escalation(DecisionRecord record, EscalationCase escalation) {
        decisions.add(record);
        escalations.add(escalation);
    }

    public List<DecisionRecord> decisions() {
        return decisions;
    }

    /** Follow-ups decided in this batch; {@link #closing(UUID)} says whether one was called off already. */
    public List<FollowUpPlan> followUps() {
        return newFollowUps;
    }

    public Closing closing(UUID followUp) {
        return closed.get(followUp);
    }

    /** Follow-ups stored by earlier batches that this batch called off. */
    public Map<UUID, Closing> closedStoredFollowUps() {
        Map<UUID, Closing> result = new LinkedHashMap<>();
        closed.forEach((id, closing) -> {
            if (stored.contains(id)) {
                result.put(id, closing);
            }
        });
        return result;
    }

    public List<EscalationCase> escalations() {
        return escalations;
    }

    private void close(String customerId, Predicate<FollowUpPlan> matches, Closing closing) {
        Map<UUID, FollowUpPlan> plans = pendingByCustomer.get(customerId);
        if (plans == null) {
            return;
        }
        for (Iterator<FollowUpPlan> it = plans.values().iterator(); it.hasNext(); ) {
            FollowUpPlan plan = it.next();
            if (matches.test(plan)) {
                closed.put(plan.decisionId(), closing);
                it.remove();
            }
        }
    }

    private Map<UUID, FollowUpPlan> pending(String customerId) {
        return pendingByCustomer.computeIfAbsent(customerId, id -> new LinkedHashMap<>());
    }
}
