package dev.beckon.campaign.report;

import static dev.beckon.support.Api.api;
import static dev.beckon.support.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import dev.beckon.support.MovableClock;
import dev.beckon.support.RuleSets;
import dev.beckon.support.TestNamespace;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue #15, item 1: offers decided during the customers' quiet hours wait until morning when sent,
 * while held-out customers get nothing to wait for. Both groups must still be measured from the
 * same moment, the decision, so orders placed during the wait count for both groups alike. The
 * offers go through the whole pipeline (rule, policy, quiet hours), and the clock is moved, not waited for.
 */
@QuarkusTest
class QuietHoursMeasurementTest {

    private static final ZoneId KATHMANDU = ZoneId.of("Asia/Kathmandu");
    private static final String GOAL = "order.completed";
    private static final int CUSTOMERS = 60;
    private static final String RULE = """

            rule "Report test offer"
            when
                $e : Event(type == "report.test")
            then
                decide.offer($e.text("campaign")).amountOff(5).code("REPORT5").channel("email").validFor("7d");
            end
            """;

    @Inject
    MovableClock clock;

    @BeforeEach
    void publishRuleAndQuietHours() {
        RuleSets.publishStarterPackWith(RULE);
        api().body(Map.of("caps", List.of(), "quietStart", "21:00", "quietEnd", "08:00", "defaultTimeZone", "UTC"))
                .put("/api/policy").then().statusCode(200);
    }

    @AfterEach
    void restore() {
        clock.reset();
        api().body(Map.of("caps", List.of())).put("/api/policy").then().statusCode(200);
        RuleSets.restoreStarterPack();
    }

    /** The reproduction: everyone orders one second after the decision, so the true uplift is 0. */
    @Test
    void ordersPlacedWhileQuietHoursHoldTheOfferCountForBothGroupsAlike() throws Exception {
        String campaign = campaign("quiet-zero");
        Instant decided = decideAtNightInKathmandu(campaign);
        Map<String, String> groups = groupsOf(campaign);
        for (String customer : groups.keySet()) {
            order(customer, decided.plusSeconds(1));
        }
        awaitOrdersStored(campaign, CUSTOMERS);

        JsonPath report = report(campaign, decided);

        long treated = groups.values().stream().filter("sent"::equals).count();
        assertThat(report.getLong("treatment.customers")).isEqualTo(treated);
        assertThat(report.getLong("holdout.customers")).isEqualTo(CUSTOMERS - treated);
        assertThat(report.getLong("treatment.convertedCustomers")).as("ordered while the offer waited for morning")
                .isEqualTo(treated);
        assertThat(report.getLong("holdout.convertedCustomers")).isEqualTo(CUSTOMERS - treated);
        assertThat(report.getDouble("uplift.absolute")).isCloseTo(0.0, within(1e-12));
        assertThat(report.getBoolean("uplift.significant")).isFalse();
    }

    /** Only the treated customers order, a second after the decision: the campaign made all the difference. */
    @Test
    void aTrueUpliftIsFoundWhenOnlyTreatedCustomersOrderDuringTheWait() throws Exception {
        String campaign = campaign("quiet-lift");
        Instant decided = decideAtNightInKathmandu(campaign);
        Map<String, String> groups = groupsOf(campaign);
        List<String> treated = groups.entrySet().stream().filter(e -> e.getValue().equals("sent")).map(Map.Entry::getKey).toList();
        treated.forEach(customer -> order(customer, decided.plusSeconds(1)));
        awaitOrdersStored(campaign, treated.size());

        JsonPath report = report(campaign, decided);

        assertThat(report.getDouble("treatment.conversionRate")).isEqualTo(1.0);
        assertThat(report.getDouble("holdout.conversionRate")).isEqualTo(0.0);
        assertThat(report.getDouble("uplift.absolute")).isCloseTo(1.0, within(1e-12));
        assertThat(report.getBoolean("uplift.significant")).isTrue();
    }

    private static String campaign(String prefix) {
        String name = unique(prefix).toLowerCase(Locale.ROOT);
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("goal", GOAL);
        body.put("status", "running");
        body.put("holdoutPercent", 50);
        body.put("settings", Map.of());
        api().body(body).post("/api/campaigns").then().statusCode(201);
        return name;
    }

