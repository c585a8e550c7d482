package dev.beckon.policy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** The event a decision was made on: when it happened, and its data (for re-entry keys and discount values). */
record TriggerEvent(Instant occurredAt, JsonNode data) {
}
