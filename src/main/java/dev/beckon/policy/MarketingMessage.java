package dev.beckon.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.UUID;

/**
 * A decision message meant for the customer (an offer, or a follow-up that fired), as the policy
 * sees it. {@code message} is the outbox payload; an offer code the policy assigns is written into it.
 * {@code position} (its outbox id) and {@code asOf} (when it entered the outbox: an offer when it was
 * decided, a follow-up when it fired) say when it is judged as of, whenever planning reaches it.
 */
public record MarketingMessage(UUID decisionId, String kind, String campaign, String customerId, String channel,
                               String eventId, ObjectNode message, long position, Instant asOf) {

    public static final String OFFER = "offer";
    public static final String FOLLOW_UP = "followup";

    /** The offer terms: an offer's details, or the offer a follow-up carries; null for a plain follow-up. */
    public ObjectNode offerTerms() {
        JsonNode details = message.path("details");
        if (OFFER.equals(kind)) {
            return details.isObject() ? (ObjectNode) details : null;
        }
        return details.path("offer").isObject() ? (ObjectNode) details.get("offer") : null;
    }

    /** Where the offer code sits in the decision's details, for writing an assigned code back. */
    String[] codePath() {
        return OFFER.equals(kind) ? new String[] {"code"} : new String[] {"offer", "code"};
    }

    /** When the message became due: a follow-up's due time, otherwise null (the triggering event's time is used). */
    Instant dueAt() {
        JsonNode due = message.path("details").path("dueAt");
        return due.isTextual() ? Instant.parse(due.asText()) : null;
    }

    Instant decidedAt() {
        return Instant.parse(message.path("decidedAt").asText());
    }
}
