package dev.beckon.decision;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.beckon.event.EventEnvelope;
import dev.beckon.rules.vocabulary.Draft;
import dev.beckon.rules.vocabulary.EscalationDraft;
import dev.beckon.rules.vocabulary.FollowUpDraft;
import dev.beckon.rules.vocabulary.OfferDraft;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.UUID;

/** Turns what a rule stated into the records Beckon stores. */
@ApplicationScoped
public class DecisionFactory {

    private final ObjectMapper json;

    @Inject
    public DecisionFactory(ObjectMapper json) {
        this.json = json;
    }

    public void add(DecisionBatch batch, EventEnvelope event, Draft draft, int ruleSetVersion, Instant now) {
        UUID id = UUID.randomUUID();
        ObjectNode details = json.createObjectNode();
        if (draft instanceof OfferDraft offer) {
            offerTerms(details, offer.percentOffValue(), offer.amountOffValue(), offer.codeValue());
            details.put("channel", offer.channelValue());
            details.put("message", offer.messageValue());
            details.put("expiresAt", now.plus(offer.validity()).toString());
            batch.offer(record(id, DecisionKind.OFFER, event, draft, ruleSetVersion, offer.campaign(), now, details));
        } else if (draft instanceof FollowUpDraft followUp) {
            Instant due = event.occurredAt().plus(followUp.delay());
            ObjectNode offer = null;
            if (followUp.offerPercentOff() != null || followUp.offerAmountOff() != null) {
                offer = offerTerms(json.createObjectNode(), followUp.offerPercentOff(), followUp.offerAmountOff(),
                        followUp.offerCode());
            }
            details.put("dueAt", due.toString());
            details.put("channel", followUp.channelValue());
            details.put("message", followUp.messageValue());
            details.set("cancelledBy", json.valueToTree(followUp.cancelledByTypes()));
            if (offer != null) {
                details.set("offer", offer);
            }
            DecisionRecord record = record(id, DecisionKind.FOLLOW_UP, event, draft, ruleSetVersion,
                    followUp.campaign(), now, details);
            batch.followUp(record, new FollowUpPlan(id, event.customerId(), followUp.campaign(), due,
                    followUp.messageValue(), followUp.cancelledByTypes(), offer));
        } else if (draft instanceof EscalationDraft escalation) {
            details.put("reason", escalation.reason());
            details.put("priority", escalation.priorityValue());
            details.put("queue", escalation.queueValue());
            DecisionRecord record = record(id, DecisionKind.ESCALATION, event, draft, ruleSetVersion, null, now, details);
            batch.escalation(record, new EscalationCase(id, event.customerId(), escalation.reason(),
                    escalation.priorityValue(), escalation.queueValue(), now));
        }
    }

    private static ObjectNode offerTerms(ObjectNode node, Double percentOff, Double amountOff, String code) {
        if (percentOff != null) {
            node.put("percentOff", percentOff);
        }
        if (amountOff != null) {
            node.put("amountOff", amountOff);
        }
        if (code != null) {
            node.put("code", code);
        }
        return node;
    }

    private static DecisionRecord record(UUID id, DecisionKind kind, EventEnvelope event, Draft draft, int version,
                                         String campaign, Instant now, ObjectNode details) {
        return new DecisionRecord(id, kind, event.customerId(), event.id(), draft.rule(), version, campaign, now, details);
    }
}
