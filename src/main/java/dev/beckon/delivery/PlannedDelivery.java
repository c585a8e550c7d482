package dev.beckon.delivery;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.UUID;

/**
 * One delivery of a decision message: on a channel ({@code rabbitmq}, {@code webhook}, {@code email})
 * to a target (the exchange, an endpoint's name, an address), or suppressed with the reason; one
 * held for the customer's quiet hours waits until {@code heldUntil}. {@code outboxId} is the message
 * it delivers: one decision may send several messages of one type (an escalation breaching its SLA
 * again after a reopen), each delivered once.
 */
public record PlannedDelivery(long outboxId, UUID decisionId, String messageType, String channel, String target,
                              ObjectNode payload, String suppressedBecause, Instant heldUntil) {

    public static final String RABBITMQ = "rabbitmq";
    public static final String WEBHOOK = "webhook";
    public static final String EMAIL = "email";

    public PlannedDelivery suppressed(String reason) {
        return new PlannedDelivery(outboxId, decisionId, messageType, channel, target, payload, reason, null);
    }
}
