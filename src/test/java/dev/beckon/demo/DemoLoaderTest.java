package dev.beckon.demo;

import static dev.beckon.support.Api.api;
import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The demo shop: weeks of traffic through the live rules, campaigns with both groups, and a filled inbox. */
@QuarkusTest
class DemoLoaderTest {

    @Inject
    AgroalDataSource dataSource;

    @AfterEach
    void stopHoldingOutStarterCampaigns() {
        // Other tests send sign-ups and carts and expect every message delivered: no control group for them.
        for (String name : List.of("welcome", "abandoned-cart")) {
            api().body(Map.of("goal", "order.completed", "status", "running", "holdoutPercent", 0))
                    .put("/api/campaigns/" + name).then().statusCode(200);
        }
    }

    @Test
    void theDemoShopFillsCampaignsBothGroupsAndTheInboxAndLoadingItAgainAddsNothing() throws Exception {
        long started = System.nanoTime();
        Map<String, Object> loaded = api().body(Map.of("customers", 300)).post("/api/demo")
                .then().statusCode(200).extract().jsonPath().getMap("$");
        System.out.printf("Demo shop of 300 customers loaded in %d ms%n", (System.nanoTime() - started) / 1_000_000);

        assertThat(((Number) loaded.get("eventsStored")).longValue()).isGreaterThan(1_000);
        assertThat(((Number) loaded.get("ordersStored")).longValue()).isGreaterThan(20);
        api().get("/api/campaigns/welcome").then().statusCode(200);
        Map<String, Long> groups = count("""
                SELECT campaign || ':' || outcome, count(DISTINCT customer_id) FROM decision_verdicts
                WHERE customer_id LIKE 'demo-%' GROUP BY 1""");
        assertThat(groups.get("welcome:sent")).isGreaterThan(150L);
        assertThat(groups.get("welcome:held_out")).isGreaterThan(20L);
        assertThat(groups.get("abandoned-cart:sent")).isGreaterThan(50L);
        assertThat(count("""
                SELECT 'open', count(*) FROM escalations WHERE customer_id LIKE 'demo-%' AND status = 'open'""")
                .get("open")).as("escalations for the inbox").isGreaterThan(3L);
        assertThat(count("""
                SELECT 'span', extract(day FROM max(occurred_at) - min(occurred_at))::bigint FROM events
                WHERE customer_id LIKE 'demo-%'""").get("span")).as("days of traffic").isGreaterThanOrEqualTo(21L);

        // The demo's customers order 10 points more often after the welcome offer than when held out.
        io.restassured.path.json.JsonPath report = api().get("/api/campaigns/welcome/report").then().statusCode(200)
                .extract().jsonPath();
        System.out.printf("Welcome report on the demo: treatment %s, holdout %s, uplift %s%n",
                report.getString("treatment.conversionRate"), report.getString("holdout.conversionRate"),
                report.getString("uplift.interval"));
        assertThat(report.getDouble("uplift.absolute")).isPositive();
        assertThat(report.getDouble("uplift.interval.low")).isLessThanOrEqualTo(0.10);
        assertThat(report.getDouble("uplift.interval.high")).isGreaterThanOrEqualTo(0.10);

        Map<String, Object> again = api().body(Map.of("customers", 300)).post("/api/demo")
                .then().statusCode(200).extract().jsonPath().getMap("$");
        assertThat(((Number) again.get("eventsStored")).longValue()).isZero();
    }

    @Test
    void aDemoShopWithoutASizeIsRefused() {
        api().body(Map.of()).post("/api/demo").then().statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("customers"));
    }

    private Map<String, Long> count(String sql) throws Exception {
        Map<String, Long> counts = new HashMap<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(sql)) {
            while (row.next()) {
                counts.put(row.getString(1), row.getLong(2));
            }
        }
        return counts;
    }
}
