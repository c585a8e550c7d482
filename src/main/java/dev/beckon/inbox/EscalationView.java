package dev.beckon.inbox;

import dev.beckon.decision.Escalation;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * An escalation as the inbox shows it, at one moment: its state, how long it has waited, and where it
 * stands against its service level ({@code sla} is ok, breached or stopped; {@code slaLabel} says it for people).
 */
public record EscalationView(UUID id, String customerId, String reason, String priority, String queue, String status,
                             String assignee, Instant openedAt, String age, String outcome, Instant resolvedAt,
                             String resolvedBy, Instant slaDueAt, String sla, String slaLabel, Instant slaBreachedAt) {

    static EscalationView of(Escalation e, SlaState sla, Instant now) {
        return new EscalationView(e.decisionId, e.customerId, e.reason, e.priority, e.queue, e.status, e.assignee,
                e.openedAt, SlaState.human(Duration.between(e.openedAt, now)), e.outcome, e.resolvedAt, e.resolvedBy,
                sla.dueAt(), sla.state(), sla.label(), e.slaBreachedAt);
    }

    /** The outcome as people read it ("Goodwill offer"), empty while unresolved. */
    public String outcomeLabel() {
        return outcome == null ? "" : Outcome.named(outcome).map(Outcome::label).orElse(outcome);
    }

    public boolean resolved() {
        return Escalation.RESOLVED.equals(status);
    }
}
