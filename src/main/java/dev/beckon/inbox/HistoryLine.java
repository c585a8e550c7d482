package dev.beckon.inbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** One line of an escalation's history as people read it: when, who, what; a note's text apart, to be shown as text. */
public record HistoryLine(Instant at, String actor, String action, String summary, String note, String eventId) {

    static HistoryLine of(EscalationEntry entry) {
        JsonNode d = entry.details;
        String summary = switch (entry.action) {
            case "claimed" -> "claimed it";
            case "assigned" -> "assigned it to " + d.path("assignee").asText();
            case "noted" -> "added a note";
            case "priority_changed" -> "changed the priority from " + d.path("from").asText() + " to " + d.path("to").asText();
            case "resolved" -> "resolved it: " + Outcome.named(d.path("outcome").asText()).map(Outcome::label).orElse("?");
            case "reopened" -> "reopened it";
            case "sla_breached" -> "found its SLA breached (due " + d.path("dueAt").asText() + "); priority "
                    + d.path("previousPriority").asText() + " \u2192 " + d.path("priority").asText();
            default -> entry.action;
        };
        String note = d.path("note").isTextual() ? d.path("note").asText() : null;
        return new HistoryLine(entry.at, entry.actor, entry.action, summary, note, entry.eventId);
    }
}
