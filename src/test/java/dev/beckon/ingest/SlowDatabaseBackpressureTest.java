package dev.beckon.ingest;

import static dev.beckon.support.Api.api;
import static dev.beckon.support.Api.event;
import static dev.beckon.support.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.beckon.broker.BrokerConfig;
import dev.beckon.ingest.rabbit.RabbitIngest;
import dev.beckon.support.Rabbit;
import dev.beckon.support.TestNamespace;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * When PostgreSQL stalls, Beckon consumes slower instead of piling messages up in memory: it
 * holds at most the prefetch, unacknowledged, and the broker keeps the rest ready. The stall is
 * real: another session holds a lock that the batch's insert into {@code events} waits for.
 */
@QuarkusTest
class SlowDatabaseBackpressureTest {

    private static final Pattern IN_FLIGHT = Pattern.compile("(?m)^beckon_ingest_in_flight(?:\\{[^}]*})? ([0-9.]+)$");

    @Inject
    RabbitIngest ingest;
    @Inject
    BrokerConfig config;

    @Test
    void aStalledDatabaseLeavesAllButThePrefetchWithTheBrokerAndStoresEverythingOnceItMoves() throws Exception {
        int prefetch = config.prefetch();
        int messages = prefetch * 5 / 2;
        String run = unique("bp");
        List<String> ids = IntStream.range(0, messages).mapToObj(i -> run + "-" + i).toList();
        List<String> bodies = IntStream.range(0, messages)
                .mapToObj(i -> event(ids.get(i), "backpressure.probe", run + "-c" + (i % 10), "{\"n\": " + i + "}"))
                .toList();
        try (Connection stall = TestNamespace.database(); Rabbit rabbit = new Rabbit()) {
            await().atMost(Duration.ofSeconds(30)).until(() -> rabbit.ready(Rabbit.INGEST) == 0 && ingest.inFlight() == 0);
            stall.setAutoCommit(false);
            try (Statement lock = stall.createStatement()) {
                lock.execute("LOCK TABLE events IN SHARE MODE");
            }

            rabbit.publishAll("backpressure.probe", bodies);

            await().atMost(Duration.ofSeconds(30)).until(() -> ingest.inFlight() == prefetch);
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() ->
                    ingest.inFlight() == prefetch && rabbit.ready(Rabbit.INGEST) == messages - prefetch);
            assertThat(inFlightGauge()).isEqualTo(prefetch);
            assertThat(stored(ids)).isZero();

            stall.rollback();

            await().atMost(Duration.ofSeconds(120)).until(() -> stored(ids) == messages);
            await().atMost(Duration.ofSeconds(30)).until(() -> rabbit.ready(Rabbit.INGEST) == 0 && ingest.inFlight() == 0);
        }
        assertThat(stored(ids)).isEqualTo(messages);
        assertThat(deadLettered(ids)).isZero();
        assertThat(inFlightGauge()).isZero();
    }

    private static double inFlightGauge() {
        String metrics = api().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher gauge = IN_FLIGHT.matcher(metrics);
        assertThat(gauge.find()).as("beckon_ingest_in_flight in /q/metrics").isTrue();
        return Double.parseDouble(gauge.group(1));
    }

    private static long stored(List<String> ids) throws SQLException {
        return count("SELECT count(*) FROM events WHERE id = ANY(?)", ids);
    }

    private static long deadLettered(List<String> ids) throws SQLException {
        return count("SELECT count(*) FROM dead_letters WHERE message_key = ANY(?)", ids);
    }

    private static long count(String sql, List<String> ids) throws SQLException {
        try (Connection connection = TestNamespace.database(); PreparedStatement query = connection.prepareStatement(sql)) {
            query.setArray(1, connection.createArrayOf("text", ids.toArray()));
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }
}
