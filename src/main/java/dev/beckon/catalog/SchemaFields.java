package dev.beckon.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The fields a registered schema declares, as rules write their paths ({@code customer.tier},
 * {@code items[0].sku}) with the type a rule reads them as, and an example from the sample.
 */
final class SchemaFields {

    private SchemaFields() {
    }

    static List<EventTypeCatalog.Field> of(JsonNode schema, JsonNode sample) {
        List<EventTypeCatalog.Field> fields = new ArrayList<>();
        walk(schema, "", sample == null ? MissingNode.getInstance() : sample, fields);
        return fields;
    }

    private static void walk(JsonNode schema, String path, JsonNode sample, List<EventTypeCatalog.Field> out) {
        JsonNode properties = schema.path("properties");
        for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> property = it.next();
            String name = path.isEmpty() ? property.getKey() : path + "." + property.getKey();
            describe(property.getValue(), name, sample.path(property.getKey()), out);
        }
    }

    private static void describe(JsonNode schema, String path, JsonNode sample, List<EventTypeCatalog.Field> out) {
        String type = typeOf(schema);
        if ("object".equals(type) && schema.has("properties")) {
            walk(schema, path, sample, out);
        } else if ("array".equals(type) && schema.path("items").isObject()) {
            describe(schema.get("items"), path + "[0]", sample.path(0), out);
        } else {
            String example = sample.isValueNode() ? EventTypeCatalog.shortened(sample.asText()) : "";
            out.add(new EventTypeCatalog.Field(path, readAs(type), example, 0, 0, EventTypeCatalog.FROM_SCHEMA));
        }
    }

    /** The schema's type, the first one other than null when it allows several. */
    private static String typeOf(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (!"null".equals(t.asText())) {
                    return t.asText();
                }
            }
            return "null";
        }
        return type.asText("any");
    }

    /** How the rules' readers take it: {@code number(...)}, {@code flag(...)}, {@code text(...)}. */
    private static String readAs(String type) {
        return switch (type) {
            case "number", "integer" -> "number";
            case "boolean" -> "boolean";
            case "string" -> "text";
            default -> type;
        };
    }
}
