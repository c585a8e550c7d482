package dev.beckon.rules.simulation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** What a rule set would do with one event: the rules that fired and the decisions they would make. */
public record TryResult(int version, String eventId, List<String> firedRules, List<Decision> decisions) {

    public record Decision(String kind, String rule, String campaign, JsonNode details) {
    }
}
