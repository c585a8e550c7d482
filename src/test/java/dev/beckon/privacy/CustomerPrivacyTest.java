package dev.beckon.privacy;

import static dev.beckon.support.Api.api;
import static dev.beckon.support.Api.event;
import static dev.beckon.support.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.beckon.delivery.DeliveryPlanner;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CustomerPrivacyTest {

    @Inject
    DeliveryPlanner planner;

    @Test
    void anExportHoldsTheCustomersEventsDecisionsDeliveriesAndConsent() {
        String customer = unique("c");
        signUpAndOptOut(customer);

        JsonPath export = api().get("/api/customers/{id}/export", customer).then().statusCode(200).extract().jsonPath();

        assertThat(export.getString("customerId")).isEqualTo(customer);
        assertThat(export.getList("events.type", String.class)).containsExactlyInAnyOrder("customer.signed_up", "consent.updated");
        assertThat(export.getList("decisions.kind", String.class)).contains("offer", "followup");
        assertThat(export.getList("deliveries.channel", String.class)).contains("email");
        assertThat(export.getString("contact[0].email")).isEqualTo(customer + "@example.com");
        assertThat(export.getList("consent.channel", String.class)).containsExactly("sms");
        assertThat(export.getList("profile.customer_id", String.class)).containsExactly(customer);
        assertThat(lastAudit("gdpr.exported")).isEqualTo("customer:" + customer);
    }

    @Test
    void anErasedCustomerLeavesNothingAndIsNotRecreatedByAReplayOrALaterEvent() {
        String customer = unique("c");
        String signUp = signUpAndOptOut(customer);

        api().body(Map.of("confirm", "someone else")).post("/api/customers/{id}/erase", customer).then().statusCode(400)
                .body("errors[0].field", equalTo("confirm"));
        api().get("/api/customers/{id}", customer).then().statusCode(200);

        JsonPath erased = api().body(Map.of("confirm", customer)).post("/api/customers/{id}/erase", customer)
                .then().statusCode(200).extract().jsonPath();
        assertThat(erased.getInt("deleted.events")).isEqualTo(2);
        assertThat(erased.getInt("deleted.decisions")).isEqualTo(2);

        JsonPath export = api().get("/api/customers/{id}/export", customer).then().statusCode(200).extract().jsonPath();
        for (String holding : List.of("events", "decisions", "deliveries", "deliveryAttempts", "outbox", "followUps",
                "escalationHistory", "escalations", "profile", "contact", "consent", "webhookPayloads", "deadLetters")) {
            assertThat(export.getList(holding)).as(holding).isEmpty();
        }
        api().get("/api/customers/{id}", customer).then().statusCode(404);

        api().body(signUp).post("/api/events").then().statusCode(202).body("results[0].status", equalTo("erased"));
        api().body(event(unique("e"), "cart.updated", customer, "{\"total\": 50}")).post("/api/events")
                .then().statusCode(202).body("results[0].status", equalTo("erased"));
        assertThat(api().get("/api/customers/{id}/export", customer).jsonPath().getList("events")).isEmpty();
        assertThat(lastAudit("gdpr.erased")).isEqualTo("customer-hash:" + ErasedCustomers.hash(customer))
                .doesNotContain(customer);
    }

    private String signUpAndOptOut(String customer) {
        String signUp = event(unique("e"), "customer.signed_up", customer, "{\"email\": \"" + customer + "@example.com\"}");
        api().body(signUp).post("/api/events").then().statusCode(202);
        api().body(event(unique("e"), "consent.updated", customer, "{\"channel\": \"sms\", \"optedOut\": true}"))
                .post("/api/events").then().statusCode(202);
        planner.planPending();
        return signUp;
    }

    private static String lastAudit(String action) {
        List<Map<String, Object>> entries = api().get("/api/audit?limit=500").jsonPath().getList("$");
        return entries.stream().filter(e -> action.equals(e.get("action"))).map(e -> (String) e.get("target"))
                .findFirst().orElse(null);
    }
}
