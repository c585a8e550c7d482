package dev.beckon.support;

import static io.restassured.RestAssured.given;

import dev.beckon.ingest.webhook.StandardWebhooks;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;

/** Posts webhooks to /hooks/{source} signed as a Standard Webhooks sender signs them. */
public final class SignedWebhooks {

    private SignedWebhooks() {
    }

    /** Signed with {@code secret} and timestamped by {@code clock} (Beckon's, when a test has moved it). */
    public static ValidatableResponse post(String source, String secret, String webhookId, String body, Clock clock) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        return given().contentType(ContentType.JSON)
                .header("webhook-id", webhookId).header("webhook-timestamp", timestamp)
                .header("webhook-signature", StandardWebhooks.header(secret, webhookId, timestamp, bytes))
                .body(bytes).post("/hooks/" + source).then();
    }

    public static ValidatableResponse post(String source, String secret, String webhookId, String body) {
        return post(source, secret, webhookId, body, Clock.systemUTC());
    }

    /** How many deliveries, accepted or rejected, the delivery log holds under a webhook id. */
    public static long deliveries(String webhookId) throws SQLException {
        try (Connection db = TestNamespace.database();
             PreparedStatement query = db.prepareStatement("SELECT count(*) FROM webhook_deliveries WHERE webhook_id = ?")) {
            query.setString(1, webhookId);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }
}
