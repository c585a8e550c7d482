package dev.beckon.decision;

import static dev.beckon.support.Api.api;
import static dev.beckon.support.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.rabbitmq.client.GetResponse;
import dev.beckon.delivery.DecisionPublisher;
import dev.beckon.delivery.DeliveryPlanner;
import dev.beckon.support.MovableClock;
import dev.beckon.support.Rabbit;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class FollowUpTest {

    @Inject
    MovableClock clock;
    @Inject
    FollowUpPoller poller;
    @Inject
    DeliveryPlanner planner;
    @Inject
    DecisionPublisher publisher;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void firesWhenTheClockPassesItsDueTimeAndIsPublished() throws Exception {
        String customer = unique("c");
        try (Rabbit rabbit = new Rabbit()) {
            String downstream = rabbit.listenToDecisions("followup.abandoned-cart");
            cart(customer, clock.instant());

            poller.fireDue();
            assertThat(followUpStatus(customer)).isEqualTo("pending");

            clock.advance(Duration.ofMinutes(29));
            poller.fireDue();
            assertThat(followUpStatus(customer)).isEqualTo("pending");

            clock.advance(Duration.ofMinutes(2));
            poller.fireDue();
            assertThat(followUpStatus(customer)).isEqualTo("fired");

            // The scheduled planner and publisher run too, and may be the ones to take this delivery: wait for it.
            List<GetResponse> published = new java.util.ArrayList<>();
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                planner.planPending();
                publisher.publishPending();
                published.addAll(rabbit.drain(downstream));
                assertThat(published).extracting(Rabbit::body).anySatisfy(body ->
                        assertThat(body).contains("\"customerId\":\"" + customer + "\"").contains("\"status\":\"fired\""));
            });
        }
    }

    @Test
    void aFollowUpThatFellDueWhileBeckonWasDownFiresAtTheFirstPoll() {
        String customer = unique("c");
        cart(customer, clock.instant().minus(Duration.ofHours(2)));

        poller.fireDue();

        assertThat(followUpStatus(customer)).isEqualTo("fired");
    }

    @Test
    void isCancelledWhenTheCustomerOrdersFirst() {
        String customer = unique("c");
        cart(customer, clock.instant());
        order(customer);
        assertThat(followUpStatus(customer)).isEqualTo("cancelled");

        clock.advance(Duration.ofHours(1));
        poller.fireDue();

        assertThat(followUpStatus(customer)).isEqualTo("cancelled");
    }

    @Test
    void isCancelledByAnOrderInTheSameBatch() {
        String customer = unique("c");
        api().body("[" + cartJson(customer, clock.instant()) + "," + orderJson(customer) + "]")
                .post("/api/events").then().statusCode(202);

        assertThat(followUpStatus(customer)).isEqualTo("cancelled");
    }

    @Test
    void aNewerCartUpdateReplacesThePendingReminder() {
        String customer = unique("c");
        cart(customer, clock.instant());
        cart(customer, clock.instant().plus(Duration.ofMinutes(10)));

        List<Map<String, Object>> followUps = followUps(customer);
        assertThat(followUps).extracting(f -> f.get("status")).containsExactly("pending", "superseded");
    }

    private static void cart(String customer, Instant at) {
        api().body(cartJson(customer, at)).post("/api/events").then().statusCode(202);
    }

    private static String cartJson(String customer, Instant at) {
        return """
                {"id": "%s", "type": "cart.updated", "customerId": "%s", "occurredAt": "%s", "data": {"total": 80}}
                """.formatted(unique("e"), customer, at);
    }

    private static void order(String customer) {
        api().body(orderJson(customer)).post("/api/events").then().statusCode(202);
    }

    private static String orderJson(String customer) {
        return """
                {"id": "%s", "type": "order.completed", "customerId": "%s", "data": {"total": 80}}
                """.formatted(unique("e"), customer);
    }

    private static String followUpStatus(String customer) {
        List<Map<String, Object>> followUps = followUps(customer);
        assertThat(followUps).hasSize(1);
        return (String) followUps.get(0).get("status");
    }

    private static List<Map<String, Object>> followUps(String customer) {
        await().atMost(Duration.ofSeconds(10)).until(() -> !api().get("/api/customers/" + customer + "/decisions")
                .then().extract().jsonPath().getList("$").isEmpty());
        List<Map<String, Object>> decisions = api().get("/api/customers/" + customer + "/decisions")
                .then().extract().jsonPath().getList("$");
        return decisions.stream().filter(d -> "followup".equals(d.get("kind"))).toList();
    }
}
