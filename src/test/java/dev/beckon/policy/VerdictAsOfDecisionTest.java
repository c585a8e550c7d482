package dev.beckon.policy;

import static dev.beckon.policy.PolicyFixture.campaign;
import static dev.beckon.policy.PolicyFixture.campaignName;
import static dev.beckon.policy.PolicyFixture.judged;
import static dev.beckon.support.Api.api;
import static dev.beckon.support.Api.event;
import static dev.beckon.support.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;

import dev.beckon.support.RuleSets;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A verdict follows from the customer's events in order, not from how they were batched or how far
 * planning lags behind: what an offer is judged by is the customer's state as of its deciding event.
 */
@QuarkusTest
class VerdictAsOfDecisionTest {

    @BeforeEach
    void publishTheTestRule() {
        PolicyFixture.publishRule();
    }

    @AfterEach
    void restoreRules() {
        RuleSets.restoreStarterPack();
    }

    @Test
    void aComplaintInTheSameBatchHoldsBackOnlyTheOffersDecidedAfterIt() {
        String before = campaignName("before");
        String after = campaignName("after");
        campaign(before, Map.of());
        campaign(after, Map.of());
        String customer = unique("c");

        api().body("[" + offerEvent(customer, before) + "," + complaint(customer) + "," + offerEvent(customer, after) + "]")
                .post("/api/events").then().statusCode(202);

        JsonPath why = judged(customer, 3);
        assertThat(outcomeOf(why, before)).isEqualTo("sent");
        assertThat(outcomeOf(why, after)).isEqualTo("suppressed");
        assertThat(why.getString("decisions.find { it.campaign == '" + after + "' }.reason"))
                .startsWith("customer has an open escalation (Negative feedback");
    }

    @Test
    void anOfferDecidedBeforeAComplaintIsSentWhetherBothCameInOneRequestOrTwo() {
        String name = campaignName("batching");
        campaign(name, Map.of());
        String together = unique("c");
        String apart = unique("c");

        api().body("[" + offerEvent(together, name) + "," + complaint(together) + "]")
                .post("/api/events").then().statusCode(202);
        api().body(offerEvent(apart, name)).post("/api/events").then().statusCode(202);
        judged(apart, 1);
        api().body(complaint(apart)).post("/api/events").then().statusCode(202);

        assertThat(outcomeOf(judged(together, 2), name)).isEqualTo(outcomeOf(judged(apart, 2), name)).isEqualTo("sent");
    }

    @Test
    void capsCountABackfilledEventByWhenBeckonDecidedNotByWhenTheEventHappened() {
        String name = campaignName("backfill");
        campaign(name, Map.of("caps", List.of(Map.of("max", 1, "per", "P7D", "kind", "offer"))));
        String customer = unique("c");
        String eightDaysAgo = Instant.now().minus(Duration.ofDays(8)).toString();

        api().body(offerEvent(customer, name).replace("\"source\"", "\"occurredAt\": \"" + eightDaysAgo + "\", \"source\""))
                .post("/api/events").then().statusCode(202);
        judged(customer, 1);
        api().body(offerEvent(customer, name)).post("/api/events").then().statusCode(202);

        JsonPath why = judged(customer, 2);
        assertThat(why.getList("decisions.outcome")).containsExactly("suppressed", "sent");
        assertThat(why.getString("decisions[0].reason")).startsWith("frequency cap: at most 1 offer per P7D");
    }

    private static String offerEvent(String customer, String campaign) {
        return event(unique("e"), "policy.test", customer, """
                {"campaign": "%s", "off": 5, "channel": "email", "email": "%s@example.com"}""".formatted(campaign, customer));
    }

    private static String complaint(String customer) {
        return event(unique("e"), "feedback.submitted", customer, "{\"rating\": 1, \"comment\": \"Broken\"}");
    }

    private static String outcomeOf(JsonPath why, String campaign) {
        return why.getString("decisions.find { it.campaign == '" + campaign + "' }.outcome");
    }
}
