package dev.beckon.delivery;

import static dev.beckon.support.Api.api;
import static dev.beckon.support.Api.event;
import static dev.beckon.support.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ConsentTest {

    @Inject
    DeliveryPlanner planner;

    @Test
    void anOptOutSetThroughTheApiSuppressesMarketingOnThatChannelWithTheReason() {
        String customer = unique("c");
        api().body(Map.of("optedOut", true)).put("/api/customers/{id}/consent/sms", customer).then().statusCode(200);

        api().body(event(unique("e"), "room.assigned", customer, "{}")).post("/api/events").then().statusCode(202);
        planner.planPending();

        List<Map<String, Object>> deliveries = deliveriesOfFirstOffer(customer);
        assertThat(deliveries).isNotEmpty().allSatisfy(d -> {
            assertThat(d.get("status")).isEqualTo("suppressed");
            assertThat((String) d.get("reason")).startsWith("customer opted out of sms (api ");
        });
    }

    @Test
    void anOptOutEventStopsEmailAndAnOptInEventLetsItThroughAgain() {
        String customer = unique("c");
        post(customer, "consent.updated", "{\"channel\": \"email\", \"optedOut\": true}");
        post(customer, "customer.signed_up", "{\"email\": \"" + customer + "@example.com\"}");
        planner.planPending();

        assertThat(deliveriesOfFirstOffer(customer)).filteredOn(d -> d.get("channel").equals("email"))
                .singleElement().satisfies(d -> {
                    assertThat(d.get("status")).isEqualTo("suppressed");
                    assertThat((String) d.get("reason")).startsWith("customer opted out of email (event ");
                });
        api().get("/api/customers/{id}/consent", customer).then().statusCode(200)
                .body("[0].channel", equalTo("email")).body("[0].optedOut", equalTo(true));

        post(customer, "consent.updated", "{\"channel\": \"email\", \"optedOut\": false}");
        post(customer, "customer.signed_up", "{}");
        planner.planPending();
        List<Map<String, Object>> decisions = api().get("/api/customers/{id}/decisions", customer).jsonPath().getList("$");
        String latestOffer = decisions.stream().filter(d -> d.get("kind").equals("offer")).findFirst().orElseThrow()
                .get("id").toString();
        api().get("/api/decisions/" + latestOffer + "/deliveries").then()
                .body("find { it.channel == 'email' }.status", org.hamcrest.Matchers.not(equalTo("suppressed")));
    }

    @Test
    void anOptOutOfEverythingLeavesEscalationsAlone() {
        String customer = unique("c");
        api().body(Map.of("optedOut", true)).put("/api/customers/{id}/consent/all", customer).then().statusCode(200);
        post(customer, "feedback.submitted", "{\"rating\": 1, \"comment\": \"Terrible\"}");
        planner.planPending();

        List<Map<String, Object>> decisions = api().get("/api/customers/{id}/decisions", customer).jsonPath().getList("$");
        assertThat(decisions).extracting(d -> d.get("kind")).containsOnly("escalation");
        List<Map<String, Object>> deliveries = api().get("/api/decisions/" + decisions.get(0).get("id") + "/deliveries")
                .jsonPath().getList("$");
        assertThat(deliveries).isNotEmpty().noneMatch(d -> "suppressed".equals(d.get("status")));
    }

    @Test
    void aConsentChangeWithoutItsAnswerIsRefused() {
        api().body(Map.of()).put("/api/customers/c-1/consent/email").then().statusCode(400)
                .body("errors[0].field", equalTo("optedOut"));
        api().body(Map.of("optedOut", true)).put("/api/customers/c-1/consent/E MAIL").then().statusCode(400)
                .body("errors[0].field", equalTo("channel"));
    }

    private static void post(String customer, String type, String data) {
        api().body(event(unique("e"), type, customer, data)).post("/api/events").then().statusCode(202);
    }

    /** The deliveries of the customer's first offer (a sign-up also decides a follow-up, delivered only when it fires). */
    private static List<Map<String, Object>> deliveriesOfFirstOffer(String customer) {
        String decision = api().get("/api/customers/{id}/decisions", customer).then().statusCode(200)
                .extract().path("findAll { it.kind == 'offer' }[-1].id");
        return api().get("/api/decisions/" + decision + "/deliveries").jsonPath().getList("$");
    }
}
