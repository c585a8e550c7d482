package dev.beckon.rules.vocabulary;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * The event a rule reacts to. Rules read the envelope fields as properties
 * ({@code Event(type == "cart.updated")}) and the free-form {@code data} through the path
 * readers: {@code number("total")}, {@code text("currency")}, {@code flag("negative")},
 * {@code has("items[0].sku")}. A path is dot-separated, with {@code [n]} for array elements.
 *
 * <p>A missing or non-numeric value reads as {@code NaN} from {@link #number}, so every
 * comparison with it is false: a rule never fires on data that is not there.
 */
public final class Event {

    private final String id;
    private final String type;
    private final String customerId;
    private final Instant occurredAt;
    private final String source;
    private final String correlationId;
    private final JsonNode data;

    public Event(String id, String type, String customerId, Instant occurredAt, String source,
                 String correlationId, JsonNode data) {
        this.id = id;
        this.type = type;
        this.customerId = customerId;
        this.occurredAt = occurredAt;
        this.source = source;
        this.correlationId = correlationId;
        this.data = data;
    }

    public String getId() {
        return id;
    }

    public String getType() {
        return type;
    }

    public String getCustomerId() {
        return customerId;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public String getSource() {
        return source;
    }

    public String getCorrelationId() {
        return correlationId;
    }

    /** The number at {@code path} in the event's data, or {@code NaN} when absent or not a number. */
    public double number(String path) {
        JsonNode value = at(path);
        if (value.isNumber()) {
            return value.asDouble();
        }
        if (value.isTextual()) {
            try {
                return Double.parseDouble(value.asText());
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
        }
        return Double.NaN;
    }

    /** The text at {@code path}, or {@code null} when absent; numbers and booleans read as text. */
    public String text(String path) {
        JsonNode value = at(path);
        return value.isValueNode() && !value.isNull() ? value.asText() : null;
    }

    /** True only when the value at {@code path} is the boolean {@code true} or the text "true". */
    public boolean flag(String path) {
        JsonNode value = at(path);
        return value.isBoolean() ? value.asBoolean() : "true".equalsIgnoreCase(value.asText(""));
    }

    /** True when the data has a non-null value at {@code path}. */
    public boolean has(String path) {
        JsonNode value = at(path);
        return !value.isMissingNode() && !value.isNull();
    }

    /** The number of elements of the array at {@code path}, 0 when it is not an array. */
    public int size(String path) {
        JsonNode value = at(path);
        return value.isArray() ? value.size() : 0;
    }

    private JsonNode at(String path) {
        return data.at(DataPath.toPointer(path));
    }

    @Override
    public String toString() {
        return "Event[" + type + " " + id + " for " + customerId + "]";
    }
}
