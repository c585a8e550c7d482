package dev.beckon.delivery.backlog;

import static dev.beckon.support.Api.api;
import static dev.beckon.support.Api.event;
import static dev.beckon.support.Api.unique;
import static io.restassured.RestAssured.given;
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
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Deliveries an endpoint keeps refusing pile up; past {@code beckon.delivery.backlog-limit} the
 * wellness check says so with the figures, while readiness and liveness stay up, and it is UP
 * again once the endpoint recovers and the backlog drains.
 */
@QuarkusTest
@TestProfile(DeliveryBacklogTest.SmallLimit.class)
class DeliveryBacklogTest {

    static final int LIMIT = 3;

    public static class SmallLimit implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("beckon.delivery.backlog-limit", String.valueOf(LIMIT));
        }
    }

    private static final Pattern PENDING = Pattern.compile("(?m)^beckon_deliveries_backlog\\{stage=\"pending\"} ([0-9.]+)$");

    @Test
    void aBacklogPastTheLimitTurnsTheWellnessCheckDownWithItsFiguresUntilItDrains() throws Exception {
        int decisions = LIMIT + 2;
        AtomicBoolean refusing = new AtomicBoolean(true);
        try (TestEndpoint endpoint = new TestEndpoint()) {
            endpoint.answer(request -> Answer.status(refusing.get() ? 503 : 204));
            String name = unique("ep").toLowerCase();
            api().body(Map.of("name", name, "url", endpoint.url(), "campaigns", List.of("late-checkout")))
                    .post("/api/webhook-endpoints").then().statusCode(201);
            try {
                for (int i = 0; i < decisions; i++) {
                    api().body(event(unique("e"), "room.assigned", unique("guest"), "{\"room\": \"101\"}"))
                            .post("/api/events").then().statusCode(202);
                }

                // Unplanned decisions count too, so the check may go down before all of them are planned deliveries.
                await().atMost(Duration.ofSeconds(30)).until(() -> !backlogCheck().up()
                        && backlogCheck().pending() >= decisions && pendingGauge() >= decisions);
                BacklogCheck down = backlogCheck();
                assertThat(down.backlog()).isGreaterThanOrEqualTo(decisions);
                assertThat(down.pending()).isGreaterThanOrEqualTo(decisions);
                assertThat(down.limit()).isEqualTo(LIMIT);
                assertThat(pendingGauge()).isGreaterThanOrEqualTo(decisions);
                given().get("/q/health/ready").then().statusCode(200);
                given().get("/q/health/live").then().statusCode(200);

                refusing.set(false);

                await().atMost(Duration.ofSeconds(60)).until(() -> backlogCheck().up());
                await().atMost(Duration.ofSeconds(10)).until(() -> backlogCheck().backlog() == 0 && pendingGauge() == 0);
            } finally {
                api().delete("/api/webhook-endpoints/" + name).then().statusCode(204);
            }
        }
    }

    /** The delivery-backlog check as /q/health/well reports it. */
    record BacklogCheck(boolean up, long backlog, long pending, long limit) {
    }

    @SuppressWarnings("unchecked")
    private static BacklogCheck backlogCheck() {
        List<Map<String, Object>> checks = given().get("/q/health/well").then().extract().jsonPath().getList("checks");
        Map<String, Object> check = checks.stream().filter(c -> "delivery-backlog".equals(c.get("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no delivery-backlog check in /q/health/well"));
        Map<String, Object> data = (Map<String, Object>) check.get("data");
        return new BacklogCheck("UP".equals(check.get("status")), ((Number) data.get("backlog")).longValue(),
                ((Number) data.get("pending")).longValue(), ((Number) data.get("limit")).longValue());
    }

    private static double pendingGauge() {
        Matcher gauge = PENDING.matcher(api().get("/q/metrics").then().statusCode(200).extract().asString());
        assertThat(gauge.find()).as("beckon_deliveries_backlog{stage=\"pending\"} in /q/metrics").isTrue();
        return Double.parseDouble(gauge.group(1));
    }
}
