package dev.beckon.ingest.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.beckon.event.EventParser;
import dev.beckon.platform.FieldError;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The presets on payloads shaped like the senders' own (trimmed from their documented examples). */
class PayloadMappingTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void mapsAShopifyOrderToACompletedOrder() throws Exception {
        ObjectNode event = one("shopify-orders-create", """
                {"id": 820982911946154508, "email": "jon@example.com", "created_at": "2026-11-21T11:00:00-05:00",
                 "total_price": "199.65", "currency": "USD",
                 "customer": {"id": 115310627314723954, "email": "jon@example.com", "first_name": "Jon"},
                 "line_items": [{"id": 866550311766439020, "sku": "IPOD-342-N", "quantity": 1, "price": "199.00"}]}
                """);

        assertThat(event.get("id").asText()).isEqualTo("shopify-order-820982911946154508");
        assertThat(event.get("type").asText()).isEqualTo("order.completed");
        assertThat(event.get("customerId").asText()).isEqualTo("shopify-customer-115310627314723954");
        assertThat(event.get("occurredAt").asText()).isEqualTo("2026-11-21T16:00:00Z");
        assertThat(event.get("data").get("total").decimalValue()).isEqualByComparingTo("199.65");
        assertThat(event.get("data").get("items").get(0).get("sku").asText()).isEqualTo("IPOD-342-N");
        assertValidEvent(event);
    }

    @Test
    void mapsAStripeCheckoutSessionToAnAuthorisedPayment() throws Exception {
        ObjectNode event = one("stripe-checkout-session-completed", """
                {"id": "evt_1NG8Du2eZvKYlo2CUI79vXWy", "type": "checkout.session.completed", "created": 1763722800,
                 "data": {"object": {"id": "cs_test_a1", "client_reference_id": "c-42", "amount_total": 12990,
                                     "currency": "eur", "payment_status": "paid"}}}
                """);

        assertThat(event.get("id").asText()).isEqualTo("stripe-evt_1NG8Du2eZvKYlo2CUI79vXWy");
        assertThat(event.get("type").asText()).isEqualTo("payment.authorized");
        assertThat(event.get("customerId").asText()).isEqualTo("c-42");
        assertThat(event.get("occurredAt").asText()).isEqualTo("2025-11-21T11:00:00Z");
        assertThat(event.get("data").get("amount").decimalValue()).isEqualByComparingTo("129.90");
        assertValidEvent(event);
    }

    @Test
    void mapsACrmContactUpdateAndAPosSale() throws Exception {
        ObjectNode contact = one("crm-contact-updated", """
                {"contact": {"id": 501, "email": "ana@example.com", "first_name": "Ana", "lifecycle_stage": "customer"},
                 "updated_at": "2026-11-21T09:30:00+01:00"}
                """);
        ObjectNode sale = one("pos-sale", """
                {"receipt_id": "R-2026-0042", "customer_number": 77123, "sold_at": "2026-11-21T10:15:00Z",
                 "total": "42.50", "store_id": "berlin-1", "items": [{"sku": "tea-1", "qty": 2}]}
                """);

        assertThat(contact.get("customerId").asText()).isEqualTo("501");
        assertThat(contact.get("data").get("lifecycleStage").asText()).isEqualTo("customer");
        assertThat(sale.get("type").asText()).isEqualTo("pos.sale");
        assertThat(sale.get("customerId").asText()).isEqualTo("77123");
        assertThat(sale.get("data").get("total").decimalValue()).isEqualByComparingTo("42.50");
        assertValidEvent(contact);
        assertValidEvent(sale);
    }

    @Test
    void makesOneEventPerArrayElementAndNamesWhatIsMissing() throws Exception {
        PayloadMapping perItem = new PayloadMapping("/items", "{/order}-{/@/sku}", "=item.sold", "/customer", null, null,
                Map.of("sku", "/@/sku", "qty", "/@/qty as number"));
        List<FieldError> errors = new ArrayList<>();
        List<ObjectNode> events = perItem.apply(JSON.readTree("""
                {"order": "o-1", "customer": "c-1", "items": [{"sku": "a", "qty": "2"}, {"sku": "b", "qty": "x"}]}
                """), errors);

        assertThat(events).hasSize(2);
        assertThat(events.get(0).get("id").asText()).isEqualTo("o-1-a");
        assertThat(errors).containsExactly(new FieldError("[1].data.qty", "\"x\" cannot be read as number"));

        errors.clear();
        PayloadMapping.PRESETS.get("pos-sale").apply(JSON.readTree("{\"total\": 1}"), errors);
        assertThat(errors).extracting(FieldError::field).containsExactly("id", "customerId");
    }

    private static ObjectNode one(String preset, String payload) throws Exception {
        List<FieldError> errors = new ArrayList<>();
        List<ObjectNode> events = PayloadMapping.PRESETS.get(preset).apply(JSON.readTree(payload), errors);
        assertThat(errors).isEmpty();
        assertThat(events).hasSize(1);
        return events.get(0);
    }

    private static void assertValidEvent(ObjectNode event) {
        assertThat(EventParser.parse(event, "", Clock.systemUTC())).isInstanceOf(EventParser.Valid.class);
    }
}
