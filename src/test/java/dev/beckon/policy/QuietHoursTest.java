package dev.beckon.policy;

import static dev.beckon.policy.PolicyFixture.campaign;
import static dev.beckon.policy.PolicyFixture.campaignName;
import static dev.beckon.policy.PolicyFixture.judged;
import static dev.beckon.policy.PolicyFixture.offer;
import static dev.beckon.support.Api.api;
import static dev.beckon.support.Api.event;
import static dev.beckon.support.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.beckon.decision.FollowUpPoller;
import dev.beckon.delivery.DeliveryPlanner;
import dev.beckon.support.Escalations;
import dev.beckon.support.MovableClock;
import dev.beckon.support.RuleSets;
import dev.beckon.support.TestEndpoint;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Quiet hours in the customer's own time zone: messages wait until the window opens, and then go out. */
@QuarkusTest
class QuietHoursTest {

    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    @Inject
    MovableClock clock;
    @Inject
    FollowUpPoller followUps;
    @Inject
    DeliveryPlanner planner;
    @Inject
    AgroalDataSource dataSource;

    private TestEndpoint endpoint;
    private String endpointName;

    @BeforeEach
    void publishRuleAndOpenEndpoint() throws Exception {
        PolicyFixture.publishRule();
        endpoint = new TestEndpoint();
    }

    @AfterEach
    void restore() {
        clock.reset();
        PolicyFixture.clearPolicy();
        RuleSets.restoreStarterPack();
        if (endpointName != null) {
            api().delete("/api/webhook-endpoints/" + endpointName).then().statusCode(204);
        }
        endpoint.close();
    }

    @Test
    void anOfferMadeAtNightInTheCustomersTimeZoneIsHeldThenDeliveredWhenTheirMorningComes() {
        String name = campaignName("night");
        campaign(name, Map.of());
        listenTo(name);
        PolicyFixture.setPolicy(Map.of("caps", List.of(), "quietStart", "21:00", "quietEnd", "08:00",
                "defaultTimeZone", "UTC"));
        String customer = unique("c");
        tellTimeZone(customer, "Asia/Tokyo");
        moveClockTo(LocalTime.of(23, 30), TOKYO);

        offer(customer, name);

        JsonPath why = judged(customer, 1);
        Instant morning = ZonedDateTime.ofInstant(clock.instant(), TOKYO).toLocalDate().plusDays(1)
                .atTime(8, 0).atZone(TOKYO).toInstant();
        assertThat(why.getString("decisions[0].outcome")).isEqualTo("held");
        assertThat(why.getString("decisions[0].reason")).contains("21:00–08:00 Asia/Tokyo").contains(morning.toString());
        assertThat(Instant.parse(why.getString("decisions[0].heldUntil"))).isEqualTo(morning);
        assertThat(why.getList("decisions[0].deliveries.status")).contains("pending").doesNotContain("delivered");
        // Dispatch rounds run every second here: a few of them pass while the message is held.
        await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> true);
        assertThat(endpoint.about(customer)).as("sent during the customer's night").isEmpty();

        clock.advance(Duration.between(clock.instant(), morning).plusMinutes(1));

