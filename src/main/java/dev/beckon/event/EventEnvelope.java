package dev.beckon.event;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * One customer event as Beckon's contract defines it (docs/events.md): the same shape arrives
 * over HTTP and RabbitMQ. Instances are valid by construction; {@link EventParser} builds them.
 */
public record EventEnvelope(
        String id,
        String type,
        String customerId,
        Instant occurredAt,
        String source,
        String correlationId,
        ObjectNode data) {
}
