package dev.beckon.ingest.webhook;

import static dev.beckon.support.Api.api;
import static dev.beckon.support.Api.event;
import static dev.beckon.support.Api.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasKey;

import dev.beckon.support.SignedWebhooks;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class WebhookEndpointTest {

    private static final String SECRET = "whsec_" + Base64.getEncoder().encodeToString("shop secret, thirty-two bytes!!!".getBytes(StandardCharsets.UTF_8));
    private static final String NEXT = "whsec_" + Base64.getEncoder().encodeToString("the next secret, also 32 bytes!!".getBytes(StandardCharsets.UTF_8));

    private String source;

    @BeforeEach
    void createSource() {
        source = unique("shop");
        api().body(Map.of("name", source, "scheme", "standard", "secrets", List.of(SECRET, NEXT)))
                .post("/api/webhook-sources").then().statusCode(201)
                .body("endpoint", equalTo("/hooks/" + source))
                .body("secrets", equalTo(2))
                .body("$", not(hasKey("secret")));
    }

    @Test
    void acceptsASignedWebhookOnceAndStoresItsEvents() throws Exception {
        String customer = unique("c");
        String body = event(unique("e"), "order.completed", customer, "{\"total\": 40}");
        String id = unique("msg");

        post(id, now(), body, SECRET).statusCode(200).body("webhookId", equalTo(id)).body("events[0].status", equalTo("accepted"));
        api().get("/api/customers/" + customer).then().statusCode(200).body("orderCount", equalTo(1));

        post(id, now(), body, SECRET).statusCode(200).body("status", equalTo("duplicate"));
        api().get("/api/customers/" + customer).then().body("orderCount", equalTo(1));
        assertThat(SignedWebhooks.deliveries(id)).isEqualTo(1);
    }

    @Test
    void acceptsTheSecretBeingRotatedIn() {
        String body = event(unique("e"), "page.viewed", unique("c"), "{}");
        post(unique("msg"), now(), body, NEXT).statusCode(200);
    }

    @Test
    void refusesBadSignaturesTamperedBodiesStaleTimestampsAndUnknownSourcesLeavingNoTrace() throws Exception {
        String customer = unique("c");
        String body = event(unique("e"), "page.viewed", customer, "{}");
        String id = unique("msg");
        String other = "whsec_" + Base64.getEncoder().encodeToString("somebody else's secret, 32 bytes".getBytes(StandardCharsets.UTF_8));

        post(id, now(), body, other).statusCode(401).contentType("application/problem+json");
        String timestamp = now();
        given().contentType(ContentType.JSON)
                .header("webhook-id", id).header("webhook-timestamp", timestamp)
                .header("webhook-signature", StandardWebhooks.header(SECRET, id, timestamp, body.getBytes(StandardCharsets.UTF_8)))
                .body(body.replace("page.viewed", "order.completed"))
                .post("/hooks/" + source).then().statusCode(401);
        post(id, Long.toString(Instant.now().minusSeconds(600).getEpochSecond()), body, SECRET).statusCode(401);
        post(id, now(), body, SECRET, "/hooks/" + unique("nobody")).statusCode(404);
        given().contentType(ContentType.JSON).body(body).post("/hooks/" + source).then().statusCode(401);

        api().get("/api/customers/" + customer).then().statusCode(404);
        assertThat(SignedWebhooks.deliveries(id)).isZero();
    }

    @Test
    void rotatingSecretsRetiresTheOldOneAndADisabledSourceTakesNothing() {
        String body = event(unique("e"), "page.viewed", unique("c"), "{}");
        api().body(Map.of("secrets", List.of(NEXT))).put("/api/webhook-sources/" + source + "/secrets").then()
                .statusCode(200).body("secrets", equalTo(1));
        post(unique("msg"), now(), body, SECRET).statusCode(401);
        post(unique("msg"), now(), body, NEXT).statusCode(200);

        api().post("/api/webhook-sources/" + source + "/disable").then().statusCode(200).body("enabled", equalTo(false));
        post(unique("msg"), now(), event(unique("e"), "page.viewed", unique("c"), "{}"), NEXT).statusCode(404);
        api().post("/api/webhook-sources/" + source + "/enable").then().statusCode(200).body("enabled", equalTo(true));
        api().body(Map.of("secrets", List.of("short"))).put("/api/webhook-sources/" + source + "/secrets").then().statusCode(400);
    }

    @Test
    void listsVerifiedDeliveriesNewestFirst() {
        String id = unique("msg");
        post(id, now(), event(unique("e"), "page.viewed", unique("c"), "{}"), SECRET).statusCode(200);
        post(unique("msg"), now(), "{\"type\": \"x\"}", SECRET).statusCode(422);

        api().get("/api/webhook-sources/" + source + "/deliveries").then().statusCode(200)
                .body("status", org.hamcrest.Matchers.contains("rejected", "accepted"))
                .body("[1].webhookId", equalTo(id))
                .body("[1].events", equalTo(1));
    }

    @Test
    void refusesAnOversizedBodyBeforeParsingIt() {
        String body = "{\"pad\": \"" + "x".repeat(300 * 1024) + "\"}";
        post(unique("msg"), now(), body, SECRET).statusCode(413).contentType("application/problem+json");
        String huge = "{\"pad\": \"" + "x".repeat(2 * 1024 * 1024) + "\"}";
        post(unique("msg"), now(), huge, SECRET).statusCode(413).contentType("application/problem+json")
                .body("errors[0].field", equalTo("body"));
    }

    @Test
    void refusesAVerifiedBodyThatHoldsNoValidEventNamingTheField() {
        post(unique("msg"), now(), "{\"type\": \"order.completed\"}", SECRET).statusCode(422)
                .body("errors.field", org.hamcrest.Matchers.hasItems("id", "customerId"));
    }

    private ValidatableResponse post(String id, String timestamp, String body, String secret) {
        return post(id, timestamp, body, secret, "/hooks/" + source);
    }

    private static ValidatableResponse post(String id, String timestamp, String body, String secret, String path) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return given().contentType(ContentType.JSON)
                .header("webhook-id", id).header("webhook-timestamp", timestamp)
                .header("webhook-signature", StandardWebhooks.header(secret, id, timestamp, bytes))
                .body(bytes).post(path).then();
    }

    private static String now() {
        return Long.toString(Instant.now().getEpochSecond());
    }
}
