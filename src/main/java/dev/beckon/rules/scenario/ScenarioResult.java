package dev.beckon.rules.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** How a scenario went: passed or not, every unmet expectation, and the decisions actually made. */
public record ScenarioResult(String name, boolean passed, List<String> problems, List<Made> decisions) {

    /** A decision as the scenario saw it, times written on the scenario calendar. */
    public record Made(String kind, String campaign, String rule, String status, String dueAt, String closedAt,
                       String decidedAt, JsonNode details) {
    }
}
