package dev.beckon.delivery;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.beckon.support.BeckonProcess;
import dev.beckon.support.ProcessEnvironment;
import dev.beckon.support.TestEndpoint.Answer;
import dev.beckon.support.TestEndpoint;
import dev.beckon.support.TestNamespace;
import io.restassured.http.ContentType;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Beckon is killed (SIGKILL) while it is sending webhooks to a slow endpoint, then started again:
 * every decision still reaches the endpoint, a delivery recorded before the crash is never sent
 * again, and the only repeats are deliveries that were in flight at the crash, which carry the
 * same webhook-id so the receiver drops them.
 */
class RestartMidDispatchIT {

    static final int DECISIONS = 30;
    static final String KEY = "it-api-key-0123456789";

    @Test
    void aCrashMidDispatchLosesNothingAndResendsOnlyWhatWasInFlightWithItsWebhookId() throws Exception {
        String url = ProcessEnvironment.freshSchema(TestNamespace.SCHEMA + "_restart_it");
        Map<String, String> environment = ProcessEnvironment.of(url, KEY);
        environment.putAll(Map.of("BECKON_DELIVERY_LEASE", "PT4S", "BECKON_DELIVERY_REQUEST_TIMEOUT", "PT3S",
                "BECKON_DELIVERY_FIRST_RETRY", "PT0.5S", "BECKON_DELIVERY_PER_TARGET_CONCURRENCY", "4"));

        try (TestEndpoint endpoint = new TestEndpoint();
             BeckonProcess beckon = new BeckonProcess(environment, "restart-mid-dispatch")) {
            endpoint.answer(request -> new Answer(200, 600));
            beckon.start();
            given().baseUri(beckon.baseUrl()).header("Authorization", "Bearer " + KEY).contentType(ContentType.JSON)
                    .body(Map.of("name", "crm", "url", endpoint.url(), "campaigns", List.of("late-checkout")))
                    .post("/api/webhook-endpoints").then().statusCode(201);
            String events = java.util.stream.IntStream.range(0, DECISIONS)
                    .mapToObj(i -> "{\"id\": \"it-%s\", \"type\": \"room.assigned\", \"customerId\": \"guest-%d\", \"data\": {}}"
                            .formatted(UUID.randomUUID(), i))
                    .collect(Collectors.joining(",", "[", "]"));
            given().baseUri(beckon.baseUrl()).header("Authorization", "Bearer " + KEY).contentType(ContentType.JSON)
                    .body(events).post("/api/events").then().statusCode(202);

            await().atMost(Duration.ofSeconds(60)).until(() -> endpoint.all().size() >= 8);
            beckon.kill();
            Set<String> recordedBeforeCrash = deliveredDecisions(url);
            Set<String> receivedBeforeCrash = endpoint.all().stream().map(r -> r.header("webhook-id")).collect(Collectors.toSet());
            assertThat(recordedBeforeCrash).as("some deliveries were recorded before the crash").isNotEmpty();
            assertThat(receivedBeforeCrash.size()).as("the crash came mid-dispatch").isLessThan(DECISIONS);

            beckon.start();
            await().atMost(Duration.ofSeconds(90)).until(() -> deliveredDecisions(url).size() == DECISIONS);

            Map<String, Long> timesReceived = endpoint.all().stream()
                    .collect(Collectors.groupingBy(r -> r.header("webhook-id"), Collectors.counting()));
            assertThat(timesReceived).as("every decision reached the endpoint").hasSize(DECISIONS);
            assertThat(recordedBeforeCrash).allSatisfy(id ->
                    assertThat(timesReceived.get(id)).as("a delivery recorded before the crash, sent again").isEqualTo(1));
            Set<String> repeated = timesReceived.entrySet().stream().filter(e -> e.getValue() > 1)
                    .map(Map.Entry::getKey).collect(Collectors.toSet());
            Set<String> inFlightAtCrash = new HashSet<>(receivedBeforeCrash);
            inFlightAtCrash.removeAll(recordedBeforeCrash);
            assertThat(inFlightAtCrash).containsAll(repeated);
            assertThat(repeated.size()).isLessThanOrEqualTo(4);
            System.out.printf("Restart mid-dispatch: %d delivered, %d recorded before the crash, %d in flight at the crash, %d sent twice%n",
                    timesReceived.size(), recordedBeforeCrash.size(), inFlightAtCrash.size(), repeated.size());
        }
    }

    private static Set<String> deliveredDecisions(String url) throws SQLException {
        try (Connection db = DriverManager.getConnection(url, "postgres", "");
             Statement statement = db.createStatement();
             ResultSet row = statement.executeQuery(
                     "SELECT decision_id FROM deliveries WHERE channel = 'webhook' AND status = 'delivered'")) {
            Set<String> ids = new HashSet<>();
            while (row.next()) {
                ids.add(row.getString(1));
            }
            return ids;
        }
    }
}
