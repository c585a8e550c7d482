package dev.beckon.campaign.report;

import static dev.beckon.support.Api.api;
import static dev.beckon.support.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Issue #15, item 4: a campaign's decisions in bulk, as CSV, with each one's group, verdict and conversion. */
@QuarkusTest
class DecisionExportTest {

    static final String GOAL = "order.completed";
    static final Instant T = Instant.parse("2025-04-07T09:00:00Z");
    static final String APRIL = "?from=2025-04-01&to=2025-04-30";
    static final String HEADER = "customer_id,decision_id,decided_at,kind,channel,group,verdict,reason,held_until,converted,"
            + "conversions,converted_at,conversion_event_id";

    @Test
    void aCampaignsDecisionsOfThePeriodAreExportedExactlyWithGroupVerdictAndConversion() throws Exception {
        String campaign = unique("export");
        ReportData data = ReportData.campaign(campaign, GOAL, Map.of("conversionWindow", "P7D"));
        String sentCustomer = unique("c");
        UUID sent = data.sent(sentCustomer, T);
        String firstOrder = data.eventWithId(sentCustomer, GOAL, T.plus(Duration.ofHours(1)), "{}");
        data.event(sentCustomer, GOAL, T.plus(Duration.ofHours(3)), "{}");
        String heldCustomer = unique("c");
        UUID held = data.held(heldCustomer, T.plusSeconds(600), T.plus(Duration.ofHours(9)));
        String orderDuringTheWait = data.eventWithId(heldCustomer, GOAL, T.plus(Duration.ofHours(2)), "{}");
        String heldOutCustomer = unique("c");
        UUID heldOut = data.heldOut(heldOutCustomer, T.plusSeconds(1200));
        data.event(heldOutCustomer, GOAL, T.plus(Duration.ofDays(8)), "{}");
        String suppressedCustomer = unique("c");
        UUID suppressed = data.suppressed(suppressedCustomer, T.plusSeconds(1800), "frequency cap: 3 a week");
        data.event(suppressedCustomer, GOAL, T.plus(Duration.ofHours(1)), "{}");
        data.sent(unique("c"), Instant.parse("2025-03-31T23:59:59Z"));
        ReportData other = ReportData.campaign(unique("other"), GOAL, Map.of());
        other.sent(sentCustomer, T);
        other.save();
        data.save();

        Response response = export(campaign, APRIL);

        assertThat(response.contentType()).startsWith("text/csv");
        assertThat(response.header("Content-Disposition"))
                .isEqualTo("attachment; filename=\"" + campaign + "-decisions-2025-04-01.csv\"");
        assertThat(response.asString()).isEqualTo(lines(HEADER,
                sentCustomer + "," + sent + ",2025-04-07T09:00:00Z,offer,email,treatment,sent,,,yes,2,2025-04-07T10:00:00Z,"
                        + firstOrder,
                heldCustomer + "," + held + ",2025-04-07T09:10:00Z,offer,email,treatment,held,"
                        + "held for quiet hours until 2025-04-07T18:00:00Z,2025-04-07T18:00:00Z,yes,1,2025-04-07T11:00:00Z,"
                        + orderDuringTheWait,
                heldOutCustomer + "," + heldOut + ",2025-04-07T09:20:00Z,offer,email,holdout,held_out,,,no,0,,",
                suppressedCustomer + "," + suppressed + ",2025-04-07T09:30:00Z,offer,email,none,suppressed,"
                        + "frequency cap: 3 a week,,,,,"));
    }

    @Test
    void customerIdsAndReasonsAreQuotedAndCellsThatLookLikeFormulasAreDefused() throws Exception {
        String campaign = unique("escape");
        ReportData data = ReportData.campaign(campaign, GOAL, Map.of());
        UUID quoted = data.sent("acme, \"north\"", T);
        UUID formula = data.sent("=cmd|' /C calc'!A0", T.plusSeconds(1));
        UUID plus = data.heldOut("+1 555 0100", T.plusSeconds(2));
        UUID at = data.suppressed("@sum", T.plusSeconds(3), "cap, \"weekly\"\nsecond line");
        data.save();

        String body = export(campaign, APRIL).asString();

        assertThat(body.split("\r\n", -1)).containsExactly(HEADER,
                "\"acme, \"\"north\"\"\"," + quoted + ",2025-04-07T09:00:00Z,offer,email,treatment,sent,,,no,0,,",
                "'=cmd|' /C calc'!A0," + formula + ",2025-04-07T09:00:01Z,offer,email,treatment,sent,,,no,0,,",
                "'+1 555 0100," + plus + ",2025-04-07T09:00:02Z,offer,email,holdout,held_out,,,no,0,,",
                "'@sum," + at + ",2025-04-07T09:00:03Z,offer,email,none,suppressed,\"cap, \"\"weekly\"\"\nsecond line\",,,,,",
                "");
    }

    /** The rows add up to the report's figures: the export and the report credit the same conversions. */
    @Test
    void theExportsConvertedCustomersPerGroupAreTheReports() throws Exception {
        String campaign = unique("reconcile");
        ReportData data = ReportData.campaign(campaign, GOAL, Map.of("conversionWindow", "P3D"));
        for (int i = 0; i < 40; i++) {
            String customer = unique("c");
            Instant decided = T.plus(Duration.ofHours(7L * i));
            if (i % 4 == 0) {
                data.heldOut(customer, decided);
            } else {
                data.sent(customer, decided);
                data.sent(customer, decided.plus(Duration.ofDays(1)));
            }
            if (i % 3 == 0) {
                data.event(customer, GOAL, decided.plus(Duration.ofHours(30)), "{}");
            } else if (i % 5 == 0) {
                data.event(customer, GOAL, decided.plus(Duration.ofDays(5)), "{}");
            }
        }
        data.save();

        JsonPath report = api().get("/api/campaigns/" + campaign + "/report" + APRIL).then().statusCode(200)
                .extract().jsonPath();
        List<String[]> rows = new ArrayList<>();
        for (String line : export(campaign, APRIL).asString().split("\r\n")) {
            rows.add(line.split(",", -1));
        }
        rows.remove(0);

        for (String group : List.of("treatment", "holdout")) {
            long converted = rows.stream().filter(r -> r[5].equals(group) && r[9].equals("yes")).map(r -> r[0])
                    .distinct().count();
            long conversions = rows.stream().filter(r -> r[5].equals(group)).mapToLong(r -> Long.parseLong(r[10])).sum();
            assertThat(converted).as(group).isEqualTo(report.getLong(group + ".convertedCustomers")).isPositive();
            assertThat(conversions).as(group).isEqualTo(report.getLong(group + ".conversions"));
            assertThat(rows.stream().filter(r -> r[5].equals(group)).count()).isEqualTo(report.getLong(group + ".decisions"));
        }
    }

    @Test
    void anUnknownCampaignIsNotFoundAndAPeriodThatIsNotValidIsRefused() {
        api().get("/api/campaigns/" + unique("missing") + "/decisions.csv").then().statusCode(404);
        String campaign = unique("bad");
        api().body(Map.of("name", campaign, "goal", GOAL)).post("/api/campaigns").then().statusCode(201);
        api().get("/api/campaigns/" + campaign + "/decisions.csv?from=yesterday").then().statusCode(400)
                .contentType("application/problem+json");
    }

    private static Response export(String campaign, String query) {
        return api().get("/api/campaigns/" + campaign + "/decisions.csv" + query).then().statusCode(200).extract().response();
    }

    private static String lines(String... lines) {
        return String.join("\r\n", lines) + "\r\n";
    }
}
