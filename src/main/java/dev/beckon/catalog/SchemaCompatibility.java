package dev.beckon.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import dev.beckon.platform.FieldError;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Whether a new version of a type's schema keeps what rules written against the previous version
 * rely on. Rules are the consumers of events: a rule reads a field the schema promised, so every
 * event valid under the new version must still keep those promises.
 *
 * <ul>
 *   <li>A field that was required stays required (removing it, or making it optional, breaks).</li>
 *   <li>A field declared in both versions keeps its type or narrows it ({@code ["number","null"]}
 *       to {@code number}, {@code number} to {@code integer}); any other change breaks, for optional
 *       fields too, since a rule reading one when present relies on its type.</li>
 *   <li>Nested objects and array items are held to the same, field by field.</li>
 *   <li>New fields, required or optional, are compatible: no rule reads them yet. (Producers must
 *       send a new required field once the version is registered: events are checked against the
 *       latest version.)</li>
 * </ul>
 *
 * Only {@code type}, {@code properties}, {@code required} and {@code items} are compared;
 * {@code $ref} and combinators ({@code allOf}, {@code oneOf}, ...) are not followed.
 */
public final class SchemaCompatibility {

    private SchemaCompatibility() {
    }

    /** Every way {@code next} breaks {@code previous}, each naming the field by its path as rules write it; empty when compatible. */
    public static List<FieldError> breaks(JsonNode previous, JsonNode next) {
        List<FieldError> reasons = new ArrayList<>();
        compare(previous, next, "", reasons);
        return reasons;
    }

    private static void compare(JsonNode before, JsonNode after, String path, List<FieldError> reasons) {
        Set<String> typesBefore = types(before);
        Set<String> typesAfter = types(after);
        if (!typesBefore.isEmpty() && !keepsOrNarrows(typesBefore, typesAfter)) {
            reasons.add(new FieldError(name(path), "changed type from " + typesBefore + " to "
                    + (typesAfter.isEmpty() ? "any type" : typesAfter.toString())));
            return;
        }
        JsonNode propertiesBefore = before.path("properties");
        JsonNode propertiesAfter = after.path("properties");
        Set<String> requiredAfter = names(after.path("required"));
        for (String required : names(before.path("required"))) {
            if (!requiredAfter.contains(required)) {
                reasons.add(new FieldError(child(path, required), propertiesAfter.has(required)
                        ? "was required and is optional now" : "was required and is removed"));
            }
        }
        for (Iterator<String> it = propertiesBefore.fieldNames(); it.hasNext(); ) {
            String property = it.next();
            if (propertiesAfter.has(property)) {
                compare(propertiesBefore.get(property), propertiesAfter.get(property), child(path, property), reasons);
            }
        }
        if (before.path("items").isObject() && after.path("items").isObject()) {
            compare(before.get("items"), after.get("items"), path + "[]", reasons);
        }
    }

    /** True when every type the new version allows was allowed before (an integer is a number). */
    private static boolean keepsOrNarrows(Set<String> before, Set<String> after) {
        if (after.isEmpty()) {
            return false;
        }
        return after.stream().allMatch(t -> before.contains(t) || ("integer".equals(t) && before.contains("number")));
    }

    private static Set<String> types(JsonNode schema) {
        JsonNode type = schema.path("type");
        Set<String> types = new LinkedHashSet<>();
        if (type.isTextual()) {
            types.add(type.asText());
        } else if (type.isArray()) {
            type.forEach(t -> types.add(t.asText()));
        }
        return types;
    }

    private static Set<String> names(JsonNode array) {
        Set<String> names = new LinkedHashSet<>();
        array.forEach(n -> names.add(n.asText()));
        return names;
    }

    private static String child(String path, String property) {
        return path.isEmpty() ? property : path + "." + property;
    }

    private static String name(String path) {
        return path.isEmpty() ? "(the data)" : path;
    }
}
