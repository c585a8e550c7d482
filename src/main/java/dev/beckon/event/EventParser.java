package dev.beckon.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.beckon.platform.FieldError;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Checks one JSON value against the event contract and turns it into an {@link EventEnvelope},
 * or reports every field that is wrong. Field names are prefixed with {@code path} so a batch
 * can say which element was wrong ({@code [3].customerId}).
 */
public final class EventParser {

    static final int MAX_ID_LENGTH = 200;
    private static final Pattern TYPE = Pattern.compile("[a-z0-9][a-z0-9_.-]{0,99}");

    private EventParser() {
    }

    public sealed interface Result permits Valid, Invalid {
    }

    public record Valid(EventEnvelope event) implements Result {
    }

    public record Invalid(List<FieldError> errors) implements Result {
    }

    /** Whether {@code type} is a well-formed event type name, such as {@code cart.updated}. */
    public static boolean isEventType(String type) {
        return type != null && TYPE.matcher(type).matches();
    }

    public static Result parse(JsonNode node, String path, Clock clock) {
        if (node == null || !node.isObject()) {
            return new Invalid(List.of(new FieldError(path.isEmpty() ? "body" : path, "must be a JSON object")));
        }
        List<FieldError> errors = new ArrayList<>();
        String id = requiredText(node, path, "id", errors);
        String type = requiredText(node, path, "type", errors);
        String customerId = requiredText(node, path, "customerId", errors);
        if (type != null && !isEventType(type)) {
            errors.add(new FieldError(field(path, "type"),
                    "must be lower case letters, digits, '.', '_' or '-' (at most 100), e.g. cart.updated"));
        }
        Instant occurredAt = occurredAt(node, path, errors, clock);
        String source = optionalText(node, path, "source", errors);
        String correlationId = optionalText(node, path, "correlationId", errors);
        ObjectNode data = data(node, path, errors);
        if (!errors.isEmpty()) {
            return new Invalid(errors);
        }
        return new Valid(new EventEnvelope(id, type, customerId, occurredAt, source, correlationId, data));
    }

    private static String requiredText(JsonNode node, String path, String name, List<FieldError> errors) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            errors.add(new FieldError(field(path, name), "is required"));
            return null;
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            errors.add(new FieldError(field(path, name), "must be a non-empty string"));
            return null;
        }
        if (value.asText().length() > MAX_ID_LENGTH) {
            errors.add(new FieldError(field(path, name), "must be at most " + MAX_ID_LENGTH + " characters"));
            return null;
        }
        return value.asText();
    }

    private static String optionalText(JsonNode node, String path, String name, List<FieldError> errors) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            errors.add(new FieldError(field(path, name), "must be a string"));
            return null;
        }
        if (value.asText().length() > MAX_ID_LENGTH) {
            errors.add(new FieldError(field(path, name), "must be at most " + MAX_ID_LENGTH + " characters"));
            return null;
        }
        return value.asText();
    }

    private static Instant occurredAt(JsonNode node, String path, List<FieldError> errors, Clock clock) {
        JsonNode value = node.get("occurredAt");
        if (value == null || value.isNull()) {
            return clock.instant();
        }
        try {
            if (!value.isTextual()) {
                throw new DateTimeParseException("not a string", value.toString(), 0);
            }
            return Instant.parse(value.asText());
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field(path, "occurredAt"),
                    "must be an ISO-8601 instant such as 2026-11-21T10:00:00Z"));
            return null;
        }
    }

    private static ObjectNode data(JsonNode node, String path, List<FieldError> errors) {
        JsonNode value = node.get("data");
        if (value == null || value.isNull()) {
            return JsonNodeFactory.instance.objectNode();
        }
        if (!value.isObject()) {
            errors.add(new FieldError(field(path, "data"), "must be a JSON object"));
            return null;
        }
        return (ObjectNode) value;
    }

    private static String field(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }
}
