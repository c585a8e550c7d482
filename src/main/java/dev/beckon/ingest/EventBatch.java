package dev.beckon.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.beckon.catalog.LiveSchemas;
import dev.beckon.event.EventParser;
import dev.beckon.platform.FieldError;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One event, or an array of them, checked against the contract and their types' schemas together:
 * the valid ones ready for the pipeline, and every error with its field (prefixed {@code [i].} for
 * array elements; a schema error names its field by JSON pointer into the body, {@code /3/data/total}).
 * HTTP and webhook ingestion both take events this way; each decides what a refusal answers.
 */
public final class EventBatch {

    /** The events that passed, and the errors of those that did not. */
    public record Parsed(List<Incoming> events, List<FieldError> errors) {
    }

    private EventBatch() {
    }

    public static Parsed parse(JsonNode body, String channel, Instant receivedAt, Clock clock, LiveSchemas schemas) {
        boolean array = body.isArray();
        List<JsonNode> nodes = new ArrayList<>();
        if (array) {
            body.forEach(nodes::add);
        } else {
            nodes.add(body);
        }
        List<FieldError> errors = new ArrayList<>();
        List<Incoming> events = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            JsonNode node = nodes.get(i);
            EventParser.Result parsed = EventParser.parse(node, array ? "[" + i + "]" : "", clock);
            if (parsed instanceof EventParser.Valid valid) {
                List<FieldError> schemaErrors = schemas.check(valid.event(), array ? "/" + i : "");
                if (schemaErrors.isEmpty()) {
                    events.add(Incoming.valid(valid.event(), channel, node.toString(), receivedAt));
                } else {
                    errors.addAll(schemaErrors);
                }
            } else {
                errors.addAll(((EventParser.Invalid) parsed).errors());
            }
        }
        return new Parsed(events, errors);
    }
}
