package dev.beckon.delivery;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.UUID;

/**
 * A decision message to deliver once its transaction commits: the decision, its message type
 * ({@code offer.<campaign>}, {@code followup.<campaign>}, {@code escalation.<priority>}) and what it says.
 * The {@link DeliveryPlanner} turns it into one delivery per channel and target.
 */
public record OutboxMessage(UUID decisionId, String destination, String routingKey, ObjectNode payload) {

    /** Outbox rows hold decision messages, planned into deliveries after the commit. */
    public static final String DECISION = "decision";
}
