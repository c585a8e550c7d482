package dev.beckon.delivery;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.UUID;

/** A message to publish once its transaction commits: where it goes and what it says. */
public record OutboxMessage(UUID decisionId, String destination, String routingKey, ObjectNode payload) {

    /** Messages for the RabbitMQ decisions exchange. */
    public static final String RABBITMQ = "rabbitmq";
}
