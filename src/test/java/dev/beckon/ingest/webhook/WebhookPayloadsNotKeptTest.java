package dev.beckon.ingest.webhook;

import static dev.beckon.support.Api.api;
import static dev.beckon.support.Api.event;
import static dev.beckon.support.Api.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.beckon.support.ConsoleSession;
import dev.beckon.support.SignedWebhooks;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With a retention of zero, deliveries are still logged but their payloads are never written. */
@QuarkusTest
@TestProfile(WebhookPayloadsNotKeptTest.NoRetention.class)
class WebhookPayloadsNotKeptTest {

    /** beckon.webhooks.payload-retention=PT0S, as an operator who keeps no payloads sets it. */
    public static class NoRetention implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("beckon.webhooks.payload-retention", "PT0S");
        }
    }

    private static final String SECRET = "whsec_" + Base64.getEncoder().encodeToString("no retention secret of 32 bytes!".getBytes(StandardCharsets.UTF_8));

    @Test
    void aZeroRetentionLogsDeliveriesWithoutTheirPayloads() {
        String source = unique("unkept");
        api().body(Map.of("name", source, "scheme", "standard", "secrets", List.of(SECRET))).post("/api/webhook-sources")
                .then().statusCode(201);
        String webhookId = unique("msg");
        SignedWebhooks.post(source, SECRET, webhookId, event(unique("e"), "page.viewed", unique("c"), "{}")).statusCode(200);

        api().get("/api/webhook-sources/" + source + "/deliveries").then().statusCode(200)
                .body("[0].webhookId", equalTo(webhookId)).body("[0].status", equalTo("accepted"))
                .body("[0].payloadKept", equalTo(false));
        Map<String, String> admin = ConsoleSession.signIn("admin", "test-admin-password");
        given().cookies(admin).get("/webhooks/" + source).then().statusCode(200)
                .body(containsString("Payloads are not kept.")).body(containsString("not kept</span>"));
    }
}
