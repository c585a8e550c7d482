package dev.beckon.inbox;

import static dev.beckon.support.Api.api;
import static dev.beckon.support.Api.event;
import static dev.beckon.support.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.beckon.decision.FollowUpPoller;
import dev.beckon.delivery.DeliveryPlanner;
import dev.beckon.support.Escalations;
import dev.beckon.support.MovableClock;
import dev.beckon.support.RuleSets;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Support and marketing talk to each other: no promotions in the middle of a complaint, and rules hear how it ended. */
@QuarkusTest
class SupportAndMarketingTest {

    @Inject
    DeliveryPlanner planner;
    @Inject
    FollowUpPoller followUps;
    @Inject
    MovableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void offersAreHeldBackWhileTheCustomerHasAnOpenEscalationAndGoOutAgainOnceItIsResolved() {
        String customer = unique("guest");
        String escalation = Escalations.negativeFeedback(customer);

        roomAssigned(customer);
        assertThat(plannedDeliveriesOf(Escalations.latest(customer, "offer"))).allSatisfy(d -> {
            assertThat(d.get("status")).isEqualTo("suppressed");
            assertThat((String) d.get("reason")).startsWith("customer has an open escalation (Negative feedback, opened ");
        });
        assertThat(plannedDeliveriesOf(escalation)).noneMatch(d -> "suppressed".equals(d.get("status")));

        api().body(Map.of("outcome", "no_action")).post("/api/escalations/" + escalation + "/resolve").then().statusCode(200);
        roomAssigned(customer);
        assertThat(plannedDeliveriesOf(Escalations.latest(customer, "offer")))
                .noneMatch(d -> "suppressed".equals(d.get("status")));
    }

    @Test
    void aFollowUpThatFiresWhileTheCustomerComplainsIsHeldBackToo() {
        String customer = unique("c");
        api().body(event(unique("e"), "cart.updated", customer, "{\"total\": 40}")).post("/api/events").then().statusCode(202);
        Escalations.negativeFeedback(customer);

        clock.advance(Duration.ofMinutes(31));
        followUps.fireDue();

        assertThat(plannedDeliveriesOf(Escalations.latest(customer, "followup"))).allSatisfy(d -> {
            assertThat(d.get("status")).isEqualTo("suppressed");
            assertThat((String) d.get("reason")).startsWith("customer has an open escalation (Negative feedback");
        });
    }

    @Test
    void aRuleReactingToEscalationResolvedFollowsARefundWithAGoodwillOffer() {
        RuleSets.publishStarterPackWith(Escalations.GOODWILL_AFTER_REFUND);
        try {
            String customer = unique("c");
            String escalation = Escalations.negativeFeedback(customer);
            api().body(Map.of("outcome", "refunded")).post("/api/escalations/" + escalation + "/resolve")
                    .then().statusCode(200);

            Map<String, Object> offer = await().atMost(Duration.ofSeconds(15)).until(() -> goodwillOffer(customer),
                    found -> found != null);
            assertThat(offer.get("rule")).isEqualTo("Goodwill after a refund");
            assertThat(offer.get("eventId")).isEqualTo("escalation.resolved:" + escalation + ":1");
            List<Map<String, Object>> events = api().get("/api/customers/{id}/events", customer).jsonPath().getList("$");
            assertThat(events).filteredOn(e -> "escalation.resolved".equals(e.get("type"))).singleElement()
                    .satisfies(e -> assertThat(data(e)).containsEntry("outcome", "refunded")
                            .containsEntry("escalationId", escalation).containsEntry("rule", "Negative feedback escalation"));

            assertThat(plannedDeliveriesOf(offer.get("id").toString()))
                    .noneMatch(d -> "suppressed".equals(d.get("status")) && String.valueOf(d.get("reason")).contains("escalation"));
        } finally {
            RuleSets.restoreStarterPack();
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> data(Map<String, Object> event) {
        return (Map<String, Object>) event.get("data");
    }

    private static Map<String, Object> goodwillOffer(String customer) {
        List<Map<String, Object>> decisions = api().get("/api/customers/{id}/decisions", customer).jsonPath().getList("$");
        return decisions.stream().filter(d -> "goodwill".equals(d.get("campaign"))).findFirst().orElse(null);
    }

    private static void roomAssigned(String customer) {
        api().body(event(unique("e"), "room.assigned", customer, "{}")).post("/api/events").then().statusCode(202);
    }

    /**
     * The decision's deliveries once planned: by this call, or by the scheduled planner or the wake-up after
     * the batch, whichever claimed the outbox row first (a claimed row is skipped, not waited for).
     */
    private List<Map<String, Object>> plannedDeliveriesOf(String decision) {
        return await().atMost(Duration.ofSeconds(10)).until(() -> {
            planner.planPending();
            return api().get("/api/decisions/" + decision + "/deliveries").jsonPath().<Map<String, Object>>getList("$");
        }, deliveries -> !deliveries.isEmpty());
    }
}
