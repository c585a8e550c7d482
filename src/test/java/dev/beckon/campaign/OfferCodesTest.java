package dev.beckon.campaign;

import static dev.beckon.support.Api.api;
import static dev.beckon.support.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.beckon.support.TestNamespace;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Filling a campaign's pool of offer codes over the API, and seeing it run empty. */
@QuarkusTest
class OfferCodesTest {

    @Inject
    OfferCodeWatch watch;
    @Inject
    OfferCodePool pool;
    @Inject
    MeterRegistry registry;

    @Test
    void generatedCodesAreUniqueUnambiguousAndCountedAsAvailable() throws SQLException {
        String campaign = campaign("rule");
        api().body(Map.of("count", 2000, "prefix", "SPRING-", "length", 8))
                .post("/api/campaigns/" + campaign + "/codes/generate").then().statusCode(200).body("added", equalTo(2000));
        api().body(Map.of("count", 500)).post("/api/campaigns/" + campaign + "/codes/generate")
                .then().statusCode(200).body("added", equalTo(500));

        List<String> codes = codesOf(campaign);
        assertThat(codes).hasSize(2500).doesNotHaveDuplicates();
        assertThat(codes.stream().filter(c -> c.startsWith("SPRING-"))).hasSize(2000)
                .allMatch(c -> c.matches("SPRING-[2-9A-HJ-NP-Z]{8}"));
        assertThat(codes.stream().filter(c -> !c.startsWith("SPRING-"))).hasSize(500)
                .allMatch(c -> c.matches("[2-9A-HJ-NP-Z]{10}"));
        api().get("/api/campaigns/" + campaign + "/codes").then().statusCode(200)
                .body("available", equalTo(2500)).body("claimed", equalTo(0)).body("total", equalTo(2500))
                .body("empty", equalTo(false)).body("inUse", equalTo(false));
        // The audit log says how many codes were added, never which: they are worth money.
        List<Map<String, Object>> audited = api().get("/api/audit?limit=50").jsonPath().getList(
                "findAll { it.target == 'campaign:" + campaign + "' }");
        assertThat(audited).extracting(e -> e.get("action")).containsOnly("campaign.created", "offer-codes.generated");
        assertThat(audited.toString()).doesNotContain(codes.get(0));
    }

    @Test
    void generatingRefusesCountsLengthsAndPrefixesOutOfRangeWithTheirFields() {
        String campaign = campaign("pool");
        api().body(Map.of("count", 0, "prefix", "NO SPACES", "length", 4))
                .post("/api/campaigns/" + campaign + "/codes/generate").then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("count", "prefix", "length"));
        api().body(Map.of("count", 100_001)).post("/api/campaigns/" + campaign + "/codes/generate").then().statusCode(400);
        api().body(Map.of("count", 1)).post("/api/campaigns/" + unique("nobody") + "/codes/generate").then().statusCode(404);
    }

    @Test
    void aCsvImportSkipsTheHeaderAndBlankLinesCountsDuplicatesAndReportsInvalidLinesByNumber() {
        String campaign = campaign("pool");
        api().contentType("text/csv").body("A1\n").post("/api/campaigns/" + campaign + "/codes/import")
                .then().statusCode(200).body("added", equalTo(1));
        String csv = String.join("\r\n",
                "code,value",            // 1: header
                "  A1 ,10",              // 2: already in the pool
                "B2,10",                 // 3
                "",                      // 4
                "\"C3\",\"x, y\"",       // 5: quoted first column
                "B2",                    // 6: twice in the file
                "has space",             // 7
                "X".repeat(65),          // 8
                "bell\u0007",            // 9
                "D4");                   // 10
        api().contentType("text/csv").body(csv).post("/api/campaigns/" + campaign + "/codes/import").then().statusCode(200)
                .body("added", equalTo(3)).body("duplicates", equalTo(2))
                .body("invalid.line", org.hamcrest.Matchers.contains(7, 8, 9))
                .body("invalid[0].reason", org.hamcrest.Matchers.containsString("whitespace"))
                .body("invalid[1].reason", org.hamcrest.Matchers.containsString("longer than 64"))
                .body("invalid[2].reason", org.hamcrest.Matchers.containsString("control character"));
        api().get("/api/campaigns/" + campaign + "/codes").then().body("available", equalTo(4));
    }

    @Test
    void aFileWithoutAValidCodeIsRefusedAndOnlyCsvIsTaken() {
        String campaign = campaign("pool");
        api().contentType("text/csv").body("code\nnot valid\n" + "Y".repeat(70) + "\n")
                .post("/api/campaigns/" + campaign + "/codes/import").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.line", org.hamcrest.Matchers.contains(2, 3));
        api().contentType("text/csv").body("code\n\n").post("/api/campaigns/" + campaign + "/codes/import")
                .then().statusCode(400);
        api().contentType(ContentType.JSON).body("{\"codes\": [\"A\"]}").post("/api/campaigns/" + campaign + "/codes/import")
                .then().statusCode(415);
        api().get("/api/campaigns/" + campaign + "/codes").then().body("total", equalTo(0)).body("empty", equalTo(true));
    }

    @Test
    void aPoolInUseThatRunsEmptyShowsOnTheGaugeAndIsReportedOnceUntilRefilled() throws SQLException {
        String campaign = campaign("pool");
        api().body(Map.of("count", 2)).post("/api/campaigns/" + campaign + "/codes/generate").then().statusCode(200);
        assertThat(watch.check()).doesNotContain(campaign);
        assertThat(gauge(campaign)).isEqualTo(2.0);

        try (Connection db = TestNamespace.database()) {
            for (int i = 0; i < 3; i++) {
                pool.claim(db, campaign, UUID.randomUUID(), "c" + i, Instant.now());
            }
        }
        assertThat(watch.check()).contains(campaign);
        assertThat(gauge(campaign)).isZero();
        assertThat(watch.check()).doesNotContain(campaign);
        api().get("/api/campaigns/" + campaign + "/codes").then().body("empty", equalTo(true))
                .body("inUse", equalTo(true)).body("claimed", equalTo(2)).body("recentClaims.size()", equalTo(2));

        api().body(Map.of("count", 1)).post("/api/campaigns/" + campaign + "/codes/generate").then().statusCode(200);
        assertThat(watch.check()).doesNotContain(campaign);
        assertThat(gauge(campaign)).isEqualTo(1.0);
    }

    private double gauge(String campaign) {
        return registry.get(OfferCodeWatch.GAUGE).tag("campaign", campaign).gauge().value();
    }

    /** A running campaign whose offers take their codes from {@code source}. */
    static String campaign(String source) {
        String name = unique("codes");
        api().body(Map.of("name", name, "status", "running", "settings", Map.of("offerCodes", Map.of("source", source))))
                .post("/api/campaigns").then().statusCode(201);
        return name;
    }

    static List<String> codesOf(String campaign) throws SQLException {
        List<String> codes = new ArrayList<>();
        try (Connection db = TestNamespace.database();
             PreparedStatement query = db.prepareStatement("SELECT code FROM offer_codes WHERE campaign = ?")) {
            query.setString(1, campaign);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    codes.add(row.getString(1));
                }
            }
        }
        return codes;
    }
}
