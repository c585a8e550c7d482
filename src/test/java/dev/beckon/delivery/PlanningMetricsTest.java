package dev.beckon.delivery;

import static dev.beckon.support.Api.api;
import static dev.beckon.support.Api.event;
import static dev.beckon.support.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.beckon.support.TestNamespace;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** beckon_deliveries_planned_total counts what planning committed: a batch that rolled back counts nothing. */
@QuarkusTest
class PlanningMetricsTest {

    @Inject
    MeterRegistry registry;
    @Inject
    DeliveryPlanner planner;

    @Test
    void aPlanningBatchThatRollsBackIsNotCountedAndCountsOnceWhenItCommits() throws Exception {
        try (Connection db = TestNamespace.database(); Statement sql = db.createStatement()) {
            String function = "fail_planning_" + unique("t").replace('-', '_').toLowerCase();
            sql.execute("CREATE FUNCTION " + function + "() RETURNS trigger LANGUAGE plpgsql AS "
                    + "$$ BEGIN RAISE EXCEPTION 'planning fails for this test'; END $$");
            // Marking outbox rows planned is planning's last statement, after its deliveries and verdicts are written.
            sql.execute("CREATE TRIGGER " + function + " BEFORE UPDATE ON outbox FOR EACH STATEMENT EXECUTE FUNCTION "
                    + function + "()");
            double countedBefore = planned();
            long deliveriesBefore = count(sql, "SELECT count(*) FROM deliveries");
            try {
                api().body(event(unique("e"), "customer.signed_up", unique("c"), "{}")).post("/api/events")
                        .then().statusCode(202);
                // The offer is decided; planning it fails, every round, until the trigger goes.
                for (int round = 0; round < 3; round++) {
                    try {
                        planner.planPending();
                    } catch (RuntimeException expected) {
                        // rolled back
                    }
                }
                assertThat(count(sql, "SELECT count(*) FROM deliveries")).isEqualTo(deliveriesBefore);
                assertThat(planned()).as("counted while nothing was committed").isEqualTo(countedBefore);
            } finally {
                sql.execute("DROP TRIGGER " + function + " ON outbox");
                sql.execute("DROP FUNCTION " + function + "()");
            }
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> count(sql, "SELECT count(*) FROM outbox WHERE planned_at IS NULL") == 0);
            long committed = count(sql, "SELECT count(*) FROM deliveries") - deliveriesBefore;
            assertThat(committed).isPositive();
            assertThat(planned() - countedBefore).isEqualTo(committed);
        }
    }

    private double planned() {
        return registry.find("beckon.deliveries.planned").counters().stream().mapToDouble(Counter::count).sum();
    }

    private static long count(Statement sql, String query) throws Exception {
        try (ResultSet row = sql.executeQuery(query)) {
            row.next();
            return row.getLong(1);
        }
    }
}
