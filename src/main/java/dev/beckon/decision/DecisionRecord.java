package dev.beckon.decision;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.UUID;

/**
 * A decision as Beckon records it: which rule of which rule-set version decided what, for which
 * event. {@code details} holds the kind's own fields (offer terms, follow-up timing, escalation reason).
 */
public record DecisionRecord(
        UUID id,
        DecisionKind kind,
        String customerId,
        String eventId,
        String rule,
        int ruleSetVersion,
        String campaign,
        Instant decidedAt,
        ObjectNode details) {
}
