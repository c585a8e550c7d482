package dev.beckon.delivery;

import static dev.beckon.delivery.DeliveryLog.decisionOf;
import static dev.beckon.support.Api.api;
import static dev.beckon.support.Api.event;
import static dev.beckon.support.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

import dev.beckon.ingest.webhook.SignedRequest;
import dev.beckon.ingest.webhook.StandardWebhooks;
import dev.beckon.support.MovableClock;
import dev.beckon.support.TestEndpoint;
import dev.beckon.support.TestEndpoint.Answer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OutboundWebhookTest {

    /** Only late-checkout offers (room.assigned) go to this test's endpoints, so other tests' decisions stay out. */
    static final String CAMPAIGN = "late-checkout";

    @Inject
    MovableClock clock;

    private final List<String> endpoints = new ArrayList<>();
    private TestEndpoint endpoint;

    @BeforeEach
    void openEndpoint() throws Exception {
        endpoint = new TestEndpoint();
    }

    @AfterEach
    void closeEndpoints() {
        clock.reset();
        endpoints.forEach(name -> api().delete("/api/webhook-endpoints/" + name).then().statusCode(204));
        endpoint.close();
    }

    @Test
    void aDecisionReachesTheEndpointSignedTheStandardWebhooksWayWithTheDecisionAsWebhookId() {
        String secret = register(endpoint);
        String customer = roomAssigned();

        await().atMost(Duration.ofSeconds(20)).until(() -> endpoint.about(customer).size() == 1);
        TestEndpoint.Received request = endpoint.about(customer).get(0);
        String decision = decisionOf(customer);
        assertThat(request.header("webhook-id")).isEqualTo(decision);
        SignedRequest signed = new SignedRequest(request.headers(), request.body().getBytes(StandardCharsets.UTF_8));
        assertThat(new StandardWebhooks().verify(signed, List.of(secret), Instant.now()).webhookId()).isEqualTo(decision);
        JsonPath body = JsonPath.from(request.body());
        assertThat(body.getString("type")).isEqualTo("offer." + CAMPAIGN);
        assertThat(body.getString("data.decisionId")).isEqualTo(decision);
        assertThat(body.getString("data.details.code")).isEqualTo("LATE20");

        await().atMost(Duration.ofSeconds(10)).until(() -> webhookDelivery(decision).getString("status").equals("delivered"));
        JsonPath log = webhookDelivery(decision);
        assertThat(log.getInt("attemptLog[0].statusCode")).isEqualTo(200);
        assertThat(log.getInt("attemptLog[0].durationMillis")).isGreaterThanOrEqualTo(0);
        assertThat(api().get("/q/metrics").asString())
                .contains("beckon_deliveries_attempts_total{channel=\"webhook\",outcome=\"delivered\"}");
    }

    @Test
    void aFailingEndpointIsRetriedWithTheSameWebhookIdUntilItRecovers() {
        AtomicInteger calls = new AtomicInteger();
        endpoint.answer(request -> Answer.status(calls.incrementAndGet() <= 2 ? 500 : 204));
        register(endpoint);
        String customer = roomAssigned();
        String decision = decisionOf(customer);

        await().atMost(Duration.ofSeconds(30)).until(() -> webhookDelivery(decision).getString("status").equals("delivered"));

        assertThat(endpoint.about(customer)).hasSize(3).extracting(r -> r.header("webhook-id")).containsOnly(decision);
        assertThat(webhookDelivery(decision).getList("attemptLog.statusCode")).containsExactly(500, 500, 204);
        assertThat(webhookDelivery(decision).getString("attemptLog[0].error")).startsWith("HTTP 500");
    }

    @Test
    void aDeliveryFailingPastItsMaximumAgeIsDeadWithItsLastErrorAndCanBeRedelivered() {
        endpoint.answer(request -> Answer.status(503));
        register(endpoint);
        String customer = roomAssigned();
        String decision = decisionOf(customer);
        await().atMost(Duration.ofSeconds(20)).until(() -> !endpoint.about(customer).isEmpty());

        clock.advance(Duration.ofDays(2));
        await().atMost(Duration.ofSeconds(20)).until(() -> webhookDelivery(decision).getString("status").equals("dead"));
        JsonPath dead = webhookDelivery(decision);
        assertThat(dead.getString("reason")).startsWith("HTTP 503");
        long id = dead.getLong("id");
        assertThat(api().get("/api/deliveries?status=dead&limit=500").jsonPath().getList("id", Long.class)).contains(id);
        int attemptsWhenDead = endpoint.about(customer).size();

        endpoint.answer(request -> Answer.status(200));
        api().post("/api/deliveries/" + id + "/redeliver").then().statusCode(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> webhookDelivery(decision).getString("status").equals("delivered"));
        assertThat(endpoint.about(customer)).hasSize(attemptsWhenDead + 1);

        api().post("/api/deliveries/" + id + "/redeliver").then().statusCode(409)
                .body("detail", containsString("only a dead delivery"));
    }

    @Test
    void aHangingEndpointHoldsNeitherIngestionNorAnotherEndpoint() throws Exception {
        try (TestEndpoint fast = new TestEndpoint()) {
            endpoint.answer(request -> new Answer(200, 1_500));
            register(endpoint);
            register(fast);

            List<String> customers = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                customers.add(roomAssigned());
            }

            await().atMost(Duration.ofSeconds(20))
                    .until(() -> customers.stream().allMatch(c -> fast.about(c).size() == 1));
            // The hanging endpoint needs three rounds of 1.5 s for its ten; the fast one did not wait for them.
            long slowSoFar = customers.stream().mapToLong(c -> endpoint.about(c).size()).sum();
            assertThat(slowSoFar).as("requests the hanging endpoint had got when the fast one had all").isLessThan(10);
            await().atMost(Duration.ofSeconds(40))
                    .until(() -> customers.stream().allMatch(c -> endpoint.about(c).size() == 1));
            assertThat(endpoint.mostInFlight()).as("requests the hanging endpoint held at once").isLessThanOrEqualTo(4);
        }
    }

    @Test
    void anEndpointIsRefusedWithTheFieldsThatAreWrong() {
        api().body(Map.of("name", "Not A Name", "url", "ftp://example.com", "kinds", List.of("coupon")))
                .post("/api/webhook-endpoints").then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("name", "url", "kinds"));
    }

    @Test
    void aRotatedSecretSignsBesideTheOldOneUntilTheOldOneIsRetired() {
        String old = register(endpoint);
        String name = endpoints.get(endpoints.size() - 1);
        String rotated = api().post("/api/webhook-endpoints/" + name + "/rotate-secret").then().statusCode(200)
                .extract().path("secret");
        String customer = roomAssigned();

        await().atMost(Duration.ofSeconds(20)).until(() -> endpoint.about(customer).size() == 1);
        TestEndpoint.Received request = endpoint.about(customer).get(0);
        SignedRequest signed = new SignedRequest(request.headers(), request.body().getBytes(StandardCharsets.UTF_8));
        StandardWebhooks verifier = new StandardWebhooks();
        assertThat(verifier.verify(signed, List.of(old), Instant.now())).isNotNull();
        assertThat(verifier.verify(signed, List.of(rotated), Instant.now())).isNotNull();
        assertThat(api().post("/api/webhook-endpoints/" + name + "/retire-old-secret").then().statusCode(200)
                .extract().<Integer>path("secrets")).isEqualTo(1);
    }

    @Test
    void anEndpointAtAnInternalAddressIsRefusedNamingTheUrlField() {
        for (String url : List.of("http://169.254.169.254/latest/meta-data/", "http://10.0.0.7/hook", "http://[::1]/hook",
                "http://localhost:" + port(endpoint) + "/hooks/beckon")) {
            api().body(Map.of("name", unique("ep").toLowerCase(), "url", url)).post("/api/webhook-endpoints").then()
                    .statusCode(400).contentType("application/problem+json")
                    .body("errors.field", org.hamcrest.Matchers.contains("url"))
                    .body("errors[0].message", containsString("internal address"));
        }
    }

    @Test
    void aNameThatNowResolvesInsideIsNotContactedAndItsDeliveryIsDeadWithTheReason() {
        register(endpoint);
        String name = endpoints.get(endpoints.size() - 1);
        // Accepted when it was public; now the name points at the loopback address (DNS rebinding).
        QuarkusTransaction.requiringNew().run(() -> WebhookEndpoint.update("url = ?1 where name = ?2",
                "http://localhost:" + port(endpoint) + "/hooks/beckon", name));
        String customer = roomAssigned();
        String decision = decisionOf(customer);

        await().atMost(Duration.ofSeconds(20)).until(() -> webhookDelivery(decision).getString("status").equals("dead"));
        JsonPath dead = webhookDelivery(decision);
        assertThat(dead.getString("reason")).contains("localhost now resolves to the internal address");
        assertThat(dead.getList("attemptLog")).hasSize(1);
        assertThat(endpoint.all()).isEmpty();
    }

    @Test
    void aPlainHttpEndpointGetsHttp11WithoutAnH2cUpgrade() {
        register(endpoint);
        String customer = roomAssigned();

        await().atMost(Duration.ofSeconds(20)).until(() -> endpoint.about(customer).size() == 1);
        TestEndpoint.Received request = endpoint.about(customer).get(0);
        assertThat(request.headers()).doesNotContainKeys("upgrade", "http2-settings");
        assertThat(request.header("connection")).satisfiesAnyOf(
                connection -> assertThat(connection).isNull(),
                connection -> assertThat(connection.toLowerCase()).doesNotContain("upgrade"));
    }

    private static int port(TestEndpoint target) {
        return java.net.URI.create(target.url()).getPort();
    }

    /** Registers the endpoint for this test's campaign and returns its secret. */
    private String register(TestEndpoint target) {
        String name = unique("ep").toLowerCase();
        endpoints.add(name);
        return api().body(Map.of("name", name, "url", target.url(), "campaigns", List.of(CAMPAIGN)))
                .post("/api/webhook-endpoints").then().statusCode(201).extract().path("secret");
    }

    private static String roomAssigned() {
        String customer = unique("guest");
        api().body(event(unique("e"), "room.assigned", customer, "{\"room\": \"101\"}"))
                .post("/api/events").then().statusCode(202);
        return customer;
    }


    private static JsonPath webhookDelivery(String decision) {
        List<Map<String, Object>> deliveries = api().get("/api/decisions/" + decision + "/deliveries").jsonPath().getList("$");
        int index = 0;
        for (Map<String, Object> delivery : deliveries) {
            if ("webhook".equals(delivery.get("channel"))) {
                return JsonPath.from(api().get("/api/decisions/" + decision + "/deliveries").asString())
                        .setRootPath("[" + index + "]");
            }
            index++;
        }
        return JsonPath.from("{\"status\": \"not planned\"}");
    }
}
