package dev.beckon.rules.backtest;

import dev.beckon.support.TestNamespace;
import static dev.beckon.support.Api.api;
import static dev.beckon.support.Api.event;
import static dev.beckon.support.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.beckon.rules.ActiveRules;
import dev.beckon.support.RuleSets;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class BacktestApiTest {

    private static final String PROMO_RULE = """

            rule "Backtest promo"
            when
                Event(type == "test.backtest")
            then
                decide.offer("bt-promo").amountOff(5);
            end
            """;

    @Inject
    ActiveRules active;

    @Test
    void showsWhatADraftWouldHaveDecidedBesideTheLiveVersion() {
        String customer = unique("c");
        for (int i = 0; i < 3; i++) {
            api().body(event(unique("e"), "test.backtest", customer, "{}")).post("/api/events").then().statusCode(202);
        }
        int draft = draftWith(PROMO_RULE);

        int id = api().body(Map.of("draftVersion", draft)).post("/api/backtests").then().statusCode(202)
                .body("status", equalTo("running")).extract().path("id");
        JsonPath done = awaitEnd(id);

        assertThat(done.getString("status")).isEqualTo("done");
        assertThat(done.getLong("processed")).isEqualTo(done.getLong("total")).isGreaterThanOrEqualTo(3);
        assertThat(done.getInt("result.draft.rules.'Backtest promo'.decided")).isEqualTo(3);
        assertThat(done.getString("result.baseline.rules.'Backtest promo'")).isNull();
        assertThat(done.getInt("result.draft.version")).isEqualTo(draft);
        assertThat(done.getInt("result.baseline.version")).isEqualTo(active.version());
        assertThat(done.getDouble("result.draft.discountValue") - done.getDouble("result.baseline.discountValue"))
                .isEqualTo(15.0);
        List<Map<String, Object>> sample = done.getList("result.sample");
        assertThat(sample).anySatisfy(d -> {
            assertThat(d.get("customerId")).isEqualTo(customer);
            assertThat((List<Object>) d.get("draft")).containsExactly("offer bt-promo", "offer bt-promo", "offer bt-promo");
            assertThat((List<Object>) d.get("baseline")).isEmpty();
        });
        api().get("/api/backtests").then().body("id", hasItem(id));
    }

    @Test
    void aRunningBacktestCanBeCancelled() throws Exception {
        try (Connection db = TestNamespace.database();
             Statement sql = db.createStatement()) {
            // History enough to keep a backtest busy for a while: 60,000 page views.
            sql.execute("""
                    INSERT INTO events (id, type, customer_id, occurred_at, received_at, channel, data)
                    SELECT 'bt-hist-' || g || '-' || md5(random()::text), 'page.viewed', 'bt-c' || (g % 5000),
                           now() - interval '2 days', now() - interval '2 days', 'test', '{"url": "/"}'
                    FROM generate_series(1, 60000) g
                    """);
        }
        int id = api().body(Map.of("draftVersion", active.version())).post("/api/backtests").then().statusCode(202)
                .extract().path("id");
        api().post("/api/backtests/" + id + "/cancel").then().statusCode(200);

        JsonPath ended = awaitEnd(id);
        assertThat(ended.getString("status")).isEqualTo("cancelled");
        assertThat(ended.getLong("processed")).isLessThan(ended.getLong("total"));
        api().post("/api/backtests/" + id + "/cancel").then().statusCode(409);
    }

    @Test
    void refusesABackwardsPeriod() {
        api().body(Map.of("draftVersion", active.version(), "from", "2026-11-20T00:00:00Z", "to", "2026-11-10T00:00:00Z"))
                .post("/api/backtests").then().statusCode(400).body("errors[0].field", equalTo("from"));
        api().body(Map.of()).post("/api/backtests").then().statusCode(400).body("errors[0].field", equalTo("draftVersion"));
    }

    private static int draftWith(String rules) {
        return api().body(Map.of("drl", RuleSets.starterPack() + rules)).post("/api/rulesets").then().statusCode(201)
                .extract().path("version");
    }

    private static JsonPath awaitEnd(int id) {
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200)).until(() ->
                !"running".equals(api().get("/api/backtests/" + id).then().extract().path("status")));
        return api().get("/api/backtests/" + id).then().extract().jsonPath();
    }
}
