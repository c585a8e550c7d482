package dev.beckon.delivery;

import static dev.beckon.delivery.DeliveryLog.decisionOf;
import static dev.beckon.delivery.DeliveryLog.deliveryTo;
import static dev.beckon.support.Api.api;
import static dev.beckon.support.Api.event;
import static dev.beckon.support.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.beckon.support.TestEndpoint;
import dev.beckon.support.TestEndpoint.Answer;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A replica keeps the deliveries it is working on for as long as it works on them: here the
 * endpoint takes three times the lease to answer, and rounds come every 200 ms, each free to claim
 * any delivery whose lease has run out. Without renewal the delivery would be claimed and sent again
 * every lease; with it the endpoint gets one request.
 */
@QuarkusTest
@TestProfile(SlowEndpointLeaseTest.ShortLease.class)
class SlowEndpointLeaseTest {

    public static class ShortLease implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("beckon.delivery.lease", "PT1.5S",
                    "beckon.delivery.request-timeout", "PT10S",
                    "beckon.delivery.poll-interval", "200ms");
        }
    }

    @Test
    void anAnswerSlowerThanTheLeaseStillMeansOneRequestAndOneAttempt() throws Exception {
        try (TestEndpoint endpoint = new TestEndpoint()) {
            endpoint.answer(request -> new Answer(200, 4_500));
            String name = unique("ep").toLowerCase();
            api().body(Map.of("name", name, "url", endpoint.url(), "campaigns", List.of("late-checkout")))
                    .post("/api/webhook-endpoints").then().statusCode(201);
            try {
                String customer = unique("guest");
                api().body(event(unique("e"), "room.assigned", customer, "{\"room\": \"7\"}"))
                        .post("/api/events").then().statusCode(202);

                String decision = await().atMost(Duration.ofSeconds(10)).until(() -> decisionOf(customer), found -> found != null);
                await().atMost(Duration.ofSeconds(30)).until(() -> "delivered".equals(deliveryTo(name, decision).get("status")));
                assertThat(endpoint.about(customer)).as("requests the endpoint received").hasSize(1);
                assertThat(deliveryTo(name, decision).get("attempts")).isEqualTo(1);
            } finally {
                api().delete("/api/webhook-endpoints/" + name).then().statusCode(204);
            }
        }
    }

}
