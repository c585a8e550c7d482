package dev.beckon.ingest;

import static dev.beckon.support.Api.api;
import static dev.beckon.support.Api.event;
import static dev.beckon.support.Api.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.beckon.support.SignedWebhooks;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Every ingest door, with every pooled connection really taken: each answers 503 with Retry-After and
 * a problem body once the pool's acquisition timeout passes, never 500, and stores nothing; the same
 * request sent again once connections are free is accepted once.
 */
@QuarkusTest
@TestProfile(OverloadedIngestTest.TinyPool.class)
class OverloadedIngestTest {

    /** A pool of three connections that gives up on a connection after a second. */
    public static class TinyPool implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.datasource.jdbc.max-size", "3", "quarkus.datasource.jdbc.acquisition-timeout", "1S");
        }
    }

    private static final String SECRET = "whsec_" + Base64.getEncoder().encodeToString("overloaded pool secret, 32 bytes".getBytes(StandardCharsets.UTF_8));

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aWebhookPostedWhileEveryConnectionIsTakenIsRefusedWith503AndRetryAfter() {
        String source = unique("busy");
        api().body(Map.of("name", source, "scheme", "standard", "secrets", List.of(SECRET))).post("/api/webhook-sources")
                .then().statusCode(201);
        String customer = unique("c");
        String webhookId = unique("msg");
        String body = event(unique("e"), "page.viewed", customer, "{}");

        Response refused = whileEveryConnectionIsTaken(() -> SignedWebhooks.post(source, SECRET, webhookId, body).extract().response());

        assertUnavailable(refused);
        api().get("/api/customers/" + customer).then().statusCode(404);
        SignedWebhooks.post(source, SECRET, webhookId, body).statusCode(200).body("events[0].status", equalTo("accepted"));
        api().get("/api/customers/" + customer).then().statusCode(200).body("eventCount", equalTo(1));
    }

    @Test
    void anEventPostedWithAStoredApiKeyWhileEveryConnectionIsTakenIsRefusedWith503AndRetryAfter() {
        String key = api().body(Map.of("name", unique("producer"), "scopes", List.of("events:write")))
                .post("/api/api-keys").then().statusCode(201).extract().path("key");
        String customer = unique("c");
        String body = event(unique("e"), "page.viewed", customer, "{}");

        Response refused = whileEveryConnectionIsTaken(() -> given().header("Authorization", "Bearer " + key)
                .contentType(ContentType.JSON).body(body).post("/api/events").andReturn());

        assertUnavailable(refused);
        given().header("Authorization", "Bearer " + key).contentType(ContentType.JSON).body(body).post("/api/events")
                .then().statusCode(202).body("accepted", equalTo(1));
    }

    private static void assertUnavailable(Response refused) {
        refused.then().statusCode(503).contentType("application/problem+json").body("status", equalTo(503));
        assertThat(refused.header("Retry-After")).matches("[1-9][0-9]*");
    }

    /** Runs the request while this test holds every connection of the pool (background jobs hold some a moment). */
    private Response whileEveryConnectionIsTaken(Supplier<Response> request) {
        int size = dataSource.getConfiguration().connectionPoolConfiguration().maxSize();
        List<Connection> taken = new ArrayList<>();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        try {
            while (taken.size() < size) {
                try {
                    taken.add(dataSource.getConnection());
                } catch (SQLException timedOut) {
                    assertThat(Instant.now()).as("every connection taken in time").isBefore(deadline);
                }
            }
            return request.get();
        } finally {
            for (Connection connection : taken) {
                try {
                    connection.close();
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }
}
