package dev.beckon.faults;

import java.time.Instant;

/**
 * One event of the stream, as the harness means to send it. {@code seq} counts the customer's
 * events from 1 and travels in {@code data.seq}, so the order Beckon applied them can be checked
 * against the order they were sent in.
 */
record PlannedEvent(String id, String type, String customerId, int seq, Channel channel, String data) {

    enum Channel { rabbitmq, webhook }

    /** The event as JSON, stamped with the moment it is sent: follow-ups are due counting from it. */
    String json(Instant occurredAt) {
        return "{\"id\":\"" + id + "\",\"type\":\"" + type + "\",\"customerId\":\"" + customerId
                + "\",\"occurredAt\":\"" + occurredAt + "\",\"source\":\"fault-suite\",\"data\":{\"seq\":" + seq
                + (data.isEmpty() ? "" : "," + data) + "}}";
    }
}
