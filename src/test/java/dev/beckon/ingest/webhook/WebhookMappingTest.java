package dev.beckon.ingest.webhook;

import static dev.beckon.support.Api.api;
import static dev.beckon.support.Api.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A shop's own payload, signed the shop's way, becomes a Beckon event through a mapping preset. */
@QuarkusTest
class WebhookMappingTest {

    private static final String SECRET = "shpss_0123456789abcdef0123456789";

    @Test
    void aShopifyOrderWebhookBecomesACompletedOrderOnce() {
        String source = unique("shopify");
        api().body(Map.of("name", source, "scheme", "shopify", "secrets", List.of(SECRET), "preset", "shopify-orders-create"))
                .post("/api/webhook-sources").then().statusCode(201).body("mapping.type", equalTo("=order.completed"));
        long orderId = System.nanoTime();
        long customerId = System.nanoTime() + 1;
        String body = """
                {"id": %d, "created_at": "2026-11-21T11:00:00-05:00", "total_price": "199.65", "currency": "USD",
                 "customer": {"id": %d, "email": "jon@example.com"}, "line_items": [{"sku": "IPOD-342-N", "quantity": 1}]}
                """.formatted(orderId, customerId);

        api().body(body).post("/api/webhook-sources/" + source + "/try").then().statusCode(200)
                .body("[0].id", equalTo("shopify-order-" + orderId))
                .body("[0].customerId", equalTo("shopify-customer-" + customerId));
        api().body("{\"total_price\": \"1\"}").post("/api/webhook-sources/" + source + "/try").then().statusCode(422)
                .body("errors.field", hasItem("id"));
        api().get("/api/customers/shopify-customer-" + customerId).then().statusCode(404);

        String webhookId = unique("wh");
        post(source, webhookId, body).statusCode(200).body("events[0].status", equalTo("accepted"));
        api().get("/api/customers/shopify-customer-" + customerId).then().statusCode(200)
                .body("orderCount", equalTo(1)).body("lifetimeSpend", equalTo(199.65f));
        post(source, webhookId, body).statusCode(200).body("status", equalTo("duplicate"));
        post(source, unique("wh"), body).statusCode(200).body("events[0].status", equalTo("duplicate"));
        api().get("/api/customers/shopify-customer-" + customerId).then().body("orderCount", equalTo(1));
        api().get("/api/webhook-sources/presets").then().statusCode(200).body("$", org.hamcrest.Matchers.hasKey("pos-sale"));
    }

    @Test
    void aSourcesMappingIsChangedToAPresetToItsOwnAndToNoneAndEachChangeIsAudited() {
        String source = unique("pos");
        api().body(Map.of("name", source, "scheme", "shopify", "secrets", List.of(SECRET))).post("/api/webhook-sources")
                .then().statusCode(201).body("mapping", equalTo(null));

        api().body(Map.of("preset", "pos-sale")).put("/api/webhook-sources/" + source + "/mapping").then().statusCode(200)
                .body("mapping.type", equalTo("=pos.sale"));
        api().body(Map.of("mapping", Map.of("id", "pos-{/receipt}", "type", "=pos.refund", "customerId", "/customer")))
                .put("/api/webhook-sources/" + source + "/mapping").then().statusCode(200)
                .body("mapping.type", equalTo("=pos.refund"));
        api().body("{\"receipt\": 7, \"customer\": \"c-7\"}").post("/api/webhook-sources/" + source + "/try").then()
                .statusCode(200).body("[0].id", equalTo("pos-7")).body("[0].type", equalTo("pos.refund"));
        api().body(Map.of("preset", "no-such-preset")).put("/api/webhook-sources/" + source + "/mapping").then().statusCode(400)
                .body("errors.field", hasItem("preset"));
        api().body(Map.of()).put("/api/webhook-sources/" + source + "/mapping").then().statusCode(200)
                .body("mapping", equalTo(null));

        List<String> actions = api().get("/api/audit?limit=500").then().statusCode(200).extract().jsonPath()
                .getList("findAll { it.target == 'webhook-source:" + source + "' }.action");
        org.assertj.core.api.Assertions.assertThat(actions).containsExactly("webhook-source.mapping-changed",
                "webhook-source.mapping-changed", "webhook-source.mapping-changed", "webhook-source.created");
    }

    private static io.restassured.response.ValidatableResponse post(String source, String webhookId, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String hmac = Base64.getEncoder().encodeToString(Hmac.sha256(SECRET.getBytes(StandardCharsets.UTF_8), bytes));
        return given().contentType(ContentType.JSON).header("X-Shopify-Hmac-SHA256", hmac)
                .header("X-Shopify-Webhook-Id", webhookId).body(bytes).post("/hooks/" + source).then();
    }
}
