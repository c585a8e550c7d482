package dev.beckon.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** One version of an event type's schema, as registered. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RegisteredSchema(String type, int version, JsonNode schema, JsonNode sample, String comment,
                               String createdBy, Instant createdAt) {
}
