package dev.beckon.ingest.webhook;

import static dev.beckon.support.Api.api;
import static dev.beckon.support.Api.event;
import static dev.beckon.support.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import dev.beckon.support.SignedWebhooks;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Senders count any answer but a 2xx as a failed delivery, and retry with the same id when they lost
 * Beckon's first answer: such a retry is a success that stores nothing again, while a different body
 * under an id already accepted is still refused.
 */
@QuarkusTest
class WebhookReplayTest {

    private static final String SECRET = "whsec_" + Base64.getEncoder().encodeToString("replayed webhooks, 32 bytes long".getBytes(StandardCharsets.UTF_8));

    private String source;

    @BeforeEach
    void createSource() {
        source = unique("replay");
        api().body(Map.of("name", source, "scheme", "standard", "secrets", List.of(SECRET))).post("/api/webhook-sources")
                .then().statusCode(201);
    }

    @Test
    void replayedWebhookWithSameBodyIsAcceptedAsDuplicate() throws Exception {
        String customer = unique("c");
        String webhookId = unique("msg");
        String body = event(unique("e"), "order.completed", customer, "{\"total\": 40}");
        SignedWebhooks.post(source, SECRET, webhookId, body).statusCode(200)
                .body("status", equalTo("accepted")).body("events[0].status", equalTo("accepted"));

        SignedWebhooks.post(source, SECRET, webhookId, body).statusCode(200)
                .body("webhookId", equalTo(webhookId)).body("status", equalTo("duplicate")).body("events", empty());

        api().get("/api/customers/" + customer).then().statusCode(200).body("orderCount", equalTo(1));
        assertThat(SignedWebhooks.deliveries(webhookId)).isEqualTo(1);
    }

    @Test
    void replayedWebhookIdWithADifferentBodyIsRefusedAndStoresNothing() throws Exception {
        String webhookId = unique("msg");
        SignedWebhooks.post(source, SECRET, webhookId, event(unique("e"), "page.viewed", unique("c"), "{}")).statusCode(200);

        String other = unique("c");
        SignedWebhooks.post(source, SECRET, webhookId, event(unique("e"), "order.completed", other, "{\"total\": 9}"))
                .statusCode(409).contentType("application/problem+json").body("status", equalTo(409));

        api().get("/api/customers/" + other).then().statusCode(404);
        assertThat(SignedWebhooks.deliveries(webhookId)).isEqualTo(1);
    }
}
