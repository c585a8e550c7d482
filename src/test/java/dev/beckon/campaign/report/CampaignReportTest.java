package dev.beckon.campaign.report;

import static dev.beckon.support.Api.api;
import static dev.beckon.support.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.beckon.support.MovableClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Conversions attributed to a campaign's decisions, and the report built on them, over the API. */
@QuarkusTest
class CampaignReportTest {

    static final String GOAL = "order.completed";
    /** Decisions of these tests are anchored in February 2025, each test under a campaign of its own. */
    static final Instant T = Instant.parse("2025-02-10T09:00:00Z");
    static final String FEBRUARY = "?from=2025-02-01&to=2025-02-28";

    @Inject
    MovableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aConversionCountsWithinTheWindowAfterTheDecisionAndOnlyThere() throws Exception {
        String campaign = unique("window");
        ReportData data = ReportData.campaign(campaign, GOAL, Map.of("conversionWindow", "P7D"));
        String atTheEdge = unique("c");
        String justAfter = unique("c");
        String before = unique("c");
        String otherType = unique("c");
        data.sent(atTheEdge, T);
        data.event(atTheEdge, GOAL, T.plus(Duration.ofDays(7)), "{}");
        data.sent(justAfter, T);
        data.event(justAfter, GOAL, T.plus(Duration.ofDays(7)).plusSeconds(1), "{}");
        data.sent(before, T);
        data.event(before, GOAL, T.minusSeconds(3600), "{}").event(before, GOAL, T, "{}");
        data.sent(otherType, T);
        data.event(otherType, "cart.abandoned", T.plusSeconds(60), "{}");
        data.save();

        JsonPath report = report(campaign, FEBRUARY);

        assertThat(report.getLong("treatment.customers")).isEqualTo(4);
        assertThat(report.getLong("treatment.convertedCustomers")).as("only the conversion at exactly 7 days").isEqualTo(1);
        assertThat(report.getLong("treatment.conversions")).isEqualTo(1);
        assertThat(report.getDouble("treatment.conversionRate")).isEqualTo(0.25);
    }

    @Test
    void aConversionIsCreditedOnceToTheCustomersLastDecisionBeforeIt() throws Exception {
        String campaign = unique("last");
        ReportData data = ReportData.campaign(campaign, GOAL, Map.of());
        String twice = unique("c");
        data.sent(twice, T);
        data.sent(twice, T.plus(Duration.ofDays(2)));
        data.event(twice, GOAL, T.plus(Duration.ofDays(3)), "{\"total\": 80}");
        String heldOut = unique("c");
        data.heldOut(heldOut, T);
        data.event(heldOut, GOAL, T.plus(Duration.ofDays(1)), "{\"total\": 20}");
        data.save();

        JsonPath report = report(campaign, FEBRUARY);

        assertThat(report.getLong("treatment.decisions")).isEqualTo(2);
        assertThat(report.getLong("treatment.conversions")).isEqualTo(1);
        assertThat(report.getLong("holdout.conversions")).as("a held-out customer's conversion is the holdout's").isEqualTo(1);
        assertThat(report.getDouble("holdout.conversionRate")).isEqualTo(1.0);
        assertThat(day(report, "2025-02-10").get("treatmentConversions")).isEqualTo(0);
        assertThat(day(report, "2025-02-12").get("treatmentConversions")).as("credited to the later decision").isEqualTo(1);
        assertThat(day(report, "2025-02-10").get("holdoutConversions")).isEqualTo(1);
    }

    @Test
    void aPeriodCountsItsOwnDecisionsAndAConversionCreditedToALaterOneIsNotCountedTwice() throws Exception {
        String campaign = unique("period");
        ReportData data = ReportData.campaign(campaign, GOAL, Map.of());
        String customer = unique("c");
        data.sent(customer, T);
        data.sent(customer, T.plus(Duration.ofDays(2)));
        data.event(customer, GOAL, T.plus(Duration.ofDays(3)), "{}");
        data.sent(unique("c"), Instant.parse("2025-01-31T23:59:59Z"));
        data.save();

        JsonPath first = report(campaign, "?from=2025-02-01T00:00:00Z&to=2025-02-11T00:00:00Z");
        JsonPath second = report(campaign, "?from=2025-02-11&to=2025-02-20");

        assertThat(first.getLong("treatment.decisions")).as("January's decision is out").isEqualTo(1);
        assertThat(first.getLong("treatment.conversions")).isZero();
        assertThat(second.getLong("treatment.decisions")).isEqualTo(1);
        assertThat(second.getLong("treatment.conversions")).isEqualTo(1);
        assertThat(first.getList("days")).hasSize(10);
        assertThat(second.getString("to")).as("a date 'to' includes its day").isEqualTo("2025-02-21T00:00:00Z");
    }