    /**
     * Moves the clock back to the last 23:30 in Kathmandu and has the rule make one offer of {@code campaign} to
     * each of 60 customers living there; returns when the offers were decided, once all are judged
     * and every treated one is held for the morning.
     */
    private Instant decideAtNightInKathmandu(String campaign) throws Exception {
        ZonedDateTime now = ZonedDateTime.ofInstant(clock.instant(), KATHMANDU);
        // The last such night, not the next: 60 decisions dated in the future would push every other test's
        // decisions off the dashboard's latest twenty.
        ZonedDateTime night = now.toLocalDate().atTime(LocalTime.of(23, 30)).atZone(KATHMANDU);
        if (!night.isBefore(now)) {
            night = night.minusDays(1);
        }
        clock.advance(Duration.between(now, night));
        Instant decided = night.toInstant();
        for (int i = 0; i < CUSTOMERS; i++) {
            String body = """
                    {"id": "%s", "type": "report.test", "customerId": "%s", "source": "test", "occurredAt": "%s",
                     "data": {"campaign": "%s", "timeZone": "Asia/Kathmandu"}}
                    """.formatted(unique("e"), unique("c"), decided, campaign);
            api().body(body).post("/api/events").then().statusCode(202);
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> groupsOf(campaign).size() == CUSTOMERS);
        Map<String, Integer> held = heldTreatment(campaign);
        assertThat(held.get("treated")).as("both groups have customers").isPositive().isLessThan(CUSTOMERS);
        assertThat(held.get("held")).as("every treated offer waits for the morning").isEqualTo(held.get("treated"));
        return decided;
    }

    /** Each customer of the campaign and their verdict's outcome: sent (treatment) or held_out. */
    private static Map<String, String> groupsOf(String campaign) throws Exception {
        Map<String, String> groups = new HashMap<>();
        try (Connection db = TestNamespace.database();
             PreparedStatement query = db.prepareStatement("SELECT customer_id, outcome FROM decision_verdicts WHERE campaign = ?")) {
            query.setString(1, campaign);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    groups.put(row.getString(1), row.getString(2));
                }
            }
        }
        return groups;
    }

    private static Map<String, Integer> heldTreatment(String campaign) throws Exception {
        try (Connection db = TestNamespace.database();
             PreparedStatement query = db.prepareStatement("""
                     SELECT count(*) FILTER (WHERE outcome = 'sent'), count(*) FILTER (WHERE outcome = 'sent' AND held_until IS NOT NULL)
                     FROM decision_verdicts WHERE campaign = ?""")) {
            query.setString(1, campaign);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return Map.of("treated", row.getInt(1), "held", row.getInt(2));
            }
        }
    }

    private static void order(String customer, Instant at) {
        String body = """
                {"id": "%s", "type": "%s", "customerId": "%s", "source": "test", "occurredAt": "%s", "data": {"total": 30}}
                """.formatted(unique("e"), GOAL, customer, at);
        api().body(body).post("/api/events").then().statusCode(202);
    }

    /** Waits until {@code expected} orders of the campaign's customers are stored, so the report can see them. */
    private static void awaitOrdersStored(String campaign, int expected) {
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            try (Connection db = TestNamespace.database();
                 PreparedStatement query = db.prepareStatement("""
                         SELECT count(*) FROM events e JOIN decision_verdicts v ON v.customer_id = e.customer_id
                         WHERE v.campaign = ? AND e.type = ?""")) {
                query.setString(1, campaign);
                query.setString(2, GOAL);
                try (ResultSet row = query.executeQuery()) {
                    row.next();
                    return row.getInt(1) == expected;
                }
            }
        });
    }

    /** The report over the days around the decision, once every order is stored. */
    private static JsonPath report(String campaign, Instant decided) {
        String query = "?from=" + decided.minus(Duration.ofDays(1)) + "&to=" + decided.plus(Duration.ofDays(2));
        return api().get("/api/campaigns/" + campaign + "/report" + query).then().statusCode(200).extract().jsonPath();
    }
}
