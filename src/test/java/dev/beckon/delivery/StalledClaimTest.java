package dev.beckon.delivery;

import static dev.beckon.delivery.DeliveryLog.decisionOf;
import static dev.beckon.delivery.DeliveryLog.deliveryTo;
import static dev.beckon.support.Api.api;
import static dev.beckon.support.Api.event;
import static dev.beckon.support.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.beckon.support.TestEndpoint;
import dev.beckon.support.TestEndpoint.Answer;
import dev.beckon.support.TestNamespace;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A claim that returns after its lease has run out (here a trigger holds the claiming statement
 * twice the lease, as a stalled commit on a busy database did in the fault suite) must not be sent
 * as it is: the next round, on this replica or another, would find the lease over, claim the
 * delivery again and send it a second time. The dispatcher renews such a claim's leases before
 * sending, so the endpoint gets one request.
 */
@QuarkusTest
@TestProfile(SlowEndpointLeaseTest.ShortLease.class)
class StalledClaimTest {

    @Test
    void aClaimThatReturnsPastItsLeaseIsRenewedBeforeItIsSentAndSentOnce() throws Exception {
        try (TestEndpoint endpoint = new TestEndpoint(); Connection db = TestNamespace.database()) {
            endpoint.answer(request -> new Answer(200, 1_000));
            String name = unique("ep").toLowerCase();
            api().body(Map.of("name", name, "url", endpoint.url(), "campaigns", List.of("late-checkout")))
                    .post("/api/webhook-endpoints").then().statusCode(201);
            String function = "stall_claim_" + name.replace('-', '_');
            try (Statement sql = db.createStatement()) {
                sql.execute("CREATE FUNCTION " + function + "() RETURNS trigger LANGUAGE plpgsql AS "
                        + "$$ BEGIN PERFORM pg_sleep(3); RETURN NEW; END $$");
                // Only claims (they count an attempt) of this test's deliveries stall; renewals and outcomes do not.
                sql.execute("CREATE TRIGGER " + function + " BEFORE UPDATE ON deliveries FOR EACH ROW "
                        + "WHEN (NEW.attempts > OLD.attempts AND NEW.target = '" + name + "') EXECUTE FUNCTION " + function + "()");
            }
            try {
                String customer = unique("guest");
                api().body(event(unique("e"), "room.assigned", customer, "{\"room\": \"7\"}"))
                        .post("/api/events").then().statusCode(202);

                await().atMost(Duration.ofSeconds(30)).until(() -> endpoint.about(customer).size() == 1);
                String decision = decisionOf(customer);
                await().atMost(Duration.ofSeconds(30)).until(() -> "delivered".equals(deliveryTo(name, decision).get("status")));
                assertThat(endpoint.about(customer)).as("requests the endpoint received").hasSize(1);
                assertThat(deliveryTo(name, decision).get("attempts")).isEqualTo(1);
            } finally {
                try (Statement sql = db.createStatement()) {
                    sql.execute("DROP TRIGGER " + function + " ON deliveries");
                    sql.execute("DROP FUNCTION " + function + "()");
                }
                api().delete("/api/webhook-endpoints/" + name).then().statusCode(204);
            }
        }
    }
}
