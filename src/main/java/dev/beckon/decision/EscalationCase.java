package dev.beckon.decision;

import java.time.Instant;
import java.util.UUID;

/** An escalation waiting for a person; it stays open until someone works it. */
public record EscalationCase(UUID decisionId, String customerId, String reason, String priority, String queue,
                             Instant openedAt) {
}
