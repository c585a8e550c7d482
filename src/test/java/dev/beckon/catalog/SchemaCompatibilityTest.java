package dev.beckon.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.beckon.platform.FieldError;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaCompatibilityTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String CART = """
            {"type": "object", "required": ["cartId", "total", "customer"],
             "properties": {
               "cartId": {"type": "string"},
               "total": {"type": "number"},
               "coupon": {"type": ["string", "null"]},
               "customer": {"type": "object", "required": ["tier"], "properties": {"tier": {"type": "string"}}},
               "items": {"type": "array", "items": {"type": "object", "required": ["sku"], "properties": {"sku": {"type": "string"}}}}
             }}
            """;

    @Test
    void addingOptionalAndRequiredFieldsKeepsWhatRulesRelyOn() {
        assertThat(breaksAfter(
                "\"required\": [\"cartId\", \"total\", \"customer\"]", "\"required\": [\"cartId\", \"total\", \"customer\", \"currency\"]",
                "\"cartId\": {\"type\": \"string\"},", "\"cartId\": {\"type\": \"string\"}, \"currency\": {\"type\": \"string\"}, \"note\": {\"type\": \"string\"},")).isEmpty();
    }

    @Test
    void narrowingATypeIsCompatible() {
        assertThat(breaksAfter(
                "\"total\": {\"type\": \"number\"}", "\"total\": {\"type\": \"integer\"}",
                "\"coupon\": {\"type\": [\"string\", \"null\"]}", "\"coupon\": {\"type\": \"string\"}")).isEmpty();
    }

    @Test
    void removingOrUnrequiringARequiredFieldBreaksNamingEach() {
        assertThat(breaksAfter(
                "\"required\": [\"cartId\", \"total\", \"customer\"]", "\"required\": [\"customer\"]",
                "\"cartId\": {\"type\": \"string\"},", "")).containsExactly(
                new FieldError("cartId", "was required and is removed"),
                new FieldError("total", "was required and is optional now"));
    }

    @Test
    void retypingAFieldBreaksEvenWhenItIsOptional() {
        assertThat(breaksAfter(
                "\"total\": {\"type\": \"number\"}", "\"total\": {\"type\": \"string\"}",
                "\"coupon\": {\"type\": [\"string\", \"null\"]}", "\"coupon\": {\"type\": [\"string\", \"number\"]}")).containsExactly(
                new FieldError("total", "changed type from [number] to [string]"),
                new FieldError("coupon", "changed type from [string, null] to [string, number]"));
    }

    @Test
    void nestedObjectsAndArrayItemsAreHeldToTheSame() {
        assertThat(breaksAfter(
                "\"required\": [\"tier\"]", "\"required\": []",
                "\"sku\": {\"type\": \"string\"}", "\"sku\": {\"type\": \"integer\"}")).containsExactly(
                new FieldError("customer.tier", "was required and is optional now"),
                new FieldError("items[].sku", "changed type from [string] to [integer]"));
    }

    @Test
    void droppingATypeAltogetherWidensIt() {
        assertThat(breaksAfter(
                "\"total\": {\"type\": \"number\"}", "\"total\": {}"))
                .containsExactly(new FieldError("total", "changed type from [number] to any type"));
    }

    /** What the cart schema's next version breaks when it is the cart schema with these (text, replacement) pairs applied. */
    private static List<FieldError> breaksAfter(String... replacements) {
        String next = CART;
        for (int i = 0; i < replacements.length; i += 2) {
            next = next.replace(replacements[i], replacements[i + 1]);
        }
        return SchemaCompatibility.breaks(read(CART), read(next));
    }

    static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
