package dev.beckon.delivery;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An endpoint with a backlog gets its next delivery as soon as one of its requests is answered,
 * within its per-target limit, not one share per scheduled round. The schedule is off here, so the
 * only rounds are the one after the batch committed and those the answers start: if answers did
 * not start rounds, the endpoint would get its first four deliveries and then nothing.
 */
@QuarkusTest
@TestProfile(BusyEndpointTest.NoSchedule.class)
class BusyEndpointTest {

    static final int DECISIONS = 30;

    public static class NoSchedule implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("beckon.delivery.poll-interval", "off");
        }
    }

    @Test
    void aBacklogToOneEndpointDrainsAsItsAnswersComeWithoutWaitingForTheSchedule() throws Exception {
        try (TestEndpoint endpoint = new TestEndpoint()) {
            endpoint.answer(request -> new Answer(200, 50));
            String name = unique("ep").toLowerCase();
            api().body(Map.of("name", name, "url", endpoint.url(), "campaigns", List.of("late-checkout")))
                    .post("/api/webhook-endpoints").then().statusCode(201);
            try {
                List<String> customers = new ArrayList<>();
                StringBuilder batch = new StringBuilder("[");
                for (int i = 0; i < DECISIONS; i++) {
                    String customer = unique("guest");
                    customers.add(customer);
                    batch.append(i == 0 ? "" : ",").append(event(unique("e"), "room.assigned", customer, "{\"room\": \"7\"}"));
                }
                // One request, one commit, one wake-up: the rest must come from the endpoint's answers.
                api().body(batch.append("]").toString()).post("/api/events").then().statusCode(202);

                await().atMost(Duration.ofSeconds(30))
                        .until(() -> customers.stream().allMatch(c -> endpoint.about(c).size() == 1));
                assertThat(endpoint.all()).hasSize(DECISIONS);
                assertThat(endpoint.mostInFlight()).as("requests the endpoint held at once").isBetween(2, 4);
            } finally {
                api().delete("/api/webhook-endpoints/" + name).then().statusCode(204);
            }
        }
    }
}