    @Test
    void withoutAPeriodTheReportCoversTheLast30DaysOfTheClock() throws Exception {
        String campaign = unique("recent");
        ReportData data = ReportData.campaign(campaign, GOAL, Map.of());
        Instant now = clock.instant();
        data.sent(unique("c"), now.minus(Duration.ofDays(29)));
        data.sent(unique("c"), now.minus(Duration.ofDays(31)));
        data.save();

        assertThat(report(campaign, "").getLong("treatment.decisions")).isEqualTo(1);
        clock.advance(Duration.ofDays(2));
        assertThat(report(campaign, "").getLong("treatment.decisions")).isZero();
    }

    /** Exact counts: 15% of 2000 against 10% of 500 is five points, and the interval is the formula's. */
    @Test
    void fivePointsOfUpliftOnExactCountsWithTheIntervalTheFormulaGives() throws Exception {
        String campaign = unique("exact");
        ReportData data = ReportData.campaign(campaign, GOAL, Map.of());
        group(data, 2000, 300, true);
        group(data, 500, 50, false);
        data.save();

        JsonPath report = report(campaign, FEBRUARY);

        assertThat(report.getDouble("treatment.conversionRate")).isCloseTo(0.15, within(1e-12));
        assertThat(report.getDouble("holdout.conversionRate")).isCloseTo(0.10, within(1e-12));
        assertThat(report.getBoolean("uplift.enoughData")).isTrue();
        assertThat(report.getDouble("uplift.absolute")).isCloseTo(0.05, within(1e-9));
        assertThat(report.getDouble("uplift.relative")).isCloseTo(0.5, within(1e-9));
        // Wilson for each group, combined by Newcombe's method 10: see UpliftTest for the formula written out.
        assertThat(report.getDouble("uplift.interval.low")).isCloseTo(0.016985, within(1e-6));
        assertThat(report.getDouble("uplift.interval.high")).isCloseTo(0.078465, within(1e-6));
        assertThat(report.getBoolean("uplift.significant")).isTrue();
        assertThat(report.getDouble("uplift.incrementalConversions")).isCloseTo(100, within(1e-6));
    }

    /**
     * A simulated campaign whose truth is known: treatment customers convert with 11%, held-out ones
     * with 7%, so the true uplift is 4 points. Some goal events fall outside the window or before the
     * decision, as in real data, and must not count. The report must find exactly the conversions the
     * simulation put in the window, and its interval must hold the true uplift.
     */
    @Test
    void onASimulatedCampaignTheIntervalHoldsTheTrueUplift() throws Exception {
        String campaign = unique("simulated");
        ReportData data = ReportData.campaign(campaign, GOAL, Map.of("conversionWindow", "P5D"));
        Random random = new Random(6_2025L);
        Simulated treatment = simulate(data, random, 3000, 0.11, true);
        Simulated holdout = simulate(data, random, 1000, 0.07, false);
        data.save();

        JsonPath report = report(campaign, FEBRUARY);

        assertThat(report.getLong("treatment.convertedCustomers")).isEqualTo(treatment.converted);
        assertThat(report.getLong("holdout.convertedCustomers")).isEqualTo(holdout.converted);
        assertThat(report.getDouble("treatment.revenuePerCustomer")).isCloseTo(treatment.revenue / 3000.0, within(0.0001));
        double low = report.getDouble("uplift.interval.low");
        double high = report.getDouble("uplift.interval.high");
        assertThat(0.04).as("the true uplift").isBetween(low, high);
        assertThat(high - low).as("3000 against 1000 customers pin it down to a few points").isLessThan(0.05);
    }

