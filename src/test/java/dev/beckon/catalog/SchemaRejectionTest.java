package dev.beckon.catalog;

import static dev.beckon.support.Api.api;
import static dev.beckon.support.Api.event;
import static dev.beckon.support.Api.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.rabbitmq.client.GetResponse;
import dev.beckon.support.Rabbit;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** Events that fail their type's schema are refused on every way in: HTTP, RabbitMQ, webhooks and replays. */
@QuarkusTest
class SchemaRejectionTest {

    private static final String SECRET = "shpss_catalog_0123456789abcdef";

    @Test
    void httpRefusesTheWholeRequestNamingEachFieldByJsonPointer() {
        String type = unique("order");
        EventSchemaApiTest.register(type, EventSchemaApiTest.ORDER_SCHEMA);
        String customer = unique("c");
        String good = event(unique("e"), type, customer, "{\"orderId\": \"o-1\", \"total\": 20}");
        String bad = event(unique("e"), type, customer, "{\"total\": \"20\"}");

        api().body("[" + good + "," + bad + "]").post("/api/events")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("nothing was stored"))
                .body("errors.field", containsInAnyOrder("/1/data/orderId", "/1/data/total"))
                .body("errors.find { it.field == '/1/data/total' }.message", equalTo("string found, number expected"));
        api().get("/api/customers/" + customer).then().statusCode(404);

        api().body(good).post("/api/events").then().statusCode(202).body("accepted", equalTo(1));
    }

    @Test
    void aNewVersionIsEnforcedAtOnce() {
        String type = unique("order");
        EventSchemaApiTest.register(type, EventSchemaApiTest.ORDER_SCHEMA);
        String withCurrency = EventSchemaApiTest.ORDER_SCHEMA.replace("\"total\"]", "\"total\", \"currency\"]");
        EventSchemaApiTest.register(type, withCurrency);

        api().body(event(unique("e"), type, unique("c"), "{\"orderId\": \"o-1\", \"total\": 20}")).post("/api/events")
                .then().statusCode(400).body("errors.field", containsInAnyOrder("/data/currency"));
    }

    @Test
    void rabbitDeadLettersAnEventThatFailsItsSchemaWithTheReason() throws Exception {
        String type = unique("order");
        EventSchemaApiTest.register(type, EventSchemaApiTest.ORDER_SCHEMA);
        String customer = unique("c");
        String badId = unique("e");
        try (Rabbit rabbit = new Rabbit()) {
            rabbit.publish(type, event(badId, type, customer, "{\"orderId\": \"o-1\", \"total\": \"lots\"}"));
            rabbit.publish(type, event(unique("e"), type, customer, "{\"orderId\": \"o-2\", \"total\": 5}"));

            await().atMost(Duration.ofSeconds(20)).until(() -> api().get("/api/customers/" + customer).statusCode() == 200);
            List<GetResponse> dead = new ArrayList<>();
            await().atMost(Duration.ofSeconds(10)).until(() -> {
                dead.addAll(rabbit.drain(Rabbit.DEAD));
                return dead.stream().anyMatch(m -> Rabbit.body(m).contains(badId));
            });
            GetResponse letter = dead.stream().filter(m -> Rabbit.body(m).contains(badId)).findFirst().orElseThrow();
            assertThat(String.valueOf(letter.getProps().getHeaders().get("x-beckon-reason")))
                    .isEqualTo("Does not match its type's schema: /data/total string found, number expected");
        }
        api().get("/api/customers/" + customer).then().body("eventCount", equalTo(1));

        long letterId = deadLetterOf(badId);
        api().post("/api/dead-letters/" + letterId + "/replay").then().statusCode(422)
                .body("errors.field", hasItem("/data/total"));
    }

    @Test
    void aWebhookWhoseEventsFailTheirSchemaIsRefusedAndLoggedAsRejected() throws Exception {
        String type = unique("order");
        EventSchemaApiTest.register(type, EventSchemaApiTest.ORDER_SCHEMA);
        String source = unique("shop");
        api().body(Map.of("name", source, "scheme", "shopify", "secrets", List.of(SECRET)))
                .post("/api/webhook-sources").then().statusCode(201);
        String customer = unique("c");
        byte[] body = event(unique("e"), type, customer, "{\"orderId\": 42, \"total\": 5}").getBytes(StandardCharsets.UTF_8);

        given().contentType(ContentType.JSON)
                .header("X-Shopify-Hmac-SHA256", shopifySignature(body))
                .header("X-Shopify-Webhook-Id", unique("wh")).body(body).post("/hooks/" + source)
                .then().statusCode(422)
                .body("errors.field", containsInAnyOrder("/data/orderId"));

        api().get("/api/customers/" + customer).then().statusCode(404);
        api().get("/api/webhook-sources/" + source + "/deliveries").then()
                .body("[0].status", equalTo("rejected"))
                .body("[0].error", containsString("/data/orderId integer found, string expected"));
    }

    private static String shopifySignature(byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return Base64.getEncoder().encodeToString(mac.doFinal(body));
    }

    private static long deadLetterOf(String eventId) {
        List<Map<String, Object>> letters = api().get("/api/dead-letters").then().extract().jsonPath().getList("$");
        return letters.stream().filter(l -> eventId.equals(l.get("messageKey"))).findFirst()
                .map(l -> ((Number) l.get("id")).longValue()).orElseThrow();
    }
}
