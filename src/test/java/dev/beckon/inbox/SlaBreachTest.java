package dev.beckon.inbox;

import static dev.beckon.support.Api.api;
import static dev.beckon.support.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.beckon.delivery.DecisionPublisher;
import dev.beckon.delivery.DeliveryPlanner;
import dev.beckon.support.Escalations;
import dev.beckon.support.MovableClock;
import dev.beckon.support.Rabbit;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The SLA watch, with the clock moved instead of waiting: a breach raises the priority, tells the rules and downstream, once. */
@QuarkusTest
class SlaBreachTest {

    @Inject
    MovableClock clock;
    @Inject
    SlaWatch watch;
    @Inject
    EscalationEventRelay relay;
    @Inject
    DeliveryPlanner planner;
    @Inject
    DecisionPublisher publisher;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aBreachRaisesThePriorityEmitsTheEventAndPublishesADecisionOnce() throws Exception {
        String customer = unique("c");
        try (Rabbit rabbit = new Rabbit()) {
            String downstream = rabbit.listenToDecisions("escalation.sla_breached");
            String id = Escalations.negativeFeedback(customer);

            clock.advance(Duration.ofMinutes(119));
            watch.reportBreaches();
            api().get("/api/escalations/" + id).then().body("escalation.priority", org.hamcrest.Matchers.equalTo("high"))
                    .body("escalation.sla", org.hamcrest.Matchers.equalTo("ok"));

            clock.advance(Duration.ofMinutes(2));
            watch.reportBreaches();
            watch.reportBreaches();
            api().get("/api/escalations/" + id).then()
                    .body("escalation.priority", org.hamcrest.Matchers.equalTo("urgent"))
                    .body("escalation.sla", org.hamcrest.Matchers.equalTo("breached"))
                    .body("escalation.slaLabel", org.hamcrest.Matchers.startsWith("breached "));
            relay.relayPending();

            List<Map<String, Object>> breaches = await().atMost(Duration.ofSeconds(10)).until(
                    () -> eventsOf(customer, "escalation.sla_breached"), found -> !found.isEmpty());
            assertThat(breaches).singleElement().satisfies(event -> {
                assertThat(event.get("id")).isEqualTo("escalation.sla_breached:" + id + ":1");
                assertThat(event.get("channel")).isEqualTo("inbox");
                @SuppressWarnings("unchecked")
                Map<String, Object> data = (Map<String, Object>) event.get("data");
                assertThat(data).containsEntry("escalationId", id).containsEntry("previousPriority", "high")
                        .containsEntry("priority", "urgent").containsEntry("reason", "Negative feedback");
            });
            List<Map<String, Object>> history = api().get("/api/escalations/" + id).jsonPath().getList("history");
            assertThat(history).extracting(h -> h.get("action")).containsExactly("sla_breached");
            assertThat(history.get(0).get("actor")).isEqualTo("beckon");

            // The scheduled planner may claim the outbox row first: plan and publish until the message is out.
            List<String> published = new ArrayList<>();
            await().atMost(Duration.ofSeconds(10)).until(() -> {
                planner.planPending();
                publisher.publishPending();
                rabbit.drain(downstream).forEach(message -> published.add(Rabbit.body(message)));
                return published.stream().anyMatch(body -> body.contains(id));
            });
            assertThat(published).filteredOn(body -> body.contains(id)).singleElement()
                    .satisfies(body -> assertThat(body).contains("\"status\":\"sla_breached\"")
                            .contains("\"previousPriority\":\"high\"").contains("\"customerId\":\"" + customer + "\""));
        }
    }

    @Test
    void aResolvedEscalationNeverBreachesAndAReopenedOneGetsAFreshSla() {
        String id = Escalations.negativeFeedback(unique("c"));
        api().body(Map.of("outcome", "no_action")).post("/api/escalations/" + id + "/resolve").then().statusCode(200);

        clock.advance(Duration.ofHours(3));
        watch.reportBreaches();
        api().get("/api/escalations/" + id).then().body("escalation.priority", org.hamcrest.Matchers.equalTo("high"))
                .body("escalation.slaBreachedAt", org.hamcrest.Matchers.nullValue());

        api().body(Map.of()).post("/api/escalations/" + id + "/reopen").then().statusCode(200)
                .body("slaLabel", org.hamcrest.Matchers.startsWith("1 h 59 min left"));
        watch.reportBreaches();
        api().get("/api/escalations/" + id).then().body("escalation.sla", org.hamcrest.Matchers.equalTo("ok"));
    }

    @Test
    void aSecondBreachAfterAReopenIsDeliveredToo() {
        String id = Escalations.negativeFeedback(unique("c"));
        clock.advance(Duration.ofMinutes(121));
        watch.reportBreaches();
        api().body(Map.of("outcome", "no_action")).post("/api/escalations/" + id + "/resolve").then().statusCode(200);
        api().body(Map.of()).post("/api/escalations/" + id + "/reopen").then().statusCode(200);
        clock.advance(Duration.ofHours(3));
        watch.reportBreaches();
        planner.planPending();

        List<Map<String, Object>> deliveries = api().get("/api/decisions/" + id + "/deliveries").jsonPath().getList("$");
        assertThat(deliveries).filteredOn(d -> "escalation.sla_breached".equals(d.get("messageType")))
                .filteredOn(d -> "rabbitmq".equals(d.get("channel"))).as("one per breach").hasSize(2);
    }

    private static List<Map<String, Object>> eventsOf(String customer, String type) {
        List<Map<String, Object>> events = api().get("/api/customers/{id}/events", customer).jsonPath().getList("$");
        return events.stream().filter(e -> type.equals(e.get("type"))).toList();
    }
}