    @Test
    void revenuePerCustomerDiscountSpentAndDeliveriesAreCountedPerGroup() throws Exception {
        String campaign = unique("revenue");
        ReportData data = ReportData.campaign(campaign, GOAL, Map.of("revenueField", "order.value"));
        String t1 = unique("c");
        String t2 = unique("c");
        String t3 = unique("c");
        String t4 = unique("c");
        UUID offered = data.offer(t1, T, "10");
        data.delivery(offered, "email", "delivered").delivery(offered, "webhook", "delivered");
        data.event(t1, GOAL, T.plusSeconds(600), "{\"order\": {\"value\": 100}}");
        data.delivery(data.offer(t2, T, "5"), "email", "dead");
        data.event(t2, GOAL, T.plusSeconds(600), "{\"order\": {\"value\": 50}}")
                .event(t2, GOAL, T.plusSeconds(900), "{\"order\": {\"value\": \"a lot\"}}");
        data.delivery(data.offer(t3, T, "20"), "rabbitmq", "delivered");
        data.sent(t4, T);
        data.event(t4, GOAL, T.plusSeconds(60), "{\"order\": {\"value\": \"30.5\"}}");
        String h1 = unique("c");
        data.heldOut(h1, T);
        data.event(h1, GOAL, T.plusSeconds(60), "{\"order\": {\"value\": 40}}");
        data.heldOut(unique("c"), T);
        data.suppressed(unique("c"), T, "frequency cap: 3 a week");
        data.suppressed(unique("c"), T, "frequency cap: 3 a week");
        data.suppressed(unique("c"), T, "budget spent");
        data.save();

        JsonPath report = report(campaign, FEBRUARY);

        assertThat(report.getLong("treatment.customers")).isEqualTo(4);
        assertThat(report.getLong("treatment.conversions")).as("a value that is not a number still converts").isEqualTo(4);
        assertThat(report.getDouble("treatment.revenue")).isEqualTo(180.5);
        assertThat(report.getDouble("treatment.revenuePerCustomer")).isEqualTo(45.125);
        assertThat(report.getDouble("holdout.revenuePerCustomer")).isEqualTo(20.0);
        assertThat(report.getDouble("uplift.incrementalRevenue")).as("180.5 - 20 x 4").isEqualTo(100.5);
        assertThat(report.getDouble("treatment.discountOffered")).isEqualTo(35.0);
        assertThat(report.getDouble("treatment.discountSpent")).as("t1's and t2's offers, not t3's").isEqualTo(15.0);
        assertThat(report.getLong("treatment.deliveries")).isEqualTo(3);
        assertThat(report.getMap("treatment.deliveriesByChannel")).isEqualTo(Map.of("email", 1, "rabbitmq", 1, "webhook", 1));
        assertThat(report.getLong("holdout.deliveries")).isZero();
        assertThat(report.getLong("suppressed.decisions")).isEqualTo(3);
        assertThat(report.getList("suppressed.byReason.reason")).containsExactly("frequency cap: 3 a week", "budget spent");
    }

    /**
     * A reminder that fired at night was held for the morning, and the customer ordered meanwhile, so
     * it was called off. Its held-out peer, with nothing to call off, ordered too: both count as
     * converted, or the treatment would lose exactly the customers who bought during the wait.
     */
    @Test
    void aFollowUpCalledOffWhileHeldForQuietHoursStaysInTheTreatmentWithItsConversion() throws Exception {
        String campaign = unique("calledoff");
        ReportData data = ReportData.campaign(campaign, GOAL, Map.of());
        String treated = unique("c");
        data.calledOffWhileHeld(treated, T, T.plus(Duration.ofHours(9)));
        data.event(treated, GOAL, T.plus(Duration.ofHours(1)), "{\"total\": 30}");
        String heldOut = unique("c");
        data.heldOut(heldOut, T);
        data.event(heldOut, GOAL, T.plus(Duration.ofHours(1)), "{\"total\": 30}");
        data.suppressed(unique("c"), T, "frequency cap: 3 a week");
        data.save();

        JsonPath report = report(campaign, FEBRUARY);

        assertThat(report.getLong("treatment.customers")).isEqualTo(1);
        assertThat(report.getLong("treatment.convertedCustomers")).isEqualTo(1);
        assertThat(report.getDouble("treatment.discountOffered")).as("nothing was sent").isZero();
        assertThat(report.getLong("holdout.convertedCustomers")).isEqualTo(1);
        assertThat(report.getDouble("uplift.absolute")).isZero();
        assertThat(report.getList("suppressed.byReason.reason")).containsExactly("frequency cap: 3 a week");
    }

