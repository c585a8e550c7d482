package dev.beckon.policy;

import static dev.beckon.policy.PolicyFixture.campaign;
import static dev.beckon.policy.PolicyFixture.campaignName;
import static dev.beckon.policy.PolicyFixture.judged;
import static dev.beckon.support.Api.api;
import static dev.beckon.support.Api.event;
import static dev.beckon.support.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;

import dev.beckon.decision.FollowUpPoller;
import dev.beckon.delivery.DeliveryPlanner;
import dev.beckon.support.MovableClock;
import dev.beckon.support.RuleSets;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A follow-up names the channel it reaches the customer on, as an offer does; the policy judges it by that channel. */
@QuarkusTest
class FollowUpChannelTest {

    private static final String RULE = """

            rule "Reminder by the channel the event names"
            when
                $e : Event(type == "reminder.test")
            then
                decide.followUp($e.text("campaign")).after("10m").channel($e.text("channel")).message("Still there?");
            end
            """;

    @Inject
    MovableClock clock;
    @Inject
    FollowUpPoller followUps;
    @Inject
    DeliveryPlanner planner;

    @AfterEach
    void restore() {
        clock.reset();
        RuleSets.restoreStarterPack();
    }

    @Test
    void aFollowUpOnSmsIsJudgedAsSmsAndPlansNoEmail() {
        RuleSets.publishStarterPackWith(RULE);
        String name = campaignName("sms-only");
        campaign(name, Map.of("channels", List.of("sms")));
        String customer = unique("c");
        api().body(event(unique("e"), "reminder.test", customer, """
                {"campaign": "%s", "channel": "sms", "email": "%s@example.com"}""".formatted(name, customer)))
                .post("/api/events").then().statusCode(202);

        clock.advance(Duration.ofMinutes(11));
        followUps.fireDue();
        planner.planPending();

        JsonPath why = judged(customer, 1);
        assertThat(why.getString("decisions[0].outcome")).isEqualTo("sent");
        assertThat(why.getList("decisions[0].deliveries.channel")).doesNotContain("email");
    }
}
