package dev.beckon.bench;

import dev.beckon.support.TestNamespace;
import static dev.beckon.support.Api.api;
import static org.awaitility.Awaitility.await;

import dev.beckon.rules.ActiveRules;
import dev.beckon.rules.RuleCompiler;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Rule authoring figures, printed, never asserted ({@code ./mvnw verify -Pbenchmark}):
 * compile time for 10, 100 and 1,000 rules, and backtest throughput over a stored history
 * ({@code -Dbench.history=1000000} events by default).
 */
@QuarkusTest
@Tag("benchmark")
class RuleBenchmark {

    @Inject
    RuleCompiler compiler;
    @Inject
    ActiveRules active;

    @Test
    void measureCompileTimeAndBacktestThroughput() throws Exception {
        StringBuilder report = new StringBuilder("\n==== Beckon rule authoring benchmark ====\n");
        compile(10);
        for (int rules : new int[] {10, 100, 1000}) {
            long start = System.nanoTime();
            compiler.compile(0, rules(rules));
            report.append(String.format("compile %5d rules: %7.0f ms%n", rules, (System.nanoTime() - start) / 1e6));
        }

        int history = Integer.getInteger("bench.history", 1_000_000);
        try (Connection db = TestNamespace.database();
             Statement sql = db.createStatement()) {
            sql.execute("""
                    INSERT INTO events (id, type, customer_id, occurred_at, received_at, channel, data)
                    SELECT 'bench-h-' || g, (ARRAY['page.viewed','product.viewed','cart.updated','order.completed',
                           'payment.authorized','feedback.submitted','customer.signed_up','room.assigned'])[1 + g % 8],
                           'bench-c' || (g % 100000), now() - interval '3 days' + g * interval '1 millisecond',
                           now() - interval '3 days' + g * interval '1 millisecond', 'bench',
                           jsonb_build_object('total', 20 + g % 180, 'amount', 20 + g % 180, 'rating', 1 + g % 5,
                                              'country', 'DE', 'notes', repeat('x', 600))
                    FROM generate_series(1, HISTORY) g
                    """.replace("HISTORY", Integer.toString(history)));
            sql.execute("ANALYZE events");
        }
        int draft = api().body(Map.of("drl", dev.beckon.support.RuleSets.starterPack().replace("amountOff(20)", "amountOff(25)")))
                .post("/api/rulesets").then().statusCode(201).extract().path("version");
        int id = api().body(Map.of("draftVersion", draft)).post("/api/backtests").then().statusCode(202).extract().path("id");
        await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofSeconds(1))
                .until(() -> !"running".equals(api().get("/api/backtests/" + id).then().extract().path("status")));
        JsonPath done = api().get("/api/backtests/" + id).then().extract().jsonPath();
        double seconds = done.getDouble("result.seconds");
        long events = done.getLong("result.events");
        report.append(String.format("backtest over %d stored events (two versions side by side): %.1f s, %.0f events/s%n",
                events, seconds, events / seconds));
        report.append("=========================================\n");
        System.out.println(report);
    }

    private void compile(int rules) {
        compiler.compile(0, rules(rules));
    }

    /** Rules shaped like the starter pack's, each on its own event type and campaign. */
    private static String rules(int count) {
        StringBuilder drl = new StringBuilder();
        for (int i = 0; i < count; i++) {
            drl.append("""
                    rule "Generated %1$d"
                    when
                        $p : Profile(orderCount >= %2$d)
                        Event(type == "generated.%1$d", number("total") > %3$d)
                    then
                        decide.offer("generated-%1$d").percentOff(%4$d).code("GEN%1$d").validFor("7d");
                    end

                    """.formatted(i, i % 5, 10 + i % 90, 5 + i % 20));
        }
        return drl.toString();
    }
}
