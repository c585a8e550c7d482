package dev.beckon.inbox;

/** An escalation history line that becomes an event was written; after its commit the relay hands it over. */
public record InboxEventRecorded(String eventId) {
}
