package dev.beckon.ingest;

import dev.beckon.support.TestNamespace;
import static dev.beckon.support.Api.api;
import static dev.beckon.support.Api.event;
import static dev.beckon.support.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.beckon.support.Rabbit;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A message is acknowledged only after what it caused is committed. Beckon's transaction is
 * made to fail mid-batch for real — its database backend is terminated while it waits on a lock —
 * and the message must stay unacknowledged, then be processed exactly once when the database
 * lets it through.
 */
@QuarkusTest
class AckAfterCommitTest {


    @Test
    void aBatchWhoseTransactionFailsIsNotAcknowledgedAndIsProcessedOnceLater() throws Exception {
        String customer = unique("c");
        String id = unique("e");
        try (Connection blocker = TestNamespace.database();
             Connection observer = TestNamespace.database();
             Rabbit rabbit = new Rabbit()) {
            blocker.setAutoCommit(false);
            try (Statement lock = blocker.createStatement()) {
                lock.execute("LOCK TABLE customer_profiles IN ACCESS EXCLUSIVE MODE");
            }

            rabbit.publish("cart.updated", event(id, "cart.updated", customer, "{\"total\": 150}"));

            int stuck = awaitBackendWaitingOnTheLock(observer);
            awaitUnacknowledged(1);
            try (Statement kill = observer.createStatement()) {
                kill.execute("SELECT pg_terminate_backend(" + stuck + ")");
            }
            // Beckon's transaction died mid-batch: nothing of it is visible, and it retries.
            assertThat(count(observer, "SELECT count(*) FROM events WHERE id = '" + id + "'")).isZero();
            awaitBackendWaitingOnTheLock(observer);
            awaitUnacknowledged(1);

            blocker.rollback();

            await().atMost(Duration.ofSeconds(20)).until(() ->
                    count(observer, "SELECT count(*) FROM events WHERE id = '" + id + "'") == 1);
            awaitUnacknowledged(0);
        }
        assertThat(api().get("/api/customers/" + customer + "/events").then().extract().jsonPath().getList("$")).hasSize(1);
        assertThat(api().get("/api/customers/" + customer + "/decisions").then().extract().jsonPath().getList("$")).hasSize(1);
        List<String> letters = api().get("/api/dead-letters").then().extract().jsonPath().getList("messageKey");
        assertThat(letters).doesNotContain(id);
    }

    /** The broker refreshes queue statistics every few seconds, so its count is awaited, not read once. */
    private static void awaitUnacknowledged(int expected) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500))
                .until(() -> unacknowledgedIngestMessages() == expected);
    }

    private static int awaitBackendWaitingOnTheLock(Connection observer) {
        int[] pid = new int[1];
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50)).until(() -> {
            try (Statement s = observer.createStatement(); ResultSet row = s.executeQuery("""
                    SELECT pid FROM pg_stat_activity
                    WHERE wait_event_type = 'Lock' AND query ILIKE '%FROM customer_profiles%FOR UPDATE%'
                    """)) {
                if (row.next()) {
                    pid[0] = row.getInt(1);
                    return true;
                }
                return false;
            }
        });
        return pid[0];
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet row = s.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

    /** What the broker itself says: messages delivered to Beckon and not yet acknowledged. */
    private static int unacknowledgedIngestMessages() throws IOException, InterruptedException {
        Process process = new ProcessBuilder("rabbitmqctl", "-q", "list_queues", "name", "messages_unacknowledged")
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        return output.lines().map(line -> line.trim().split("\\s+"))
                .filter(columns -> columns[0].equals(TestNamespace.BROKER + ".ingest"))
                .mapToInt(columns -> Integer.parseInt(columns[1])).findFirst().orElse(-1);
    }
}
