package dev.beckon.ingest.webhook;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.beckon.platform.FieldError;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a sender's payload into Beckon events. Each field is written as an expression:
 * <ul>
 *   <li>{@code /customer/id}: the value at that JSON Pointer;</li>
 *   <li>{@code =order.completed}: a constant;</li>
 *   <li>{@code shopify-{/id}}: a template with pointers in braces;</li>
 *   <li>any of these followed by {@code " as number"}, {@code " as cents"} (minor units to an amount),
 *       {@code " as text"}, {@code " as boolean"}, {@code " as epoch-seconds"} or {@code " as instant"}
 *       (an ISO date-time with an offset, made UTC).</li>
 * </ul>
 * With {@code each} set to a pointer to an array, one event is made per element, and pointers in
 * the other fields starting with {@code /@/} read from that element.
 */
public record PayloadMapping(String each, String id, String type, String customerId, String occurredAt, String source,
                             Map<String, String> data) {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(/[^}]*)}");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** The events a payload maps to, written in Beckon's contract, or every field that could not be filled. */
    public List<ObjectNode> apply(JsonNode payload, List<FieldError> errors) {
        List<JsonNode> elements = new ArrayList<>();
        if (each == null || each.isBlank()) {
            elements.add(null);
        } else {
            JsonNode array = payload.at(pointer(each, errors, "each"));
            if (!array.isArray() || array.isEmpty()) {
                errors.add(new FieldError("each", "the payload has no array at " + each));
                return List.of();
            }
            array.forEach(elements::add);
        }
        List<ObjectNode> events = new ArrayList<>();
        for (int i = 0; i < elements.size(); i++) {
            JsonNode element = elements.get(i);
            String at = elements.size() > 1 ? "[" + i + "]." : "";
            ObjectNode event = NODES.objectNode();
            put(event, "id", id, payload, element, at, errors, true);
            put(event, "type", type, payload, element, at, errors, true);
            put(event, "customerId", customerId, payload, element, at, errors, true);
            put(event, "occurredAt", occurredAt, payload, element, at, errors, false);
            put(event, "source", source, payload, element, at, errors, false);
            ObjectNode eventData = event.putObject("data");
            for (Map.Entry<String, String> field : (data == null ? Map.<String, String>of() : data).entrySet()) {
                JsonNode value = evaluate(field.getValue(), payload, element, at + "data." + field.getKey(), errors);
                if (value != null && !value.isMissingNode() && !value.isNull()) {
                    eventData.set(field.getKey(), value);
                }
            }
            events.add(event);
        }
        return events;
    }

    private static void put(ObjectNode event, String name, String expression, JsonNode payload, JsonNode element, String at,
                            List<FieldError> errors, boolean required) {
        if (expression == null || expression.isBlank()) {
            if (required) {
                errors.add(new FieldError(at + name, "the mapping gives no expression for it"));
            }
            return;
        }
        JsonNode value = evaluate(expression, payload, element, at + name, errors);
        if (value == null || value.isMissingNode() || value.isNull()) {
            if (required) {
                errors.add(new FieldError(at + name, "the payload has nothing at " + expression));
            }
            return;
        }
        event.put(name, value.isTextual() ? value.asText() : value.toString());
    }

    static JsonNode evaluate(String expression, JsonNode payload, JsonNode element, String field, List<FieldError> errors) {
        String conversion = null;
        String text = expression;
        int as = expression.lastIndexOf(" as ");
        if (as > 0) {
            conversion = expression.substring(as + 4).trim();
            text = expression.substring(0, as);
        }
        JsonNode value;
        if (text.startsWith("=")) {
            value = NODES.textNode(text.substring(1));
        } else if (text.startsWith("/")) {
            value = read(text, payload, element, field, errors);
        } else {
            Matcher m = PLACEHOLDER.matcher(text);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                JsonNode part = read(m.group(1), payload, element, field, errors);
                if (part == null || part.isMissingNode() || part.isNull()) {
                    return null;
                }
                m.appendReplacement(out, Matcher.quoteReplacement(part.asText()));
            }
            m.appendTail(out);
            value = NODES.textNode(out.toString());
        }
        return value == null || value.isMissingNode() || value.isNull() ? value : convert(value, conversion, field, errors);
    }

    private static JsonNode read(String path, JsonNode payload, JsonNode element, String field, List<FieldError> errors) {
        if (path.startsWith("/@/") && element != null) {
            return element.at(pointer(path.substring(2), errors, field));
        }
        return payload.at(pointer(path, errors, field));
    }

    private static JsonNode convert(JsonNode value, String conversion, String field, List<FieldError> errors) {
        if (conversion == null) {
            return value;
        }
        try {
            return switch (conversion) {
                case "number" -> NODES.numberNode(new BigDecimal(value.asText().trim()));
                case "cents" -> NODES.numberNode(new BigDecimal(value.asText().trim()).movePointLeft(2));
                case "text" -> NODES.textNode(value.asText());
                case "boolean" -> NODES.booleanNode(value.isBoolean() ? value.asBoolean() : Boolean.parseBoolean(value.asText()));
                case "epoch-seconds" -> NODES.textNode(Instant.ofEpochSecond(Long.parseLong(value.asText().trim())).toString());
                case "instant" -> NODES.textNode(OffsetDateTime.parse(value.asText().trim()).toInstant().toString());
                default -> {
                    errors.add(new FieldError(field, "unknown conversion \"" + conversion + "\"; use number, cents, text, boolean, epoch-seconds or instant"));
                    yield null;
                }
            };
        } catch (NumberFormatException | DateTimeParseException e) {
            errors.add(new FieldError(field, "\"" + value.asText() + "\" cannot be read as " + conversion));
            return null;
        }
    }

    private static JsonPointer pointer(String path, List<FieldError> errors, String field) {
        try {
            return JsonPointer.compile(path);
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(field, "\"" + path + "\" is not a JSON Pointer"));
            return JsonPointer.empty();
        }
    }

    /** Ready-made mappings for typical senders' payloads. */
    public static final Map<String, PayloadMapping> PRESETS = presets();

    private static Map<String, PayloadMapping> presets() {
        Map<String, PayloadMapping> presets = new LinkedHashMap<>();
        presets.put("shopify-orders-create", new PayloadMapping(null, "shopify-order-{/id}", "=order.completed",
                "shopify-customer-{/customer/id}", "/created_at as instant", "=shopify",
                Map.of("orderId", "/id as text", "total", "/total_price as number", "currency", "/currency",
                        "email", "/customer/email", "items", "/line_items")));
        presets.put("stripe-checkout-session-completed", new PayloadMapping(null, "stripe-{/id}", "=payment.authorized",
                "/data/object/client_reference_id", "/created as epoch-seconds", "=stripe",
                Map.of("amount", "/data/object/amount_total as cents", "currency", "/data/object/currency",
                        "sessionId", "/data/object/id", "paymentStatus", "/data/object/payment_status")));
        presets.put("crm-contact-updated", new PayloadMapping(null, "crm-{/contact/id}-{/updated_at}", "=crm.contact_updated",
                "/contact/id as text", "/updated_at as instant", "=crm",
                Map.of("email", "/contact/email", "firstName", "/contact/first_name", "lastName", "/contact/last_name",
                        "lifecycleStage", "/contact/lifecycle_stage")));
        presets.put("pos-sale", new PayloadMapping(null, "pos-{/receipt_id}", "=pos.sale", "/customer_number as text",
                "/sold_at as instant", "=pos",
                Map.of("total", "/total as number", "store", "/store_id", "items", "/items")));
        return Map.copyOf(presets);
    }
}