    @Test
    void aCampaignWithoutAGoalCountsDecisionsAndSaysWhyItMeasuresNothingElse() throws Exception {
        String campaign = unique("nogoal");
        ReportData data = ReportData.campaign(campaign, null, Map.of());
        String customer = unique("c");
        data.delivery(data.sent(customer, T), "email", "delivered");
        data.event(customer, GOAL, T.plusSeconds(60), "{\"total\": 10}");
        data.heldOut(unique("c"), T);
        data.save();

        JsonPath report = report(campaign, FEBRUARY);

        assertThat(report.getBoolean("measured")).isFalse();
        assertThat(report.getString("note")).contains("has no goal");
        assertThat(report.getLong("treatment.decisions")).isEqualTo(1);
        assertThat(report.getLong("treatment.deliveries")).isEqualTo(1);
        assertThat(report.getMap("treatment")).doesNotContainKeys("conversions", "conversionRate", "revenue");
        assertThat(report.getMap("$")).doesNotContainKey("uplift");
        assertThat(report.getList("days.holdoutDecisions")).contains(1);
    }

    @Test
    void withNoOneHeldOutThereIsNotEnoughDataForAnUpliftAndNoNumberIsMadeUp() throws Exception {
        String campaign = unique("noholdout");
        ReportData data = ReportData.campaign(campaign, GOAL, Map.of());
        String customer = unique("c");
        data.sent(customer, T);
        data.event(customer, GOAL, T.plusSeconds(60), "{}");
        data.save();

        String body = api().get("/api/campaigns/" + campaign + "/report" + FEBRUARY).then().statusCode(200)
                .body("uplift.enoughData", equalTo(false)).extract().asString();

        JsonPath report = JsonPath.from(body);
        assertThat(report.getString("uplift.reason")).startsWith("Not enough data");
        assertThat(report.getMap("holdout")).containsEntry("customers", 0).doesNotContainKey("conversionRate");
        assertThat(body).doesNotContain("NaN").doesNotContain("Infinity");
    }

    @Test
    void aPeriodThatIsNotValidIsRefusedNamingTheParameter() {
        String campaign = unique("bad");
        api().body(Map.of("name", campaign, "goal", GOAL)).post("/api/campaigns").then().statusCode(201);
        String report = "/api/campaigns/" + campaign + "/report";

        api().get(report + "?from=last-week").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("from"));
        api().get(report + "?from=2025-02-10&to=2025-02-01").then().statusCode(400).body("errors[0].field", equalTo("to"));
        api().get(report + "?from=2024-01-01&to=2025-06-01").then().statusCode(400).body("errors[0].field", equalTo("to"));
        api().get("/api/campaigns/" + unique("missing") + "/report").then().statusCode(404);
    }

    private record Simulated(long converted, double revenue) {
    }

    /**
     * {@code customers} customers of one group, each decided once in the first week of February; a
     * converting one buys within the window, a few others only after it (or before the decision).
     */
    private static Simulated simulate(ReportData data, Random random, int customers, double rate, boolean sent) {
        long converted = 0;
        double revenue = 0;
        for (int i = 0; i < customers; i++) {
            String customer = unique("sim");
            Instant anchor = T.plusSeconds(random.nextInt(7 * 86_400));
            if (sent) {
                data.sent(customer, anchor);
            } else {
                data.heldOut(customer, anchor);
            }
            double roll = random.nextDouble();
            if (roll < rate) {
                int total = 10 + random.nextInt(190);
                data.event(customer, GOAL, anchor.plusSeconds(1 + random.nextInt(5 * 86_400 - 1)), "{\"total\": " + total + "}");
                converted++;
                revenue += total;
            } else if (roll < rate + 0.03) {
                data.event(customer, GOAL, anchor.plus(Duration.ofDays(5)).plusSeconds(1 + random.nextInt(86_400)), "{\"total\": 99}");
            } else if (roll < rate + 0.05) {
                data.event(customer, GOAL, anchor.minusSeconds(1 + random.nextInt(86_400)), "{\"total\": 99}");
            }
        }
        return new Simulated(converted, revenue);
    }

    /** {@code customers} customers decided on at T, the first {@code converting} of them buying a day later. */
    private static void group(ReportData data, int customers, int converting, boolean sent) {
        for (int i = 0; i < customers; i++) {
            String customer = unique("c");
            if (sent) {
                data.sent(customer, T);
            } else {
                data.heldOut(customer, T);
            }
            if (i < converting) {
                data.event(customer, GOAL, T.plus(Duration.ofDays(1)), "{}");
            }
        }
    }

    private static JsonPath report(String campaign, String query) {
        return api().get("/api/campaigns/" + campaign + "/report" + query).then().statusCode(200).extract().jsonPath();
    }

    private static Map<String, Object> day(JsonPath report, String day) {
        List<Map<String, Object>> days = report.getList("days");
        return days.stream().filter(d -> day.equals(d.get("day"))).findFirst().orElseThrow();
    }
}
