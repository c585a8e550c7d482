package dev.beckon.decision;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Everything one ingest batch decided, kept in memory until the batch is written. Follow-ups
 * decided and called off within the same batch never reach the database as pending; follow-ups
 * stored by earlier batches are called off by the {@link FollowUpClosing}s written first.
 */
public final class DecisionBatch {

    /** A change to follow-ups that were pending before this batch. */
    public record FollowUpClosing(String customerId, String eventType, String campaign, String eventId,
                                  String status, UUID replacedBy) {
    }

    private final List<DecisionRecord> decisions = new ArrayList<>();
    private final Map<UUID, FollowUpPlan> pendingFollowUps = new LinkedHashMap<>();
    private final Map<UUID, String> closedInBatch = new LinkedHashMap<>();
    private final List<FollowUpPlan> followUps = new ArrayList<>();
    private final List<EscalationCase> escalations = new ArrayList<>();
    private final List<FollowUpClosing> closings = new ArrayList<>();

    /** An event arrived: it calls off the customer's pending follow-ups that name its type. */
    public void eventArrived(String customerId, String eventType, String eventId) {
        pendingFollowUps.values().removeIf(plan -> {
            boolean cancelled = plan.customerId().equals(customerId) && plan.cancelOn().contains(eventType);
            if (cancelled) {
                closedInBatch.put(plan.decisionId(), "cancelled:" + eventId);
            }
            return cancelled;
        });
        closings.add(new FollowUpClosing(customerId, eventType, null, eventId, "cancelled", null));
    }

    public void offer(DecisionRecord record) {
        decisions.add(record);
    }

    /** A newer follow-up of a campaign replaces the customer's pending one of that campaign. */
    public void followUp(DecisionRecord record, FollowUpPlan plan) {
        pendingFollowUps.values().removeIf(old -> {
            boolean replaced = old.customerId().equals(plan.customerId()) && old.campaign().equals(plan.campaign());
            if (replaced) {
                closedInBatch.put(old.decisionId(), "superseded:" + record.eventId());
            }
            return replaced;
        });
        closings.add(new FollowUpClosing(plan.customerId(), null, plan.campaign(), record.eventId(), "superseded",
                plan.decisionId()));
        decisions.add(record);
        followUps.add(plan);
        pendingFollowUps.put(plan.decisionId(), plan);
    }

    public void escalation(DecisionRecord record, EscalationCase escalation) {
        decisions.add(record);
        escalations.add(escalation);
    }

    public List<DecisionRecord> decisions() {
        return decisions;
    }

    public List<FollowUpPlan> followUps() {
        return followUps;
    }

    /** "cancelled:&lt;event id&gt;" or "superseded:&lt;event id&gt;" for follow-ups closed before they were stored. */
    public Map<UUID, String> closedInBatch() {
        return closedInBatch;
    }

    public List<EscalationCase> escalations() {
        return escalations;
    }

    public List<FollowUpClosing> closings() {
        return closings;
    }

    public boolean isEmpty() {
        return decisions.isEmpty() && closings.isEmpty();
    }
}
