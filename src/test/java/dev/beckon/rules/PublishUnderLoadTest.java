package dev.beckon.rules;

import static dev.beckon.support.Api.api;
import static dev.beckon.support.Api.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

import dev.beckon.support.Rabbit;
import dev.beckon.support.RuleSets;
import dev.beckon.support.TestNamespace;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A version published while events stream in through RabbitMQ: every event is processed once,
 * each by exactly one version, and nothing is lost or dead-lettered.
 */
@QuarkusTest
class PublishUnderLoadTest {

    private static final int EVENTS = 3000;
    private static final String EXTRA = """

            rule "Load marker"
            when
                Event(type == "load.tick")
            then
                decide.offer("load-marker").amountOff(1);
            end
            """;

    @AfterEach
    void restore() {
        RuleSets.restoreStarterPack();
    }

    @Test
    void publishingMidStreamLosesAndDuplicatesNothing() throws Exception {
        String run = "load-" + UUID.randomUUID().toString().substring(0, 8);
        try (Rabbit rabbit = new Rabbit()) {
            for (int i = 0; i < EVENTS; i++) {
                rabbit.publish("load.tick", event(run + "-" + i, "load.tick", run + "-c" + (i % 300), "{}"));
                if (i == EVENTS / 3) {
                    RuleSets.publishStarterPackWith(EXTRA);
                }
                if (i == 2 * EVENTS / 3) {
                    RuleSets.restoreStarterPack();
                }
            }
        }
        try (Connection db = TestNamespace.database()) {
            await().atMost(Duration.ofSeconds(60)).until(() ->
                    count(db, "SELECT count(*) FROM events WHERE id LIKE '" + run + "-%'") == EVENTS);
            assertThat(count(db, "SELECT count(DISTINCT id) FROM events WHERE id LIKE '" + run + "-%'")).isEqualTo(EVENTS);
            // Only the middle third ran on the version with the marker rule, each event at most once.
            assertThat(count(db, "SELECT count(*) FROM (SELECT event_id FROM decisions WHERE event_id LIKE '" + run
                    + "-%' GROUP BY event_id HAVING count(*) > 1) d")).isZero();
            long marked = count(db, "SELECT count(*) FROM decisions WHERE event_id LIKE '" + run + "-%'");
            assertThat(marked).as("events decided by the version with the marker rule").isPositive().isLessThan(EVENTS);
            assertThat(count(db, "SELECT count(*) FROM dead_letters WHERE message_key LIKE '" + run + "-%'")).isZero();
            assertThat(count(db, "SELECT count(DISTINCT rule_set_version) FROM decisions WHERE event_id LIKE '" + run + "-%'"))
                    .isEqualTo(1);
        }
    }

    @Test
    void describesTheApiInOpenApi() {
        api().get("/q/openapi").then().statusCode(200)
                .body(containsString("/api/rulesets/{version}/publish"))
                .body(containsString("/api/guided-rules/preview"))
                .body(containsString("/api/backtests/{id}/cancel"));
    }

    private static long count(Connection db, String sql) throws SQLException {
        try (Statement s = db.createStatement(); ResultSet row = s.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }
}
