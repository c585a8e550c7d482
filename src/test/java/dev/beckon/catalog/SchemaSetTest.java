package dev.beckon.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.beckon.event.EventEnvelope;
import dev.beckon.platform.FieldError;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How an event is judged by its type's latest schema, and what becomes of types nobody registered. */
class SchemaSetTest {

    private static final SchemaSet ORDERS = new SchemaSet(Map.of("order.completed", SchemaSet.Compiled.of(
            new RegisteredSchema("order.completed", 2, SchemaCompatibilityTest.read("""
                    {"type": "object", "required": ["orderId", "total"],
                     "properties": {"orderId": {"type": "string"}, "total": {"type": "number", "minimum": 0}}}
                    """), null, null, "test", Instant.EPOCH))), 2);

    @Test
    void namesEachFailingFieldByJsonPointerWithTheSchemaMessage() {
        var errors = ORDERS.check(event("order.completed", "{\"total\": \"12\"}"), "/3", CatalogConfig.UnknownTypes.accept);

        assertThat(errors).extracting(FieldError::field).containsExactlyInAnyOrder("/3/data/orderId", "/3/data/total");
        assertThat(errors).filteredOn(e -> e.field().equals("/3/data/total"))
                .extracting(FieldError::message).containsExactly("string found, number expected");
        assertThat(errors).filteredOn(e -> e.field().equals("/3/data/orderId"))
                .extracting(FieldError::message).containsExactly("required property 'orderId' not found");
    }

    @Test
    void passesAnEventThatFitsItsSchema() {
        assertThat(ORDERS.check(event("order.completed", "{\"orderId\": \"o-1\", \"total\": 12.5}"), "",
                CatalogConfig.UnknownTypes.refuse)).isEmpty();
    }

    @Test
    void unknownTypesAreAcceptedOrRefusedAsConfigured() {
        EventEnvelope unknown = event("wishlist.added", "{\"anything\": true}");

        assertThat(ORDERS.check(unknown, "", CatalogConfig.UnknownTypes.accept)).isEmpty();
        assertThat(ORDERS.check(unknown, "", CatalogConfig.UnknownTypes.refuse)).extracting(FieldError::field)
                .containsExactly("/type");
    }

    private static EventEnvelope event(String type, String data) {
        return new EventEnvelope("e-1", type, "c-1", Instant.EPOCH, null, null,
                (ObjectNode) SchemaCompatibilityTest.read(data));
    }
}
