package dev.beckon.delivery;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.beckon.decision.DecisionRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;

/**
 * The messages downstream systems receive on {@code beckon.decisions}. Offers and escalations
 * are published when decided; a follow-up when it fires, since that is when someone must act.
 * The format is documented in docs/events.md.
 */
@ApplicationScoped
public class DecisionMessages {

    @Inject
    ObjectMapper json;

    /** The outbox message for a just-made decision, or null for a follow-up (published when it fires). */
    public OutboxMessage decided(DecisionRecord decision) {
        return switch (decision.kind()) {
            case OFFER -> message(decision, "offer." + decision.campaign(), "decided", null);
            case ESCALATION -> message(decision, "escalation." + decision.details().path("priority").asText(),
                    "decided", null);
            case FOLLOW_UP -> null;
        };
    }

    public OutboxMessage followUpFired(DecisionRecord decision, Instant firedAt) {
        return message(decision, "followup." + decision.campaign(), "fired", firedAt);
    }

    /**
     * An escalation nobody resolved within its service level: published again, as
     * {@code escalation.sla_breached}, with the SLA it missed and its raised priority, so someone is told.
     */
    public OutboxMessage slaBreached(DecisionRecord escalation, ObjectNode sla, Instant breachedAt) {
        OutboxMessage breached = message(escalation, "escalation.sla_breached", "sla_breached", null);
        breached.payload().put("breachedAt", breachedAt.toString());
        breached.payload().set("sla", sla.deepCopy());
        return breached;
    }

    private OutboxMessage message(DecisionRecord decision, String routingKey, String status, Instant firedAt) {
        ObjectNode payload = json.createObjectNode();
        payload.put("decisionId", decision.id().toString());
        payload.put("kind", decision.kind().wireName());
        payload.put("status", status);
        payload.put("customerId", decision.customerId());
        payload.put("eventId", decision.eventId());
        payload.put("rule", decision.rule());
        payload.put("ruleSetVersion", decision.ruleSetVersion());
        if (decision.campaign() != null) {
            payload.put("campaign", decision.campaign());
        }
        payload.put("decidedAt", decision.decidedAt().toString());
        if (firedAt != null) {
            payload.put("firedAt", firedAt.toString());
        }
        payload.set("details", decision.details().deepCopy());
        return new OutboxMessage(decision.id(), OutboxMessage.DECISION, routingKey, payload);
    }
}