        await().atMost(Duration.ofSeconds(20)).until(() -> endpoint.about(customer).size() == 1);
        await().atMost(Duration.ofSeconds(10)).until(() ->
                PolicyFixture.why(customer).getList("decisions[0].deliveries.status").contains("delivered"));
        assertThat(PolicyFixture.why(customer).getString("decisions[0].outcome")).as("once it went out").isEqualTo("sent");
    }

    @Test
    void anOfferHeldOvernightIsNotSentWhenTheCustomerOptsOutOrComplainsBeforeMorning() {
        String name = campaignName("night");
        campaign(name, Map.of());
        listenTo(name);
        PolicyFixture.setPolicy(Map.of("caps", List.of(), "quietStart", "21:00", "quietEnd", "08:00"));
        String optsOut = unique("c");
        String complains = unique("c");
        tellTimeZone(optsOut, "Asia/Tokyo");
        tellTimeZone(complains, "Asia/Tokyo");
        moveClockTo(LocalTime.of(23, 30), TOKYO);
        offer(optsOut, name);
        offer(complains, name);
        assertThat(judged(optsOut, 1).getString("decisions[0].outcome")).isEqualTo("held");
        assertThat(judged(complains, 1).getString("decisions[0].outcome")).isEqualTo("held");

        api().body(Map.of("optedOut", true)).put("/api/customers/{id}/consent/email", optsOut).then().statusCode(200);
        Escalations.negativeFeedback(complains);
        planner.planPending();
        clock.advance(Duration.ofHours(10));
        await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> true);

        assertThat(endpoint.about(optsOut)).as("sent after the opt-out").isEmpty();
        assertThat(endpoint.about(complains)).as("sent after the complaint").isEmpty();
        JsonPath optedOut = PolicyFixture.why(optsOut);
        assertThat(optedOut.getString("decisions[0].outcome")).isEqualTo("suppressed");
        assertThat(optedOut.getString("decisions[0].reason")).contains("opted out");
        assertThat(PolicyFixture.why(complains).getString("decisions.find { it.kind == 'offer' }.reason"))
                .contains("open escalation");
    }

    @Test
    void aRemindersHeldOvernightIsCalledOffWhenTheCustomerOrdersBeforeMorning() {
        listenTo("abandoned-cart");
        String customer = unique("c");
        assertThat(aReminderHeldOvernight(customer).getString("decisions[0].outcome")).isEqualTo("held");

        orderCompleted(customer);

        JsonPath why = PolicyFixture.why(customer);
        assertThat(why.getString("decisions[0].outcome")).isEqualTo("suppressed");
        assertThat(why.getString("decisions[0].reason")).startsWith("called off while held for quiet hours");
        assertThat(why.getList("decisions[0].deliveries.status")).containsOnly("suppressed");
        clock.advance(Duration.ofHours(10));
        await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> true);
        assertThat(endpoint.about(customer)).as("reminders sent after the order").isEmpty();
    }

    @Test
    void aHeldReminderWithNoDeliveryLeftIsStillRecordedAsCalledOffWhenTheCustomerOrders() throws Exception {
        String customer = unique("c");
        JsonPath held = aReminderHeldOvernight(customer);
        assertThat(held.getString("decisions[0].outcome")).isEqualTo("held");
        // As when the customer's only channel had no address: nothing is left to stop.
        try (Connection connection = dataSource.getConnection();
             PreparedStatement suppress = connection.prepareStatement(
                     "UPDATE deliveries SET status = 'suppressed', reason = 'no address' WHERE decision_id = ?::uuid")) {
            suppress.setString(1, held.getString("decisions[0].decisionId"));
            assertThat(suppress.executeUpdate()).isPositive();
        }

        orderCompleted(customer);

        JsonPath why = PolicyFixture.why(customer);
        assertThat(why.getString("decisions[0].outcome")).isEqualTo("suppressed");
        assertThat(why.getString("decisions[0].reason")).startsWith("called off while held for quiet hours");
    }

    @Test
    void aCustomerWithoutATimeZoneGetsThePolicysDefaultAndDaytimeMessagesAreNotHeld() {
        String name = campaignName("day");
        campaign(name, Map.of());
        PolicyFixture.setPolicy(Map.of("caps", List.of(), "quietStart", "22:00", "quietEnd", "07:00",
                "defaultTimeZone", "America/New_York"));
        String atNight = unique("c");
        String atNoon = unique("c");

        moveClockTo(LocalTime.of(3, 0), ZoneId.of("America/New_York"));
        offer(atNight, name);
        assertThat(judged(atNight, 1).getString("decisions[0].reason")).contains("America/New_York");
        moveClockTo(LocalTime.of(12, 0), ZoneId.of("America/New_York"));
        offer(atNoon, name);

        assertThat(judged(atNoon, 1).getString("decisions[0].outcome")).isEqualTo("sent");
    }

    @Test
    void aCampaignThatIgnoresQuietHoursSendsAtNight() {
        String name = campaignName("urgent");
        campaign(name, Map.of("quietHours", false));
        PolicyFixture.setPolicy(Map.of("caps", List.of(), "quietStart", "00:00", "quietEnd", "23:59"));
        String customer = unique("c");

        offer(customer, name);

        assertThat(judged(customer, 1).getString("decisions[0].outcome")).isEqualTo("sent");
    }

    @Test
    void quietHoursNeedBothEndsAndARealTimeZone() {
        api().body(Map.of("caps", List.of(), "quietStart", "21:00", "defaultTimeZone", "Mars/Olympus"))
                .put("/api/policy").then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.hasItems("quietEnd", "defaultTimeZone"));
    }

    /** A cart reminder that fires at 23:30 in Tokyo, during the quiet hours of a customer there; returns the why. */
    private JsonPath aReminderHeldOvernight(String customer) {
        PolicyFixture.setPolicy(Map.of("caps", List.of(), "quietStart", "21:00", "quietEnd", "08:00"));
        tellTimeZone(customer, "Asia/Tokyo");
        moveClockTo(LocalTime.of(23, 0), TOKYO);
        api().body(event(unique("e"), "cart.updated", customer, "{\"total\": 40}")).post("/api/events")
                .then().statusCode(202);
        clock.advance(Duration.ofMinutes(31));
        followUps.fireDue();
        planner.planPending();
        return judged(customer, 1);
    }

    private void orderCompleted(String customer) {
        api().body(event(unique("e"), "order.completed", customer, "{\"total\": 40}")).post("/api/events")
                .then().statusCode(202);
        planner.planPending();
    }

    private void listenTo(String campaign) {
        endpointName = unique("ep").toLowerCase();
        api().body(Map.of("name", endpointName, "url", endpoint.url(), "campaigns", List.of(campaign)))
                .post("/api/webhook-endpoints").then().statusCode(201);
    }

    private static void tellTimeZone(String customer, String zone) {
        api().body(event(unique("e"), "customer.updated", customer, "{\"timeZone\": \"" + zone + "\"}"))
                .post("/api/events").then().statusCode(202);
    }

    /** Moves the clock forward to the next {@code time} of day in {@code zone}. */
    private void moveClockTo(LocalTime time, ZoneId zone) {
        ZonedDateTime now = ZonedDateTime.ofInstant(clock.instant(), zone);
        ZonedDateTime target = now.toLocalDate().atTime(time).atZone(zone);
        if (!target.isAfter(now)) {
            target = target.plusDays(1);
        }
        clock.advance(Duration.between(now, target));
    }
}
