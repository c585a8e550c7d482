package dev.beckon.decision;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** The schedule of a follow-up decision: when it fires, and which event types call it off. */
public record FollowUpPlan(
        UUID decisionId,
        String customerId,
        String campaign,
        Instant dueAt,
        String message,
        Set<String> cancelOn,
        ObjectNode offer) {
}
