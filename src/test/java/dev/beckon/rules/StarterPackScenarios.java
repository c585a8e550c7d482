package dev.beckon.rules;

import static dev.beckon.support.Api.api;
import static dev.beckon.support.Api.event;
import static dev.beckon.support.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.beckon.support.EventChannel;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Each case of the starter pack, end to end: an event goes in through {@link #channel()}, and
 * the decision is read back over the API. Subclasses run them over HTTP and over RabbitMQ.
 */
abstract class StarterPackScenarios {

    abstract EventChannel channel();

    @Test
    @SuppressWarnings("unchecked")
    void abandonedCartGetsAReminderThirtyMinutesLater() throws Exception {
        String customer = unique("c");
        Instant occurred = Instant.parse("2026-11-21T10:00:00Z");
        send("cart.updated", """
                {"id": "%s", "type": "cart.updated", "customerId": "%s", "occurredAt": "%s",
                 "data": {"cartId": "k-9", "total": 59.90, "currency": "EUR", "items": [{"sku": "shoe-1", "qty": 1, "price": 59.90}]}}
                """.formatted(unique("e"), customer, occurred));

        Map<String, Object> followUp = onlyDecision(customer);
        assertThat(followUp).containsEntry("kind", "followup").containsEntry("campaign", "abandoned-cart")
                .containsEntry("rule", "Abandoned cart reminder").containsEntry("status", "pending");
        assertThat(details(followUp)).containsEntry("dueAt", "2026-11-21T10:30:00Z").doesNotContainKey("offer");
        assertThat((List<Object>) details(followUp).get("cancelledBy")).containsExactly("order.completed");
    }

    @Test
    @SuppressWarnings("unchecked")
    void bigCartReminderCarriesTenPercentOff() throws Exception {
        String customer = unique("c");
        send("cart.updated", event(unique("e"), "cart.updated", customer, "{\"total\": 129.90}"));

        Map<String, Object> followUp = onlyDecision(customer);
        assertThat(followUp).containsEntry("rule", "Abandoned cart reminder with offer");
        assertThat((Map<String, Object>) details(followUp).get("offer")).containsEntry("percentOff", 10.0f).containsEntry("code", "CART10");
    }

    @Test
    void negativeFeedbackGoesToSupportWithHighPriority() throws Exception {
        String happy = unique("c");
        String angry = unique("c");
        send("feedback.submitted", event(unique("e"), "feedback.submitted", happy, "{\"rating\": 5}"));
        send("feedback.submitted", event(unique("e"), "feedback.submitted", angry, "{\"rating\": 1, \"text\": \"Broken on arrival\"}"));

        Map<String, Object> escalation = onlyDecision(angry);
        assertThat(escalation).containsEntry("kind", "escalation").containsEntry("status", "open");
        assertThat(details(escalation)).containsEntry("priority", "high").containsEntry("queue", "support");
        awaitEvents(happy, 1);
        assertThat(decisions(happy)).isEmpty();
    }

    @Test
    void paymentFarAboveUsualOrFromANewCountryIsUrgent() throws Exception {
        String customer = unique("c");
        for (int i = 0; i < 2; i++) {
            send("payment.authorized", event(unique("e"), "payment.authorized", customer,
                    "{\"amount\": 50, \"country\": \"DE\"}"));
        }
        awaitEvents(customer, 2);
        assertThat(decisions(customer)).isEmpty();

        send("payment.authorized", event(unique("e"), "payment.authorized", customer, "{\"amount\": 400, \"country\": \"DE\"}"));
        Map<String, Object> unusual = onlyDecision(customer);
        assertThat(details(unusual)).containsEntry("priority", "urgent");
        assertThat(unusual).containsEntry("rule", "Suspicious payment: unusual amount");

        send("payment.authorized", event(unique("e"), "payment.authorized", customer, "{\"amount\": 60, \"country\": \"BR\"}"));
        await().atMost(Duration.ofSeconds(20)).until(() -> decisions(customer).size() == 2);
        assertThat(decisions(customer).get(0)).containsEntry("rule", "Suspicious payment: new country");
    }

    @Test
    void orderTakingLifetimeSpendOverAThousandEarnsTheVipOffer() throws Exception {
        String customer = unique("c");
        send("order.completed", event(unique("e"), "order.completed", customer, "{\"total\": 600}"));
        awaitEvents(customer, 1);
        assertThat(decisions(customer)).isEmpty();

        send("order.completed", event(unique("e"), "order.completed", customer, "{\"total\": 500}"));
        Map<String, Object> offer = onlyDecision(customer);
        assertThat(offer).containsEntry("kind", "offer").containsEntry("campaign", "vip-loyalty");
        assertThat(details(offer)).containsEntry("percentOff", 15.0f).containsEntry("code", "VIP15");

        send("order.completed", event(unique("e"), "order.completed", customer, "{\"total\": 100}"));
        awaitEvents(customer, 3);
        assertThat(decisions(customer)).hasSize(1);
    }

    @Test
    void assignedRoomIsOfferedLateCheckout() throws Exception {
        String guest = unique("c");
        send("room.assigned", event(unique("e"), "room.assigned", guest, "{\"room\": \"412\"}"));

        Map<String, Object> offer = onlyDecision(guest);
        assertThat(offer).containsEntry("campaign", "late-checkout");
        assertThat(details(offer)).containsEntry("amountOff", 20.0f).containsEntry("channel", "sms");
    }

    @Test
    void signUpGetsAWelcomeOfferAndANudgeThatAFirstOrderCancels() throws Exception {
        String customer = unique("c");
        send("customer.signed_up", event(unique("e"), "customer.signed_up", customer, "{}"));
        await().atMost(Duration.ofSeconds(20)).until(() -> decisions(customer).size() == 2);
        assertThat(decisions(customer)).extracting(d -> d.get("kind")).containsExactlyInAnyOrder("offer", "followup");

        send("order.completed", event(unique("e"), "order.completed", customer, "{\"total\": 20}"));
        await().atMost(Duration.ofSeconds(20)).until(() -> "cancelled".equals(followUpOf(customer).get("status")));
    }

    private void send(String type, String json) throws Exception {
        channel().send(type, json);
    }

    static Map<String, Object> onlyDecision(String customer) {
        await().atMost(Duration.ofSeconds(20)).until(() -> !decisions(customer).isEmpty());
        List<Map<String, Object>> decisions = decisions(customer);
        assertThat(decisions).hasSize(1);
        return decisions.get(0);
    }

    static Map<String, Object> followUpOf(String customer) {
        return decisions(customer).stream().filter(d -> "followup".equals(d.get("kind"))).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> details(Map<String, Object> decision) {
        return (Map<String, Object>) decision.get("details");
    }

    static List<Map<String, Object>> decisions(String customer) {
        JsonPath json = api().get("/api/customers/" + customer + "/decisions").then().statusCode(200).extract().jsonPath();
        return json.getList("$");
    }

    static void awaitEvents(String customer, int count) {
        await().atMost(Duration.ofSeconds(20)).until(() ->
                api().get("/api/customers/" + customer + "/events").then().extract().jsonPath().getList("$").size() == count);
    }
}
