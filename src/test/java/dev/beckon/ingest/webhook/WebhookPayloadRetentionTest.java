package dev.beckon.ingest.webhook;

import static dev.beckon.support.Api.api;
import static dev.beckon.support.Api.event;
import static dev.beckon.support.Api.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.beckon.support.ConsoleSession;
import dev.beckon.support.MovableClock;
import dev.beckon.support.SignedWebhooks;
import dev.beckon.support.TestNamespace;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Verified deliveries keep their payload for the configured retention (7 days here); the purge then forgets it, not the delivery. */
@QuarkusTest
class WebhookPayloadRetentionTest {

    private static final String SECRET = "whsec_" + Base64.getEncoder().encodeToString("retention test secret, 32 bytes!".getBytes(StandardCharsets.UTF_8));

    @Inject
    MovableClock clock;
    @Inject
    WebhookPayloadPurge purge;
    @Inject
    WebhookConfig config;

    private String source;

    @BeforeEach
    void createSource() {
        source = unique("kept");
        api().body(Map.of("name", source, "scheme", "standard", "secrets", List.of(SECRET))).post("/api/webhook-sources")
                .then().statusCode(201);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void thePurgeForgetsPayloadsOlderThanTheRetentionAndKeepsTheDeliveries() throws Exception {
        assertThat(config.payloadRetention()).isEqualTo(Duration.ofDays(7));
        String old = unique("msg");
        String oldBody = event(unique("e"), "page.viewed", unique("c"), "{\"note\": \"<b>old</b>\"}");
        SignedWebhooks.post(source, SECRET, old, oldBody, clock).statusCode(200);
        String rejected = unique("msg");
        SignedWebhooks.post(source, SECRET, rejected, "{\"type\": \"no id\"}", clock).statusCode(422);
        assertThat(stored(old).payload()).isEqualTo(oldBody);
        assertThat(stored(rejected).payload()).isEqualTo("{\"type\": \"no id\"}");
        Map<String, String> admin = ConsoleSession.signIn("admin", "test-admin-password");
        given().cookies(admin).get("/webhooks/" + source + "/deliveries/" + stored(old).id()).then().statusCode(200)
                .body(containsString("&lt;b&gt;old&lt;/b&gt;"));

        clock.advance(Duration.ofDays(6));
        String recent = unique("msg");
        SignedWebhooks.post(source, SECRET, recent, event(unique("e"), "page.viewed", unique("c"), "{}"), clock).statusCode(200);
        purge.purge();
        assertThat(stored(old).payload()).isEqualTo(oldBody);

        clock.advance(Duration.ofDays(1).plusMinutes(1));
        assertThat(purge.purge()).isGreaterThanOrEqualTo(2);
        assertThat(stored(old).payload()).isNull();
        assertThat(stored(rejected).payload()).isNull();
        assertThat(stored(recent).payload()).isNotNull();
        api().get("/api/webhook-sources/" + source + "/deliveries").then().statusCode(200)
                .body("webhookId", org.hamcrest.Matchers.contains(recent, rejected, old))
                .body("payloadKept", org.hamcrest.Matchers.contains(true, false, false))
                .body("[2].status", equalTo("accepted")).body("[2].events", equalTo(1));
        // A week on, the first session has long expired: sign in again.
        admin = ConsoleSession.signIn("admin", "test-admin-password");
        given().cookies(admin).get("/webhooks/" + source + "/deliveries/" + stored(old).id()).then().statusCode(200)
                .body(containsString("no longer kept"));
    }

    /** The stored delivery of a webhook id: its row id and its payload as text, null when not kept. */
    private record Stored(long id, String payload) {
    }

    private static Stored stored(String webhookId) throws Exception {
        try (Connection db = TestNamespace.database();
             PreparedStatement query = db.prepareStatement("SELECT id, payload FROM webhook_deliveries WHERE webhook_id = ?")) {
            query.setString(1, webhookId);
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).as("a delivery %s", webhookId).isTrue();
                byte[] payload = row.getBytes(2);
                return new Stored(row.getLong(1), payload == null ? null : new String(payload, StandardCharsets.UTF_8));
            }
        }
    }
}
