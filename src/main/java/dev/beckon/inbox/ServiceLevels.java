package dev.beckon.inbox;

import dev.beckon.decision.Escalation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;

/**
 * An escalation's service level: it runs from when the escalation was opened (or last reopened)
 * for as long as its current priority allows (beckon.inbox.sla.*), and stops when it is resolved.
 * Once the SLA watch found it breached, it stays breached until the escalation is reopened.
 */
@ApplicationScoped
public class ServiceLevels {

    @Inject
    InboxConfig config;

    public Instant dueAt(Escalation escalation) {
        return escalation.slaStartedAt.plus(config.slaOf(priority(escalation)));
    }

    public SlaState at(Escalation escalation, Instant now) {
        Instant due = dueAt(escalation);
        boolean breached = escalation.slaBreachedAt != null || !now.isBefore(due);
        return new SlaState(due, breached, escalation.isResolved(), Duration.between(now, due));
    }

    /** Rules may only decide the four priorities; an unknown one in old data counts as normal. */
    static Priority priority(Escalation escalation) {
        return Priority.named(escalation.priority).orElse(Priority.normal);
    }
}
