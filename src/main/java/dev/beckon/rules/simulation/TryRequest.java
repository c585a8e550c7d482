package dev.beckon.rules.simulation;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;

/**
 * What to try a rule set on: an event written out ({@code event}) or a stored one ({@code eventId}),
 * and optionally the profile to assume; without one, the customer's stored profile is used.
 */
public record TryRequest(JsonNode event, String eventId, AssumedProfile profile) {

    /** A profile to assume; fields left out count as zero or empty. */
    public record AssumedProfile(BigDecimal lifetimeSpend, Integer orderCount, BigDecimal openCartValue,
                                 Integer paymentCount, BigDecimal paymentTotal, Set<String> countries,
                                 Map<String, Long> eventCounts) {
    }
}
